using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Esignet.Sandbox.Hosting;
using Esignet.Sandbox.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Esignet.Sandbox.Tests;

/// <summary>Client-mgmt security (esignet-api.md §5): bearer JWT, scopes per method, 401/403, CSRF mode.</summary>
public sealed class EsignetSecurityTests
{
    [Theory]
    [InlineData("POST", "oidc-client")]
    [InlineData("PUT", "oidc-client/x")]
    public async Task An_invalid_token_is_401_with_an_empty_body(string method, string path)
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8");
        using var response = await sandbox.SendEsignetAsync(new HttpMethod(method), path, Bodies.Wrap(Bodies.EsignetCreate("x")), "xyz");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_expired_token_is_401_but_one_inside_the_60_second_skew_passes()
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8");
        var expired = await sandbox.MintTokenAsync("add_oidc_client", lifetimeSeconds: -120);
        using var response = await sandbox.SendEsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(Bodies.EsignetCreate("x")), expired);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var justExpired = await sandbox.MintTokenAsync("add_oidc_client", lifetimeSeconds: -10);
        JsonAssert.EsignetSuccess(await sandbox.EsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(Bodies.EsignetCreate("x")), justExpired), "x");
    }

    [Fact]
    public async Task Revoking_rejects_tokens_issued_before_and_accepts_new_ones_until_reset()
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8");
        var old = await sandbox.KeycloakTokenAsync();
        await Task.Delay(1100); // the revocation is by issue second, as Keycloak's not-before
        using (var revoke = await sandbox.Http.PostAsync("/_sandbox/revoke-tokens", null)) Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        using (var refused = await sandbox.SendEsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(Bodies.EsignetCreate("r1")), old))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        var fresh = await sandbox.KeycloakTokenAsync();
        JsonAssert.EsignetSuccess(await sandbox.EsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(Bodies.EsignetCreate("r1")), fresh), "r1");
        using (var reset = await sandbox.Http.PostAsync("/_sandbox/reset", null)) Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        JsonAssert.EsignetSuccess(await sandbox.EsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(Bodies.EsignetCreate("r2")), old), "r2");
    }

    [Fact]
    public async Task A_token_signed_by_another_key_is_401()
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8");
        using var rsa = RSA.Create(2048);
        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = sandbox.Host.BaseUrl + "/auth/realms/mosip",
            Claims = new Dictionary<string, object> { ["scope"] = "add_oidc_client update_oidc_client", ["client_id"] = "evil" },
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa), SecurityAlgorithms.RsaSha256),
        });
        using var response = await sandbox.SendEsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(Bodies.EsignetCreate("x")), forged);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("POST", "oidc-client", "update_oidc_client")]
    [InlineData("PUT", "oidc-client/x", "add_oidc_client")]
    [InlineData("POST", "client", "esignet_admin_access")]
    public async Task A_token_without_the_method_scope_is_403(string method, string path, string scope)
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8");
        var token = await sandbox.MintTokenAsync(scope);
        using var response = await sandbox.SendEsignetAsync(new HttpMethod(method), path, Bodies.Wrap(Bodies.EsignetCreate("x", langMap: true)), token);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("insufficient_scope", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task The_idrepo_service_account_is_forbidden()
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8");
        using var response = await sandbox.SendEsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(Bodies.EsignetCreate("x")), await sandbox.KeycloakTokenAsync("mosip-idrepo-client"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_openg2p_scope_is_accepted_only_when_configured()
    {
        await using var sandbox = await TestSandbox.StartAsync(new SandboxSettings { AcceptEsignetAdminAccess = true });
        var token = await sandbox.KeycloakTokenAsync("openg2p-admin", realm: "master");
        JsonAssert.EsignetSuccess(await sandbox.EsignetAsync(HttpMethod.Post, "oauth-client", Bodies.Wrap(Bodies.EsignetCreate("g2p", langMap: true)), token), "g2p");
    }

    [Fact]
    public async Task A_missing_Authorization_header_is_200_unknown_error()
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8");
        using var response = await sandbox.SendEsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(Bodies.EsignetCreate("x")), null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonAssert.EsignetError(await response.Content.ReadFromJsonAsync<JsonElement>(), "unknown_error", "Full authentication is required to access this resource");
    }

    [Fact]
    public async Task Patch_needs_any_valid_token_but_no_scope()
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8");
        var admin = await sandbox.KeycloakTokenAsync();
        JsonAssert.EsignetSuccess(await sandbox.EsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(Bodies.EsignetCreate("p")), admin), "p");
        var noScope = await sandbox.MintTokenAsync("profile");
        JsonAssert.EsignetSuccess(await sandbox.EsignetAsync(HttpMethod.Patch, "client/p", Bodies.Wrap(new JsonObject { ["status"] = "INACTIVE" }), noScope), "p", "INACTIVE");
    }

    [Fact]
    public async Task Csrf_mode_needs_the_cookie_and_header_pair()
    {
        await using var sandbox = await TestSandbox.StartAsync(new SandboxSettings { EsignetVersion = "1.1", Csrf = true });
        var token = await sandbox.KeycloakTokenAsync();
        using (var refused = await sandbox.SendEsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(Bodies.EsignetCreate("x")), token))
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var csrfResponse = await sandbox.Http.GetAsync("/v1/esignet/csrf/token");
        var csrf = (await csrfResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        Assert.Contains(csrfResponse.Headers.GetValues("Set-Cookie"), c => c.StartsWith("XSRF-TOKEN=" + csrf));
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/esignet/client-mgmt/oidc-client") { Content = TestSandbox.Json(Bodies.Wrap(Bodies.EsignetCreate("x"))) };
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.Add("Cookie", "XSRF-TOKEN=" + csrf);
        request.Headers.Add("X-XSRF-TOKEN", csrf);
        using var accepted = await sandbox.Http.SendAsync(request);
        JsonAssert.EsignetSuccess(await accepted.Content.ReadFromJsonAsync<JsonElement>(), "x");
    }
}
