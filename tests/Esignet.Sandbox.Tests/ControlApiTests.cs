using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Esignet.Sandbox.Hosting;
using Esignet.Sandbox.Tests.Infrastructure;

namespace Esignet.Sandbox.Tests;

/// <summary>The <c>/_sandbox/</c> control API: health, config, clients, requests, reset, token.</summary>
public sealed class ControlApiTests
{
    [Fact]
    public async Task Config_can_be_read_and_changed_and_invalid_values_are_refused()
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8");
        Assert.Equal("1.8", (await sandbox.GetJsonAsync("/_sandbox/config")).GetProperty("esignetVersion").GetString());
        using (var ok = await sandbox.Http.PutAsync("/_sandbox/config", TestSandbox.Json(new JsonObject { ["esignetVersion"] = "1.6" })))
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("1.6", (await sandbox.GetJsonAsync("/_sandbox/health")).GetProperty("esignetVersion").GetString());
        var json = await sandbox.EsignetAsync(HttpMethod.Post, "client", Bodies.Wrap(Bodies.EsignetCreate("x", TestKeys.NewRsaJwk(), langMap: true).Also(r => r["grantTypes"] = Bodies.Array("implicit"))), await sandbox.KeycloakTokenAsync());
        JsonAssert.EsignetError(json, "invalid_grant_type"); // the 1.6 spelling now applies

        foreach (var bad in new[] { "{\"esignetVersion\":\"9.9\"}", "{\"failRate\":2}", "{\"noSuchSetting\":1}" })
        {
            using var refused = await sandbox.Http.PutAsync("/_sandbox/config", new StringContent(bad, System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }
        Assert.Equal("1.6", sandbox.Host.Settings.EsignetVersion);
    }

    [Fact]
    public async Task Clients_requests_and_reset()
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8");
        var token = await sandbox.KeycloakTokenAsync();
        var jwk = TestKeys.NewRsaJwk();
        await sandbox.EsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(Bodies.EsignetCreate("ctl", jwk)), token);
        await sandbox.EsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(Bodies.EsignetCreate("ctl")), token);
        await sandbox.PmsAsync(HttpMethod.Post, "oidc/client", Bodies.PmsCreate(), await sandbox.AuthManagerTokenAsync());

        var clients = await sandbox.GetJsonAsync("/_sandbox/clients");
        var ctl = clients.EnumerateArray().Single(c => c.GetProperty("clientId").GetString() == "ctl");
        Assert.Equal("ACTIVE", ctl.GetProperty("status").GetString());
        Assert.Equal(jwk["n"]!.GetValue<string>(), ctl.GetProperty("publicKey").GetProperty("n").GetString());
        var thumbprint = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(new Microsoft.IdentityModel.Tokens.JsonWebKey(jwk.ToJsonString()).ComputeJwkThumbprint());
        Assert.Equal(thumbprint, ctl.GetProperty("publicKeyThumbprint").GetString());
        Assert.Equal(2, clients.GetArrayLength());
        Assert.Equal(1, (await sandbox.GetJsonAsync("/_sandbox/pms/clients")).GetArrayLength());

        Assert.Equal(2, await sandbox.CountAsync("POST /v1/esignet/client-mgmt/oidc-client"));
        Assert.Equal(1, await sandbox.CountAsync("POST /v1/esignet/client-mgmt/oidc-client", "error:duplicate_client_id"));
        Assert.Equal(1, await sandbox.CountAsync("POST /v1/partnermanager/oidc/client", "success"));

        sandbox.Host.Settings = sandbox.Host.Settings with { EsignetVersion = "1.2" };
        using (var reset = await sandbox.Http.PostAsync("/_sandbox/reset", null)) Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(0, (await sandbox.GetJsonAsync("/_sandbox/clients")).GetArrayLength());
        Assert.Equal(0, (await sandbox.GetJsonAsync("/_sandbox/requests")).GetProperty("total").GetInt64());
        Assert.Equal("1.8", sandbox.Host.Settings.EsignetVersion);
    }

    [Fact]
    public async Task Token_mints_any_scope_from_json_or_form()
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8");
        using var form = await sandbox.Http.PostAsync("/_sandbox/token", new FormUrlEncodedContent(new Dictionary<string, string> { ["clientId"] = "f", ["scope"] = "update_oidc_client" }));
        var token = (await form.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        using var post = await sandbox.SendEsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(Bodies.EsignetCreate("x")), token);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        var jwt = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(await sandbox.MintTokenAsync("a b", lifetimeSeconds: 5));
        Assert.Equal("a b", jwt.GetClaim("scope").Value);
        Assert.Equal(5, (jwt.ValidTo - jwt.IssuedAt).TotalSeconds);
    }
}

internal static class JsonNodeExtensions
{
    /// <summary>Changes a node in place and returns it (keeps request tweaks on one line).</summary>
    public static T Also<T>(this T node, Action<T> change) where T : JsonNode
    {
        change(node);
        return node;
    }
}
