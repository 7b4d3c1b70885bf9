using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Esignet.Sandbox.Tests.Infrastructure;

namespace Esignet.Sandbox.Tests;

/// <summary>The eSignet request/response wrappers (esignet-api.md §1.4–§1.6, §2.9).</summary>
public sealed class EsignetWrapperTests
{
    [Theory]
    [InlineData("missing")]
    [InlineData("2022-11-07T06:51:30")]
    [InlineData("2022-11-07T06:51:30.123+00:00")]
    [InlineData("plus3min")]
    [InlineData("minus3min")]
    [InlineData("   ")]
    public async Task A_bad_requestTime_is_invalid_request_on_requestTime(string requestTime)
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8");
        var body = Bodies.Wrap(Bodies.EsignetCreate("c1"));
        switch (requestTime)
        {
            case "missing": body.Remove("requestTime"); break;
            case "plus3min": body["requestTime"] = Bodies.Now(TimeSpan.FromMinutes(3)); break;
            case "minus3min": body["requestTime"] = Bodies.Now(TimeSpan.FromMinutes(-3)); break;
            default: body["requestTime"] = requestTime; break;
        }
        var json = await sandbox.EsignetAsync(HttpMethod.Post, "oidc-client", body, await sandbox.KeycloakTokenAsync());
        JsonAssert.EsignetError(json, "invalid_request", "requestTime: invalid_request");
    }

    [Fact]
    public async Task A_requestTime_one_minute_off_is_accepted()
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8");
        var json = await sandbox.EsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(Bodies.EsignetCreate("c1"), Bodies.Now(TimeSpan.FromMinutes(-1))), await sandbox.KeycloakTokenAsync());
        JsonAssert.EsignetSuccess(json, "c1");
    }

    [Fact]
    public async Task A_missing_request_is_invalid_request_on_request()
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8");
        var json = await sandbox.EsignetAsync(HttpMethod.Post, "client", new JsonObject { ["requestTime"] = Bodies.Now() }, await sandbox.KeycloakTokenAsync());
        JsonAssert.EsignetError(json, "invalid_request", "request: invalid_request");
    }

    [Theory]
    [InlineData("wrapper")]
    [InlineData("request")]
    public async Task An_unknown_member_is_unknown_error(string where)
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8");
        var body = Bodies.Wrap(Bodies.EsignetCreate("c1"));
        if (where == "wrapper") body["id"] = "mosip.esignet";
        else body["request"]!["additionalConfig"] = new JsonObject(); // not a member of E1's DTO
        var json = await sandbox.EsignetAsync(HttpMethod.Post, "oidc-client", body, await sandbox.KeycloakTokenAsync());
        JsonAssert.EsignetError(json, "unknown_error");
        Assert.Empty(sandbox.Host.EsignetClients.Snapshot());
    }

    [Fact]
    public async Task Malformed_json_and_wrong_types_are_unknown_error()
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8");
        var token = await sandbox.KeycloakTokenAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/esignet/client-mgmt/client") { Content = new StringContent("{not json", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", token);
        using var malformed = await sandbox.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, malformed.StatusCode);
        JsonAssert.EsignetError(System.Text.Json.JsonDocument.Parse(await malformed.Content.ReadAsStringAsync()).RootElement, "unknown_error");

        var body = Bodies.Wrap(Bodies.EsignetCreate("c1"));
        body["request"]!["userClaims"] = "name";
        JsonAssert.EsignetError(await sandbox.EsignetAsync(HttpMethod.Post, "client", body, token), "unknown_error");
    }

    [Fact]
    public async Task Several_violations_give_one_entry_per_field()
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8");
        var body = Bodies.Wrap(Bodies.EsignetCreate("c1"));
        body["request"]!["clientName"] = " ";
        body["request"]!["logoUri"] = "not a url";
        body["request"]!["clientAuthMethods"] = Bodies.Array("client_secret_basic");
        var json = await sandbox.EsignetAsync(HttpMethod.Post, "oidc-client", body, await sandbox.KeycloakTokenAsync());
        var messages = json.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("errorMessage").GetString()).ToHashSet();
        Assert.Contains("request.clientName: invalid_client_name", messages);
        Assert.Contains("request.logoUri: invalid_uri", messages);
        Assert.Contains("request.clientAuthMethods[0]: invalid_client_auth", messages);
    }

    [Fact]
    public async Task A_wrong_content_type_is_415()
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8");
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/esignet/client-mgmt/client") { Content = new StringContent(Bodies.Wrap(Bodies.EsignetCreate("c1")).ToJsonString(), Encoding.UTF8, "text/plain") };
        request.Headers.Authorization = new("Bearer", await sandbox.KeycloakTokenAsync());
        using var response = await sandbox.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }
}
