using System.Text.Json.Nodes;
using Esignet.Sandbox.Control;
using Esignet.Sandbox.Esignet;
using Esignet.Sandbox.Faults;
using Esignet.Sandbox.Hosting;
using Esignet.Sandbox.Json;
using Esignet.Sandbox.State;
using Esignet.Sandbox.Tokens;

namespace Esignet.Sandbox.Oidc;

/// <summary>
/// eSignet's token endpoints, <c>POST /v1/esignet/oauth/token</c> (all lines) and <c>/oauth/v2/token</c> (v1.2+),
/// for the authorization_code grant with a private_key_jwt client assertion (esignet-api.md §6.2). Errors are
/// HTTP 400 OAuth JSON <c>{error, error_description}</c>; a rejected assertion is <c>invalid_assertion</c> up to v1.6
/// and <c>invalid_client</c> from v1.7. Codes come from <c>POST /_sandbox/authorization-code</c>.
/// </summary>
public static class TokenEndpoint
{
    public const string JwtBearer = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    public static void Map(WebApplication app)
    {
        app.MapPost("/v1/esignet/oauth/token", (HttpContext c) => HandleAsync(c, v2: false)).WithMetadata(new FaultScope(FaultTarget.TokenEndpoint));
        app.MapPost("/v1/esignet/oauth/v2/token", (HttpContext c) => HandleAsync(c, v2: true)).WithMetadata(new FaultScope(FaultTarget.TokenEndpoint));
    }

    private static async Task HandleAsync(HttpContext context, bool v2)
    {
        var services = context.RequestServices;
        var runtime = services.GetRequiredService<SandboxRuntime>();
        var line = runtime.Active.Esignet;
        if (v2 && !line.HasV2TokenEndpoint)
        {
            await ProblemResponses.WriteAsync(context, 404, line);
            return;
        }
        if (!context.Request.HasFormContentType)
        {
            await ProblemResponses.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, line);
            return;
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        string? Field(string name) => form.TryGetValue(name, out var v) ? v.ToString() : null;

        if (Field("grant_type") != "authorization_code")
        {
            await ErrorAsync(context, line.GrantTypeErrorCode, "Only authorization_code is supported");
            return;
        }
        foreach (var required in new[] { "code", "client_assertion_type", "client_assertion", "redirect_uri" })
        {
            if (string.IsNullOrEmpty(Field(required)))
            {
                await ErrorAsync(context, "invalid_request", $"{required} is required");
                return;
            }
        }
        if (Field("client_assertion_type") != JwtBearer)
        {
            await ErrorAsync(context, "invalid_assertion_type", "Unsupported client_assertion_type");
            return;
        }
        var codes = services.GetRequiredService<AuthorizationCodes>();
        var code = codes.Find(Field("code"));
        if (code is null)
        {
            await ErrorAsync(context, "invalid_transaction", "Unknown, used or expired code");
            return;
        }
        // client_id, if sent, must match the transaction's client (OAuthServiceImpl.validateRequestParametersWithTransaction).
        if (Field("client_id") is { Length: > 0 } clientId && clientId != code.ClientId)
        {
            await ErrorAsync(context, "invalid_client_id", "client_id does not match the code");
            return;
        }
        if (Field("redirect_uri") != code.RedirectUri)
        {
            await ErrorAsync(context, "invalid_redirect_uri", "redirect_uri differs from the authorize request");
            return;
        }
        var store = services.GetRequiredService<EsignetClientStore>();
        if (!store.TryGet(code.ClientId, out var client) || client.Status != "ACTIVE")
        {
            await ErrorAsync(context, "invalid_client_id", "Client is not active");
            return;
        }
        var baseUrl = HttpJson.BaseUrl(context.Request);
        var audiences = OidcUrls.AcceptedAudiences(baseUrl, line, v2);
        var failure = services.GetRequiredService<ClientAssertionVerifier>().Verify(Field("client_assertion")!, client, line, line.ClientAssertionAlgorithms, audiences);
        if (failure is not null)
        {
            await ErrorAsync(context, line.AssertionErrorCode, failure);
            return;
        }
        codes.Consume(code.Code);
        await WriteTokensAsync(context, client, code, OidcUrls.Issuer(baseUrl, line), runtime);
    }

    private static Task WriteTokensAsync(HttpContext context, EsignetClientRecord client, AuthorizationCode code, string issuer, SandboxRuntime runtime)
    {
        var now = runtime.Clock.GetUtcNow();
        const int lifetime = 3600;
        var key = SigningKeys.EsignetKey;
        var header = new JsonObject { ["alg"] = "RS256", ["kid"] = key.KeyId };
        var subject = "sandbox-psut-" + client.ClientId;
        var access = Jws.SignRs256(header, new JsonObject
        {
            ["iss"] = issuer, ["sub"] = subject, ["aud"] = client.ClientId, ["client_id"] = client.ClientId,
            ["iat"] = now.ToUnixTimeSeconds(), ["exp"] = now.AddSeconds(lifetime).ToUnixTimeSeconds(),
        }, key.Rsa);
        var idToken = Jws.SignRs256((JsonObject)header.DeepClone(), new JsonObject
        {
            ["iss"] = issuer, ["sub"] = subject, ["aud"] = client.ClientId, ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddSeconds(lifetime).ToUnixTimeSeconds(), ["auth_time"] = now.ToUnixTimeSeconds(),
            ["nonce"] = code.Nonce, ["acr"] = client.AuthContextRefs.FirstOrDefault(),
        }, key.Rsa);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
        RequestOutcome.Success(context);
        return HttpJson.WriteAsync(context, 200, new JsonObject
        {
            ["id_token"] = idToken,
            ["access_token"] = access,
            ["token_type"] = "Bearer",
            ["expires_in"] = lifetime,
        });
    }

    private static Task ErrorAsync(HttpContext context, string error, string description)
    {
        RequestOutcome.Error(context, error);
        return HttpJson.WriteAsync(context, 400, new JsonObject { ["error"] = error, ["error_description"] = description });
    }
}
