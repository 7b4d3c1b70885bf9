namespace Esignet.Sandbox.Tokens;

/// <summary>
/// The sandbox-only clients that exist out of the box (documented in README.md). The secrets are public on
/// purpose: they open nothing but this sandbox.
/// </summary>
public static class ServiceAccounts
{
    public const string SandboxSecret = "sandbox-secret";

    /// <summary>Realms served: MOSIP's <c>mosip</c> (esignet-api.md §5.3) and OpenG2P's <c>master</c>.</summary>
    public static readonly IReadOnlyList<string> Realms = ["mosip", "master"];

    public static readonly IReadOnlyList<ServiceAccount> Defaults =
    [
        // Direct eSignet client management (Bearer), like MOSIP's mosip-pms-client scopes without PMS roles.
        new("mosip", "esignet-admin", SandboxSecret, ["add_oidc_client", "update_oidc_client"], [], "service-account-esignet-admin"),
        // PMS's own service account (pms-api.md §9.3): admin roles and both client-mgmt scopes.
        new("mosip", "mosip-pms-client", SandboxSecret, ["add_oidc_client", "update_oidc_client"], ["PARTNER_ADMIN", "PMS_ADMIN", "PMS_USER", "PARTNER"], "service-account-mosip-pms-client"),
        // A valid token without client-mgmt scopes or PMS admin role (api-test "Diff_Token": idrepo) → 403 / ownership errors.
        new("mosip", "mosip-idrepo-client", SandboxSecret, ["profile", "email"], ["ID_REPOSITORY"], "service-account-mosip-idrepo-client"),
        // A partner user who owns the seeded partner openg2p-auth-partner (PMS 1.2.2 ownership checks).
        new("mosip", "openg2p-partner-user", SandboxSecret, [], ["AUTH_PARTNER", "PARTNER"], "openg2p-auth-partner"),
        // A partner user who owns only other-auth-partner.
        new("mosip", "other-partner-user", SandboxSecret, [], ["AUTH_PARTNER", "PARTNER"], "other-auth-partner"),
        // OpenG2P (pms-api.md §11): realm master, scope esignet_admin_access (accepted with --openg2p-scope).
        new("master", "openg2p-admin", SandboxSecret, ["esignet_admin_access"], [], "service-account-openg2p-admin"),
        new("master", "esignet-admin", SandboxSecret, ["add_oidc_client", "update_oidc_client"], [], "service-account-esignet-admin"),
    ];

    public static ServiceAccount? Find(string realm, string clientId) =>
        Defaults.FirstOrDefault(a => a.Realm == realm && a.ClientId == clientId);

    /// <summary>authmanager's <c>mosip.kernel.auth.appids.realm.map</c> (pms-api.md §9.2): every app id maps to mosip.</summary>
    public static string? RealmForAppId(string? appId) =>
        appId is "partner" or "ida" or "admin" or "resident" or "regproc" or "prereg" or "registrationclient" or "mobileid" or "esignet" ? "mosip" : null;
}
