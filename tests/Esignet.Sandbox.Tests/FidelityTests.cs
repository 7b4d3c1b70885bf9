using System.Text.Json.Nodes;
using Esignet.Sandbox.Tests.Infrastructure;

namespace Esignet.Sandbox.Tests;

/// <summary>
/// Issue 16: behaviours of the real servers that the sandbox now reproduces, each read from the source at a tag
/// (cited in the sandbox code next to the rule).
/// </summary>
public sealed class FidelityTests
{
    [Fact]
    public async Task Rule9_a_patch_of_only_the_language_map_loses_a_plain_stored_name()
    {
        // ClientManagementServiceImpl.buildClient@v1.8.0: the stored name of an oidc-client client is plain text, which
        // objectMapper cannot read as a map, so "@none" falls back to "".
        await using var sandbox = await TestSandbox.StartAsync("1.8");
        var token = await sandbox.KeycloakTokenAsync();
        JsonAssert.EsignetSuccess(await sandbox.EsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(Bodies.EsignetCreate("plain-1")), token), "plain-1");
        Assert.Equal("Test client", sandbox.Host.EsignetClients.Snapshot().Single().Name);

        await sandbox.EsignetAsync(HttpMethod.Patch, "client/plain-1", Bodies.Wrap(new JsonObject { ["clientNameLangMap"] = new JsonObject { ["eng"] = "Portal" } }), token);
        var stored = JsonNode.Parse(sandbox.Host.EsignetClients.Snapshot().Single().Name)!.AsObject();
        Assert.Equal("", stored["@none"]!.GetValue<string>());
        Assert.Equal("Portal", stored["eng"]!.GetValue<string>());

        // Sending clientName along, as the module does, keeps it.
        await sandbox.EsignetAsync(HttpMethod.Patch, "client/plain-1", Bodies.Wrap(new JsonObject { ["clientName"] = "Test client", ["clientNameLangMap"] = new JsonObject { ["eng"] = "Portal" } }), token);
        Assert.Equal("Test client", JsonNode.Parse(sandbox.Host.EsignetClients.Snapshot().Single().Name)!["@none"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rule9_a_patch_of_only_the_language_map_keeps_a_map_stored_name()
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8");
        var token = await sandbox.KeycloakTokenAsync();
        await sandbox.EsignetAsync(HttpMethod.Post, "client", Bodies.Wrap(Bodies.EsignetCreate("map-1", langMap: true)), token);
        await sandbox.EsignetAsync(HttpMethod.Patch, "client/map-1", Bodies.Wrap(new JsonObject { ["clientNameLangMap"] = new JsonObject { ["fra"] = "Portail" } }), token);
        var stored = JsonNode.Parse(sandbox.Host.EsignetClients.Snapshot().Single().Name)!.AsObject();
        Assert.Equal("Test client", stored["@none"]!.GetValue<string>());
        Assert.Equal("Portail", stored["fra"]!.GetValue<string>());
        Assert.False(stored.ContainsKey("eng"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Rule10_patch_with_additionalConfig_null_clears_it_and_without_it_keeps_it(bool sendNull)
    {
        // additionalConfig is a JsonNode; Jackson binds null to NullNode, which is != null in buildClient@v1.8.0.
        await using var sandbox = await TestSandbox.StartAsync("1.8");
        var token = await sandbox.KeycloakTokenAsync();
        var request = Bodies.EsignetCreate("cfg-1", langMap: true);
        request["additionalConfig"] = new JsonObject { ["require_pkce"] = true };
        await sandbox.EsignetAsync(HttpMethod.Post, "client", Bodies.Wrap(request), token);
        var patch = new JsonObject { ["status"] = "ACTIVE" };
        if (sendNull) patch["additionalConfig"] = null;
        JsonAssert.EsignetSuccess(await sandbox.EsignetAsync(HttpMethod.Patch, "client/cfg-1", Bodies.Wrap(patch), token), "cfg-1");
        var config = sandbox.Host.EsignetClients.Snapshot().Single().AdditionalConfig;
        if (sendNull) Assert.Null(config);
        else Assert.NotNull(config);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Rule14_pms_takes_a_blank_requesttime_as_absent(string requestTime)
    {
        // requesttime is a LocalDateTime (RequestWrapper.java@v1.2.2.2); Jackson's jsr310 deserializer reads "" as null.
        await using var sandbox = await TestSandbox.StartAsync("1.8", "1.2.2");
        var body = Bodies.PmsCreate();
        body["requesttime"] = requestTime;
        var json = await sandbox.PmsAsync(HttpMethod.Post, "oidc/client", body, await sandbox.AuthManagerTokenAsync());
        Assert.Equal("ACTIVE", json.GetProperty("response").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Rule14_a_requesttime_out_of_pattern_is_still_400()
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8", "1.2.2");
        var body = Bodies.PmsCreate();
        body["requesttime"] = "yesterday";
        using var response = await sandbox.SendPmsAsync(HttpMethod.Post, "oidc/client", body, await sandbox.AuthManagerTokenAsync());
        Assert.Equal(400, (int)response.StatusCode);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("1.8")]
    public async Task Rule6_a_null_claim_is_invalid_claim_and_a_null_acr_is_not(string version)
    {
        await using var sandbox = await TestSandbox.StartAsync(version);
        var token = await sandbox.KeycloakTokenAsync();
        var claims = Bodies.EsignetCreate("null-claim");
        claims["userClaims"] = Bodies.Array("name", null);
        JsonAssert.EsignetError(await sandbox.EsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(claims), token), "invalid_claim");
        var acrs = Bodies.EsignetCreate("null-acr");
        acrs["authContextRefs"] = Bodies.Array("mosip:idp:acr:generated-code", null);
        JsonAssert.EsignetSuccess(await sandbox.EsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(acrs), token), "null-acr");
    }
}
