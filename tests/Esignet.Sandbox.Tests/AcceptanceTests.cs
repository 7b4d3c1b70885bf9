using System.Text.Json;
using System.Text.RegularExpressions;
using Esignet.Sandbox.Tests.Infrastructure;

namespace Esignet.Sandbox.Tests;

/// <summary>Issue 3's acceptance point: on 1.7 a create answers as esignet-api.md §1.5 shows; a repeat is duplicate_client_id.</summary>
public sealed class AcceptanceTests
{
    [Fact]
    public async Task Create_on_1_7_answers_the_section_1_5_shape_and_a_repeat_is_duplicate_client_id()
    {
        await using var sandbox = await TestSandbox.StartAsync("1.7");
        var token = await sandbox.KeycloakTokenAsync();
        var body = Bodies.Wrap(Bodies.EsignetCreate("acceptance-client", langMap: true));

        using var first = await sandbox.SendEsignetAsync(HttpMethod.Post, "client", body, token);
        Assert.Equal(System.Net.HttpStatusCode.OK, first.StatusCode);
        var json = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["responseTime", "response", "errors"], json.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Matches(new Regex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$"), json.GetProperty("responseTime").GetString());
        Assert.Equal(["clientId", "status"], json.GetProperty("response").EnumerateObject().Select(p => p.Name).ToArray());
        JsonAssert.EsignetSuccess(json, "acceptance-client");

        var second = await sandbox.EsignetAsync(HttpMethod.Post, "client", Bodies.Wrap(Bodies.EsignetCreate("acceptance-client", langMap: true)), token);
        JsonAssert.EsignetError(second, "duplicate_client_id", "duplicate_client_id");
        Assert.Single(second.GetProperty("errors").EnumerateArray());
        Assert.Equal(1, await sandbox.CountAsync("POST /v1/esignet/client-mgmt/client", "success"));
    }
}
