using System.Text;
using System.Text.Json.Nodes;
using Esignet.Sandbox.Control;
using Esignet.Sandbox.Faults;
using Esignet.Sandbox.Hosting;
using Esignet.Sandbox.Json;

namespace Esignet.Sandbox.Tokens;

/// <summary>
/// Keycloak's token endpoint for the client_credentials grant (esignet-api.md §5.3, pms-api.md §9.2 item 3), at
/// <c>/auth/realms/{realm}/protocol/openid-connect/token</c> (MOSIP's Keycloak with the /auth prefix) and
/// <c>/realms/{realm}/...</c> (newer Keycloak, OpenG2P). Client credentials come from the form or HTTP Basic.
/// The token's issuer is the realm URL the caller used; the realm's signing key is at <c>.../protocol/openid-connect/certs</c>.
/// </summary>
public static class KeycloakTokenEndpoint
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/auth/realms/{realm}/protocol/openid-connect/token", (HttpContext c, string realm) => HandleAsync(c, realm, withAuthPrefix: true))
            .WithMetadata(new FaultScope(FaultTarget.TokenEndpoint));
        app.MapPost("/realms/{realm}/protocol/openid-connect/token", (HttpContext c, string realm) => HandleAsync(c, realm, withAuthPrefix: false))
            .WithMetadata(new FaultScope(FaultTarget.TokenEndpoint));
        // The realm's JWKS (eSignet's spring.security.oauth2.resourceserver.jwt.jwk-set-uri, esignet-api.md §5.1).
        foreach (var prefix in new[] { "/auth/realms/{realm}", "/realms/{realm}" })
        {
            app.MapGet(prefix + "/protocol/openid-connect/certs", (HttpContext c, string realm) =>
                ServiceAccounts.Realms.Contains(realm) ? HttpJson.WriteAsync(c, 200, SigningKeys.TokenServerKey.Jwks()) : ErrorAsync(c, 404, "Realm does not exist", null));
        }
    }

    private static async Task HandleAsync(HttpContext context, string realm, bool withAuthPrefix)
    {
        if (!ServiceAccounts.Realms.Contains(realm))
        {
            await ErrorAsync(context, 404, "Realm does not exist", null);
            return;
        }
        if (!context.Request.HasFormContentType)
        {
            await ErrorAsync(context, 400, "invalid_request", "Missing form parameter: grant_type");
            return;
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var (clientId, secret) = ClientCredentials(context.Request, form);
        var grantType = form["grant_type"].ToString();
        if (string.IsNullOrEmpty(grantType))
        {
            await ErrorAsync(context, 400, "invalid_request", "Missing form parameter: grant_type");
            return;
        }
        var account = clientId is null ? null : ServiceAccounts.Find(realm, clientId);
        if (account is null || secret != account.Secret)
        {
            // Keycloak answers an unknown client and a wrong secret alike.
            await ErrorAsync(context, 401, "invalid_client", "Invalid client or Invalid client credentials");
            return;
        }
        if (grantType != "client_credentials")
        {
            await ErrorAsync(context, 400, "unsupported_grant_type", "Unsupported grant_type");
            return;
        }

        var runtime = context.RequestServices.GetRequiredService<SandboxRuntime>();
        var lifetime = runtime.Settings.TokenLifetimeSeconds;
        var issuer = AccessTokens.Issuer(HttpJson.BaseUrl(context.Request), realm, withAuthPrefix);
        var token = context.RequestServices.GetRequiredService<AccessTokens>()
            .Issue(issuer, account.ClientId, account.Scopes, account.Roles, account.UserName, TimeSpan.FromSeconds(lifetime));
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
        RequestOutcome.Success(context);
        await HttpJson.WriteAsync(context, 200, new JsonObject
        {
            ["access_token"] = token,
            ["expires_in"] = lifetime,
            ["refresh_expires_in"] = 0,
            ["token_type"] = "Bearer",
            ["not-before-policy"] = 0,
            ["scope"] = string.Join(' ', account.Scopes),
        });
    }

    /// <summary>client_id/client_secret from HTTP Basic (RFC 6749 §2.3.1, form-encoded parts) or the form body.</summary>
    private static (string? ClientId, string? Secret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
                var colon = decoded.IndexOf(':');
                if (colon > 0) return (Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
            }
            catch (FormatException)
            {
                return (null, null);
            }
        }
        var id = form["client_id"].ToString();
        var secret = form["client_secret"].ToString();
        return (id.Length == 0 ? null : id, secret);
    }

    private static Task ErrorAsync(HttpContext context, int status, string error, string? description)
    {
        RequestOutcome.Error(context, error);
        var body = new JsonObject { ["error"] = error };
        if (description is not null) body["error_description"] = description;
        return HttpJson.WriteAsync(context, status, body);
    }
}
