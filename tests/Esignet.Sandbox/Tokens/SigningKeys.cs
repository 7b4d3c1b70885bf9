using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Esignet.Sandbox.Json;

namespace Esignet.Sandbox.Tokens;

/// <summary>
/// The RSA keys the sandbox signs with, generated once per process: one for the token servers (Keycloak realms and
/// authmanager), one for eSignet's own ID/access tokens. A restart makes earlier tokens invalid, as a new realm key would.
/// </summary>
public static class SigningKeys
{
    private static readonly Lazy<NamedKey> TokenServer = new(() => NamedKey.Generate());
    private static readonly Lazy<NamedKey> Esignet = new(() => NamedKey.Generate());

    public static NamedKey TokenServerKey => TokenServer.Value;

    public static NamedKey EsignetKey => Esignet.Value;
}

/// <summary>An RSA key with its <c>kid</c> (RFC 7638 thumbprint) and public JWK.</summary>
public sealed class NamedKey
{
    private NamedKey(RSA rsa)
    {
        Rsa = rsa;
        var p = rsa.ExportParameters(false);
        var n = Base64Url.Encode(p.Modulus);
        var e = Base64Url.Encode(p.Exponent);
        KeyId = Base64Url.Encode(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{{\"e\":\"{e}\",\"kty\":\"RSA\",\"n\":\"{n}\"}}")));
        PublicJwk = new JsonObject { ["kty"] = "RSA", ["kid"] = KeyId, ["use"] = "sig", ["alg"] = "RS256", ["n"] = n, ["e"] = e };
    }

    public RSA Rsa { get; }
    public string KeyId { get; }
    public JsonObject PublicJwk { get; }

    public static NamedKey Generate() => new(RSA.Create(2048));

    /// <summary>A JWKS document with this key.</summary>
    public JsonObject Jwks() => new() { ["keys"] = new JsonArray(PublicJwk.DeepClone()) };
}
