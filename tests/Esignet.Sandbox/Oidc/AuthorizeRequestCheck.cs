using Esignet.Sandbox.State;
using Esignet.Sandbox.Versions;

namespace Esignet.Sandbox.Oidc;

/// <summary>
/// The client checks of the authorize step shared by oauth-details and the sandbox's code issuer: the client must be
/// ACTIVE (<c>getClientDetails</c> filters on status, esignet-api.md §1.3) and the redirect URI must match a
/// registered one (§2.6).
/// </summary>
public static class AuthorizeRequestCheck
{
    /// <summary>Null and the client when acceptable; otherwise invalid_client_id or invalid_redirect_uri.</summary>
    public static string? Check(EsignetClientStore store, string? clientId, string? redirectUri, EsignetLine line, out EsignetClientRecord client)
    {
        client = null!;
        if (string.IsNullOrWhiteSpace(clientId) || !store.TryGet(clientId, out client) || client.Status != "ACTIVE") return "invalid_client_id";
        if (string.IsNullOrWhiteSpace(redirectUri) || !RedirectUriMatcher.Matches(client.RedirectUris, redirectUri, line)) return "invalid_redirect_uri";
        return null;
    }
}
