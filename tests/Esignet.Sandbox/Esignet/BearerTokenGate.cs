using System.Text.RegularExpressions;
using Esignet.Sandbox.Hosting;
using Esignet.Sandbox.Tokens;

namespace Esignet.Sandbox.Esignet;

/// <summary>
/// eSignet's resource-server security for client-mgmt (esignet-api.md §5): a Bearer JWT from the sandbox token
/// server; POST needs scope add_oidc_client, PUT update_oidc_client, PATCH (and anything else) any valid token.
/// Bad or expired token: 401, empty body, <c>WWW-Authenticate: Bearer error="invalid_token"</c>. Missing scope: 403.
/// No Authorization header: HTTP 200 with unknown_error (§5.5 [inference], LocalAuthenticationEntryPoint).
/// </summary>
public sealed partial class BearerTokenGate
{
    /// <summary>Spring Security's default JWT clock skew.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(60);

    private const string ErrorUri = "https://tools.ietf.org/html/rfc6750#section-3.1";

    private readonly AccessTokens _tokens;
    private readonly SandboxRuntime _runtime;

    public BearerTokenGate(AccessTokens tokens, SandboxRuntime runtime)
    {
        _tokens = tokens;
        _runtime = runtime;
    }

    // DefaultBearerTokenResolver's pattern.
    [GeneratedRegex("^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$", RegexOptions.IgnoreCase)]
    private static partial Regex BearerPattern();

    /// <summary>The scope a method needs on client-mgmt; null for "any valid token".</summary>
    public static string? RequiredScope(string method) => method switch
    {
        "POST" => "add_oidc_client",
        "PUT" => "update_oidc_client",
        _ => null,
    };

    /// <summary>True when the request may go on; otherwise the refusal has been written.</summary>
    public async Task<bool> AuthorizeAsync(HttpContext context, string? requiredScope)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("bearer", StringComparison.OrdinalIgnoreCase))
        {
            var outcome = EsignetOutcome.Failure(new EsignetError("unknown_error", "Full authentication is required to access this resource"));
            await EsignetResponses.WriteAsync(context, outcome, _runtime.Clock);
            return false;
        }
        var match = BearerPattern().Match(header);
        var principal = match.Success ? _tokens.Validate(match.Groups["token"].Value, ClockSkew) : null;
        if (principal is null)
        {
            var description = match.Success ? "An error occurred while attempting to decode the Jwt: Signed JWT rejected: Invalid signature or expired" : "Bearer token is malformed";
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = $"Bearer error=\"invalid_token\", error_description=\"{description}\", error_uri=\"{ErrorUri}\"";
            Control.RequestOutcome.Set(context, "http:401");
            return false;
        }
        if (requiredScope is not null && !principal.HasScope(requiredScope) &&
            !(_runtime.Settings.AcceptEsignetAdminAccess && principal.HasScope("esignet_admin_access")))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.Headers.WWWAuthenticate = $"Bearer error=\"insufficient_scope\", error_description=\"The request requires higher privileges than provided by the access token.\", error_uri=\"{ErrorUri}\"";
            Control.RequestOutcome.Set(context, "http:403");
            return false;
        }
        return true;
    }
}
