namespace Esignet.Sandbox.Tokens;

/// <summary>What a validated sandbox access token says about its caller.</summary>
public sealed record TokenPrincipal(string Realm, string ClientId, IReadOnlySet<string> Scopes, IReadOnlySet<string> Roles, string UserId, DateTimeOffset ExpiresAt)
{
    public bool HasScope(string scope) => Scopes.Contains(scope);

    /// <summary>PMS 1.2.2: "authorities string contains PARTNER_ADMIN" (pms-api.md §5.1 #4).</summary>
    public bool IsPartnerAdmin => Roles.Any(r => r.Contains("PARTNER_ADMIN", StringComparison.Ordinal));
}
