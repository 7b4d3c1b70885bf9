using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Esignet.Sandbox.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Esignet.Sandbox.Tests;

/// <summary>Discovery, oauth-details and the token endpoint's client-assertion checks (esignet-api.md §1.3, §6).</summary>
public sealed class OidcTests
{
    private const string RedirectUri = "https://example.org/auth_oauth/signin";

    [Theory]
    [InlineData("1.7", "/v1/esignet", "/v1/esignet/oauth/v2/token", new[] { "RS256", "PS256", "ES256" })]
    [InlineData("1.8", "", "/v1/esignet/oauth/v2/token", new[] { "RS256", "PS256", "ES256" })]
    [InlineData("1.3", "/v1/esignet", "/v1/esignet/oauth/token", new[] { "RS256" })]
    public async Task Discovery_is_served_at_both_paths_with_the_line_values(string version, string issuerPath, string tokenPath, string[] algorithms)
    {
        await using var sandbox = await TestSandbox.StartAsync(version);
        var root = await sandbox.GetJsonAsync("/.well-known/openid-configuration");
        var pmsPath = await sandbox.GetJsonAsync("/v1/esignet/oidc/.well-known/openid-configuration");
        Assert.Equal(root.GetRawText(), pmsPath.GetRawText());
        Assert.Equal(sandbox.Host.BaseUrl + issuerPath, root.GetProperty("issuer").GetString());
        Assert.Equal(sandbox.Host.BaseUrl + tokenPath, root.GetProperty("token_endpoint").GetString());
        Assert.Equal(algorithms, root.GetProperty("token_endpoint_auth_signing_alg_values_supported").EnumerateArray().Select(a => a.GetString()!).ToArray());
        Assert.Contains("individual_id", root.GetProperty("claims_supported").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(["private_key_jwt"], root.GetProperty("token_endpoint_auth_methods_supported").EnumerateArray().Select(a => a.GetString()!).ToArray());
    }

    [Fact]
    public async Task Oauth_details_needs_csrf_and_answers_only_for_an_active_client_and_registered_redirect()
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8");
        var token = await sandbox.KeycloakTokenAsync();
        JsonAssert.EsignetSuccess(await sandbox.EsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(Bodies.EsignetCreate("rp")), token), "rp");

        using (var refused = await sandbox.Http.PostAsync("/v1/esignet/authorization/oauth-details", TestSandbox.Json(Details("rp", RedirectUri))))
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var csrf = (await sandbox.GetJsonAsync("/v1/esignet/csrf/token")).GetProperty("token").GetString()!;
        async Task<JsonElement> DetailsAsync(string clientId, string redirect)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/v1/esignet/authorization/oauth-details") { Content = TestSandbox.Json(Details(clientId, redirect)) };
            request.Headers.Add("Cookie", "XSRF-TOKEN=" + csrf);
            request.Headers.Add("X-XSRF-TOKEN", csrf);
            using var response = await sandbox.Http.SendAsync(request);
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        var ok = await DetailsAsync("rp", RedirectUri);
        Assert.Equal("Test client", ok.GetProperty("response").GetProperty("clientName").GetString());
        JsonAssert.EsignetError(await DetailsAsync("rp", "https://evil.example.org/cb"), "invalid_redirect_uri");
        JsonAssert.EsignetError(await DetailsAsync("nobody", RedirectUri), "invalid_client_id");

        await sandbox.EsignetAsync(HttpMethod.Patch, "client/rp", Bodies.Wrap(new JsonObject { ["status"] = "INACTIVE" }), token);
        JsonAssert.EsignetError(await DetailsAsync("rp", RedirectUri), "invalid_client_id");
    }

    private static JsonObject Details(string clientId, string redirectUri) => Bodies.Wrap(new JsonObject
    {
        ["clientId"] = clientId, ["redirectUri"] = redirectUri, ["scope"] = "openid profile", ["responseType"] = "code", ["nonce"] = "n1",
    });

    /// <summary>A registered client with <paramref name="rsa"/>, a fresh code, and a form poster for the v2 token endpoint.</summary>
    private sealed class TokenFlow(TestSandbox sandbox, RSA rsa)
    {
        public string Audience => sandbox.Host.BaseUrl + "/v1/esignet/oauth/v2/token";

        public static async Task<TokenFlow> StartAsync(TestSandbox sandbox, RSA rsa, string? kid = null)
        {
            var jwk = TestKeys.Jwk(rsa, kid: kid);
            JsonAssert.EsignetSuccess(await sandbox.EsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(Bodies.EsignetCreate("rp", jwk)), await sandbox.KeycloakTokenAsync()), "rp");
            return new TokenFlow(sandbox, rsa);
        }

        public string Assertion(string? aud = null, string iss = "rp", string sub = "rp", bool jti = true, string alg = SecurityAlgorithms.RsaSha256, DateTime? expires = null, string? kid = null)
        {
            var claims = new Dictionary<string, object> { ["sub"] = sub };
            if (jti) claims["jti"] = Guid.NewGuid().ToString();
            var now = DateTime.UtcNow;
            return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = iss,
                Audience = aud ?? Audience,
                Claims = claims,
                IssuedAt = now.AddSeconds(-30),
                NotBefore = now.AddSeconds(-30),
                Expires = expires ?? now.AddMinutes(2),
                SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = kid }, alg),
            });
        }

        public async Task<(int Status, JsonElement Body)> ExchangeAsync(string assertion)
        {
            using var codeResponse = await sandbox.Http.PostAsync("/_sandbox/authorization-code", TestSandbox.Json(new JsonObject { ["clientId"] = "rp", ["redirectUri"] = RedirectUri }));
            var code = (await codeResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
            using var response = await sandbox.Http.PostAsync("/v1/esignet/oauth/v2/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = RedirectUri, ["client_id"] = "rp",
                ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", ["client_assertion"] = assertion,
            }));
            return ((int)response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
        }
    }

    [Theory]
    [InlineData("1.6")]
    [InlineData("1.7")]
    [InlineData("1.8")]
    public async Task A_good_assertion_gets_tokens(string version)
    {
        await using var sandbox = await TestSandbox.StartAsync(version);
        using var rsa = TestKeys.NewRsa();
        var flow = await TokenFlow.StartAsync(sandbox, rsa);
        var (status, body) = await flow.ExchangeAsync(flow.Assertion());
        Assert.Equal(200, status);
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("id_token").GetString()));
    }

    public static TheoryData<string, string, string> RejectedAssertions() => new()
    {
        { "1.6", "wrong-aud", "invalid_assertion" },
        { "1.7", "wrong-aud", "invalid_client" },
        { "1.6", "aud-is-issuer", "invalid_assertion" },
        { "1.8", "wrong-iss", "invalid_client" },
        { "1.8", "wrong-sub", "invalid_client" },
        { "1.8", "expired", "invalid_client" },
        { "1.7", "no-jti", "invalid_client" },
        { "1.6", "ps256", "invalid_assertion" },
        { "1.8", "other-key", "invalid_client" },
        { "1.8", "kid-mismatch", "invalid_client" },
    };

    [Theory]
    [MemberData(nameof(RejectedAssertions))]
    public async Task A_bad_assertion_is_rejected_with_the_line_error(string version, string defect, string error)
    {
        await using var sandbox = await TestSandbox.StartAsync(version);
        using var rsa = TestKeys.NewRsa();
        using var other = TestKeys.NewRsa();
        var flow = await TokenFlow.StartAsync(sandbox, rsa, kid: defect == "kid-mismatch" ? "k1" : null);
        var assertion = defect switch
        {
            "wrong-aud" => flow.Assertion(aud: "https://elsewhere.example.org/token"),
            "aud-is-issuer" => flow.Assertion(aud: sandbox.Host.BaseUrl + "/v1/esignet"),
            "wrong-iss" => flow.Assertion(iss: "someone"),
            "wrong-sub" => flow.Assertion(sub: "someone"),
            "expired" => flow.Assertion(expires: DateTime.UtcNow.AddSeconds(-20)),
            "no-jti" => flow.Assertion(jti: false),
            "ps256" => flow.Assertion(alg: SecurityAlgorithms.RsaSsaPssSha256),
            "other-key" => new TokenFlow(sandbox, other).Assertion(),
            _ => flow.Assertion(kid: "k2"),
        };
        var (status, body) = await flow.ExchangeAsync(assertion);
        Assert.Equal(400, status);
        Assert.Equal(error, body.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("1.7", "aud-is-issuer")]
    [InlineData("1.7", "ps256")]
    [InlineData("1.6", "no-jti")]
    public async Task Later_lines_accept_what_earlier_ones_refuse(string version, string variant)
    {
        await using var sandbox = await TestSandbox.StartAsync(version);
        using var rsa = TestKeys.NewRsa();
        var flow = await TokenFlow.StartAsync(sandbox, rsa);
        var assertion = variant switch
        {
            "aud-is-issuer" => flow.Assertion(aud: sandbox.Host.BaseUrl + "/v1/esignet"),
            "ps256" => flow.Assertion(alg: SecurityAlgorithms.RsaSsaPssSha256),
            _ => flow.Assertion(jti: false),
        };
        Assert.Equal(200, (await flow.ExchangeAsync(assertion)).Status);
    }

    [Fact]
    public async Task A_replayed_jti_is_rejected_from_1_7()
    {
        await using var sandbox = await TestSandbox.StartAsync("1.7");
        using var rsa = TestKeys.NewRsa();
        var flow = await TokenFlow.StartAsync(sandbox, rsa);
        var assertion = flow.Assertion();
        Assert.Equal(200, (await flow.ExchangeAsync(assertion)).Status);
        var (status, body) = await flow.ExchangeAsync(assertion);
        Assert.Equal(400, status);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
    }
}
