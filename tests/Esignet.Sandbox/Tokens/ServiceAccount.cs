namespace Esignet.Sandbox.Tokens;

/// <summary>
/// A confidential client of the sandbox token servers (Keycloak client credentials, authmanager clientidsecretkey).
/// <see cref="UserName"/> becomes <c>preferred_username</c>, which PMS 1.2.2 compares with a partner's user id.
/// </summary>
public sealed record ServiceAccount(string Realm, string ClientId, string Secret, IReadOnlyList<string> Scopes, IReadOnlyList<string> Roles, string UserName);
