using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Esignet.Sandbox.Tokens;

/// <summary>
/// Issues and validates the RS256 access tokens of the sandbox token servers. Claims follow Keycloak's
/// client-credentials tokens: exp, iat, jti, iss (realm issuer), aud, sub, typ, azp, client_id, scope,
/// realm_access.roles (+ a flat roles array), preferred_username.
/// </summary>
public sealed class AccessTokens
{
    private readonly TimeProvider _clock;
    private long _notBefore; // Unix seconds; tokens issued earlier are rejected (Keycloak's realm "not before")

    public AccessTokens(TimeProvider clock) => _clock = clock;

    /// <summary>
    /// Keycloak's "push not-before" revocation: every token issued before the current second stops working at
    /// once, as after a realm key rotation or an admin's revoke. Callers then see 401 and must fetch a new token.
    /// </summary>
    public void RevokeIssuedBeforeNow() => Interlocked.Exchange(ref _notBefore, _clock.GetUtcNow().ToUnixTimeSeconds());

    /// <summary>Forgets the revocation (sandbox reset).</summary>
    public void ClearRevocation() => Interlocked.Exchange(ref _notBefore, 0);

    /// <summary>The Keycloak issuer of a realm: <c>{base}/auth/realms/{realm}</c> (or without /auth).</summary>
    public static string Issuer(string baseUrl, string realm, bool withAuthPrefix = true) =>
        $"{baseUrl.TrimEnd('/')}{(withAuthPrefix ? "/auth" : "")}/realms/{realm}";

    public string Issue(string issuer, string clientId, IEnumerable<string> scopes, IEnumerable<string> roles, string userName, TimeSpan lifetime)
    {
        var now = _clock.GetUtcNow();
        var roleArray = roles.ToArray();
        var payload = new JsonObject
        {
            ["exp"] = (now + lifetime).ToUnixTimeSeconds(),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["jti"] = Guid.NewGuid().ToString(),
            ["iss"] = issuer,
            ["aud"] = "account",
            ["sub"] = StableSubject(issuer, clientId),
            ["typ"] = "Bearer",
            ["azp"] = clientId,
            ["client_id"] = clientId,
            ["scope"] = string.Join(' ', scopes),
            ["realm_access"] = new JsonObject { ["roles"] = new JsonArray(roleArray.Select(r => (JsonNode)r).ToArray()) },
            ["roles"] = new JsonArray(roleArray.Select(r => (JsonNode)r).ToArray()),
            ["preferred_username"] = userName,
        };
        var key = SigningKeys.TokenServerKey;
        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = key.KeyId };
        return Jws.SignRs256(header, payload, key.Rsa);
    }

    /// <summary>
    /// Signature by the sandbox token-server key, an issuer ending in <c>/realms/{known realm}</c> (the host part is
    /// not compared, so tokens work whatever address the caller used), and exp/nbf within <paramref name="clockSkew"/>.
    /// </summary>
    public TokenPrincipal? Validate(string? token, TimeSpan clockSkew)
    {
        var jws = Jws.TryParse(token);
        if (jws is null || jws.Algorithm != "RS256" || !jws.VerifyWith(SigningKeys.TokenServerKey.Rsa)) return null;
        var p = jws.Payload;
        var issuer = Text(p, "iss");
        var realm = ServiceAccounts.Realms.FirstOrDefault(r => issuer?.EndsWith("/realms/" + r, StringComparison.Ordinal) == true);
        if (realm is null) return null;
        if (!p.TryGetProperty("exp", out var expElement) || !expElement.TryGetInt64(out var exp)) return null;
        var now = _clock.GetUtcNow();
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(exp);
        if (now > expiresAt + clockSkew) return null;
        if (!p.TryGetProperty("iat", out var iatElement) || !iatElement.TryGetInt64(out var iat) || iat < Interlocked.Read(ref _notBefore)) return null;
        if (p.TryGetProperty("nbf", out var nbfElement) && nbfElement.TryGetInt64(out var nbf) && now + clockSkew < DateTimeOffset.FromUnixTimeSeconds(nbf)) return null;
        var scopes = (Text(p, "scope") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var roles = new HashSet<string>(StringComparer.Ordinal);
        if (p.TryGetProperty("realm_access", out var access) && access.ValueKind == JsonValueKind.Object && access.TryGetProperty("roles", out var r) && r.ValueKind == JsonValueKind.Array)
        {
            foreach (var role in r.EnumerateArray())
            {
                if (role.ValueKind == JsonValueKind.String) roles.Add(role.GetString()!);
            }
        }
        var clientId = Text(p, "client_id") ?? Text(p, "azp") ?? "";
        var userId = Text(p, "preferred_username") ?? Text(p, "sub") ?? clientId;
        return new TokenPrincipal(realm, clientId, scopes, roles, userId, expiresAt);
    }

    private static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string StableSubject(string issuer, string clientId) =>
        new Guid(MD5.HashData(Encoding.UTF8.GetBytes(issuer + "|" + clientId))).ToString();
}
