using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Esignet.Sandbox.Tests.Infrastructure;

namespace Esignet.Sandbox.Tests;

/// <summary>PUT (E2/E4/E6) and PATCH (E7), and which endpoints each line has (esignet-api.md §1.2, §2.4, §2.7).</summary>
public sealed class EsignetUpdateTests
{
    private static async Task<string> CreateAsync(TestSandbox sandbox, string token, string clientId = "upd-client", JsonObject? additionalConfig = null)
    {
        var endpoint = sandbox.Host.Runtime.Active.Esignet.Minor >= 6 ? "client" : sandbox.Host.Runtime.Active.Esignet.Minor >= 2 ? "oauth-client" : "oidc-client";
        var request = Bodies.EsignetCreate(clientId, langMap: endpoint != "oidc-client");
        if (additionalConfig is not null) request["additionalConfig"] = additionalConfig;
        JsonAssert.EsignetSuccess(await sandbox.EsignetAsync(HttpMethod.Post, endpoint, Bodies.Wrap(request), token), clientId);
        return clientId;
    }

    [Theory]
    [InlineData("1.0", "oidc-client")]
    [InlineData("1.4", "oauth-client")]
    [InlineData("1.7", "client")]
    public async Task Put_replaces_the_fields_and_answers_the_requested_status(string version, string endpoint)
    {
        await using var sandbox = await TestSandbox.StartAsync(version);
        var token = await sandbox.KeycloakTokenAsync("mosip-pms-client");
        var id = await CreateAsync(sandbox, token);
        var json = await sandbox.EsignetAsync(HttpMethod.Put, $"{endpoint}/{id}", Bodies.Wrap(Bodies.EsignetUpdate("INACTIVE", langMap: endpoint != "oidc-client")), token);
        JsonAssert.EsignetSuccess(json, id, "INACTIVE");
        var stored = sandbox.Host.EsignetClients.Snapshot().Single();
        Assert.Equal("INACTIVE", stored.Status);
        Assert.Equal("https://example.org/logo2.png", stored.LogoUri);
        Assert.Equal(["name"], stored.UserClaims);
    }

    [Fact]
    public async Task Put_on_oidc_client_flattens_a_language_map_name()
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8");
        var token = await sandbox.KeycloakTokenAsync();
        var id = await CreateAsync(sandbox, token);
        Assert.StartsWith("{", sandbox.Host.EsignetClients.Snapshot().Single().Name);
        await sandbox.EsignetAsync(HttpMethod.Put, $"oidc-client/{id}", Bodies.Wrap(Bodies.EsignetUpdate()), token);
        Assert.Equal("Renamed", sandbox.Host.EsignetClients.Snapshot().Single().Name);
    }

    [Fact]
    public async Task Put_on_client_clears_an_omitted_additionalConfig()
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8");
        var token = await sandbox.KeycloakTokenAsync();
        var id = await CreateAsync(sandbox, token, additionalConfig: new JsonObject { ["require_pkce"] = true });
        Assert.NotNull(sandbox.Host.EsignetClients.Snapshot().Single().AdditionalConfig);
        await sandbox.EsignetAsync(HttpMethod.Put, $"client/{id}", Bodies.Wrap(Bodies.EsignetUpdate(langMap: true)), token);
        Assert.Null(sandbox.Host.EsignetClients.Snapshot().Single().AdditionalConfig);
    }

    [Theory]
    [InlineData("1.8", "oidc-client", "status=active", "invalid_status", "request.status: invalid_status")]
    [InlineData("1.8", "client", "status=null", "invalid_status", "request.status: invalid_status")]
    [InlineData("1.7", "client", "userClaims=[]", "invalid_claim", "request.userClaims: invalid_claim")]
    [InlineData("1.7", "client", "grantTypes=implicit", "unsupported_grant_type", "request.grantTypes[0]: unsupported_grant_type")]
    [InlineData("1.6", "client", "grantTypes=implicit", "invalid_grant_type", "request.grantTypes[0]: invalid_grant_type")]
    [InlineData("1.8", "oauth-client", "clientName=", "invalid_client_name", "request.clientName: invalid_client_name")]
    [InlineData("1.8", "client", "clientAuthMethods=none", "invalid_client_auth", "request.clientAuthMethods[0]: invalid_client_auth")]
    [InlineData("1.8", "client", "logoUri=", "invalid_uri", "request.logoUri: invalid_uri")]
    [InlineData("1.8", "client", "redirectUris=", "invalid_redirect_uri", "request.redirectUris[0]: invalid_redirect_uri")]
    [InlineData("1.8", "client", "authContextRefs=", "invalid_acr", "request.authContextRefs[0]: invalid_acr")]
    public async Task Put_validation_errors(string version, string endpoint, string mutation, string code, string message)
    {
        await using var sandbox = await TestSandbox.StartAsync(version);
        var token = await sandbox.KeycloakTokenAsync();
        var id = await CreateAsync(sandbox, token);
        var request = Bodies.EsignetUpdate(langMap: endpoint != "oidc-client");
        EsignetCreateErrorTests.Apply(request, mutation);
        JsonAssert.EsignetError(await sandbox.EsignetAsync(HttpMethod.Put, $"{endpoint}/{id}", Bodies.Wrap(request), token), code, message);
    }

    [Fact]
    public async Task Put_allows_empty_userClaims_from_1_8()
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8");
        var token = await sandbox.KeycloakTokenAsync();
        var id = await CreateAsync(sandbox, token);
        var request = Bodies.EsignetUpdate(langMap: true);
        request["userClaims"] = new JsonArray();
        JsonAssert.EsignetSuccess(await sandbox.EsignetAsync(HttpMethod.Put, $"client/{id}", Bodies.Wrap(request), token), id);
    }

    [Theory]
    [InlineData("PUT", "oidc-client")]
    [InlineData("PATCH", "client")]
    public async Task An_unknown_id_is_invalid_client_id(string method, string endpoint)
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8");
        var body = method == "PUT" ? Bodies.EsignetUpdate() : new JsonObject { ["status"] = "INACTIVE" };
        var json = await sandbox.EsignetAsync(new HttpMethod(method), $"{endpoint}/nobody", Bodies.Wrap(body), await sandbox.KeycloakTokenAsync());
        JsonAssert.EsignetError(json, "invalid_client_id", "invalid_client_id");
    }

    [Fact]
    public async Task Patch_applies_only_the_members_sent_and_validates_encPublicKey()
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8");
        var token = await sandbox.KeycloakTokenAsync();
        var id = await CreateAsync(sandbox, token);
        var before = sandbox.Host.EsignetClients.Snapshot().Single();
        var json = await sandbox.EsignetAsync(HttpMethod.Patch, $"client/{id}", Bodies.Wrap(new JsonObject { ["status"] = "INACTIVE", ["encPublicKey"] = TestKeys.Jwk(TestKeys.NewRsa(), use: "enc", alg: "RSA-OAEP-256") }), token);
        JsonAssert.EsignetSuccess(json, id, "INACTIVE");
        var after = sandbox.Host.EsignetClients.Snapshot().Single();
        Assert.Equal(before.LogoUri, after.LogoUri);
        Assert.Equal(before.RedirectUris, after.RedirectUris);
        Assert.NotNull(after.EncPublicKey);

        var bad = await sandbox.EsignetAsync(HttpMethod.Patch, $"client/{id}", Bodies.Wrap(new JsonObject { ["encPublicKey"] = new JsonObject { ["kty"] = "oct", ["k"] = "AAAA" } }), token);
        JsonAssert.EsignetError(bad, "invalid_public_key");
        var badName = await sandbox.EsignetAsync(HttpMethod.Patch, $"client/{id}", Bodies.Wrap(new JsonObject { ["clientNameLangMap"] = new JsonObject { ["xyz1"] = "x" } }), token);
        JsonAssert.EsignetError(badName, "invalid_language_code");
    }

    [Theory]
    [InlineData("1.1", "POST", "oauth-client", 404)]
    [InlineData("1.5", "POST", "client", 404)]
    [InlineData("1.7", "PATCH", "client/x", 405)]
    [InlineData("1.8", "GET", "client/x", 405)]
    [InlineData("1.8", "DELETE", "oidc-client/x", 405)]
    public async Task Endpoints_missing_on_a_line_answer_404_or_405(string version, string method, string path, int status)
    {
        await using var sandbox = await TestSandbox.StartAsync(version);
        var token = await sandbox.KeycloakTokenAsync();
        var request = new HttpRequestMessage(new HttpMethod(method), "/v1/esignet/client-mgmt/" + path);
        if (method != "GET" && method != "DELETE") request.Content = TestSandbox.Json(Bodies.Wrap(Bodies.EsignetCreate("x", langMap: true)));
        request.Headers.Authorization = new("Bearer", token);
        using var response = await sandbox.Http.SendAsync(request);
        Assert.Equal(status, (int)response.StatusCode);
        if (version == "1.8") Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        else Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Empty(sandbox.Host.EsignetClients.Snapshot());
    }
}
