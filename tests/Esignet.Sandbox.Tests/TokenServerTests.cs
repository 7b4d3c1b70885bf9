using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Esignet.Sandbox.Hosting;
using Esignet.Sandbox.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Esignet.Sandbox.Tests;

/// <summary>The Keycloak client-credentials endpoint and authmanager clientidsecretkey (esignet-api.md §5.3, pms-api.md §9.2).</summary>
public sealed class TokenServerTests
{
    private static FormUrlEncodedContent Form(params (string, string)[] fields) => new(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));

    [Theory]
    [InlineData("/auth/realms/mosip/protocol/openid-connect/token", "/auth/realms/mosip")]
    [InlineData("/realms/master/protocol/openid-connect/token", "/realms/master")]
    public async Task Client_credentials_give_an_RS256_token_that_verifies_against_the_realm_jwks(string path, string issuerPath)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var response = await sandbox.Http.PostAsync(path, Form(("grant_type", "client_credentials"), ("client_id", "esignet-admin"), ("client_secret", "sandbox-secret")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", json.GetProperty("token_type").GetString());
        Assert.Equal(300, json.GetProperty("expires_in").GetInt32());
        Assert.Equal("add_oidc_client update_oidc_client", json.GetProperty("scope").GetString());

        var jwks = new JsonWebKeySet(await sandbox.Http.GetStringAsync(issuerPath + "/protocol/openid-connect/certs"));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(json.GetProperty("access_token").GetString(), new TokenValidationParameters
        {
            ValidIssuer = sandbox.Host.BaseUrl + issuerPath,
            ValidateAudience = false,
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidAlgorithms = ["RS256"],
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("esignet-admin", result.Claims["client_id"]);
        Assert.Equal("add_oidc_client update_oidc_client", result.Claims["scope"]);
        Assert.True(result.Claims.ContainsKey("iat") && result.Claims.ContainsKey("exp"));
    }

    [Fact]
    public async Task Basic_authentication_works_and_the_lifetime_follows_the_setting()
    {
        await using var sandbox = await TestSandbox.StartAsync(new SandboxSettings { TokenLifetimeSeconds = 7 });
        var request = new HttpRequestMessage(HttpMethod.Post, "/auth/realms/mosip/protocol/openid-connect/token") { Content = Form(("grant_type", "client_credentials")) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("mosip-pms-client:sandbox-secret")));
        using var response = await sandbox.Http.SendAsync(request);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(7, json.GetProperty("expires_in").GetInt32());
        var token = new JsonWebToken(json.GetProperty("access_token").GetString());
        Assert.Equal(7, (token.ValidTo - token.IssuedAt).TotalSeconds);
        Assert.Contains("PARTNER_ADMIN", token.Claims.Where(c => c.Type == "roles").Select(c => c.Value));
    }

    [Theory]
    [InlineData("esignet-admin", "wrong", "client_credentials", 401, "invalid_client")]
    [InlineData("nobody", "sandbox-secret", "client_credentials", 401, "invalid_client")]
    [InlineData("esignet-admin", "sandbox-secret", "password", 400, "unsupported_grant_type")]
    public async Task Bad_requests_get_the_oauth_error(string clientId, string secret, string grant, int status, string error)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var response = await sandbox.Http.PostAsync("/auth/realms/mosip/protocol/openid-connect/token", Form(("grant_type", grant), ("client_id", clientId), ("client_secret", secret)));
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(error, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task An_unknown_realm_is_404()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var response = await sandbox.Http.PostAsync("/auth/realms/nope/protocol/openid-connect/token", Form(("grant_type", "client_credentials")));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Authmanager_returns_the_token_in_header_and_cookie_not_in_the_body()
    {
        await using var sandbox = await TestSandbox.StartAsync(new SandboxSettings { TokenLifetimeSeconds = 42 });
        using var response = await sandbox.Http.PostAsync("/v1/authmanager/authenticate/clientidsecretkey", TestSandbox.Json(new JsonObject
        {
            ["id"] = "string", ["version"] = "string", ["requesttime"] = Bodies.Now(), ["metadata"] = new JsonObject(),
            ["request"] = new JsonObject { ["clientId"] = "mosip-pms-client", ["secretKey"] = "sandbox-secret", ["appId"] = "partner" },
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = response.Headers.GetValues("Authorization").Single();
        Assert.DoesNotContain("Bearer", token);
        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        Assert.StartsWith($"Authorization={token};", cookie);
        Assert.Contains("Max-Age=42", cookie);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Success", body.GetProperty("response").GetProperty("status").GetString());
        Assert.DoesNotContain(token, body.GetRawText());
    }

    [Theory]
    [InlineData("mosip-pms-client", "wrong", "partner")]
    [InlineData("mosip-pms-client", "sandbox-secret", "unknown-app")]
    public async Task Authmanager_bad_credentials_give_KER_ATH_401_and_no_token(string clientId, string secret, string appId)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var response = await sandbox.Http.PostAsync("/v1/authmanager/authenticate/clientidsecretkey", TestSandbox.Json(new JsonObject
        {
            ["request"] = new JsonObject { ["clientId"] = clientId, ["secretKey"] = secret, ["appId"] = appId },
        }));
        Assert.False(response.Headers.Contains("Authorization"));
        Assert.False(response.Headers.Contains("Set-Cookie"));
        var error = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.Equal("KER-ATH-401", error.GetProperty("errorCode").GetString());
    }
}
