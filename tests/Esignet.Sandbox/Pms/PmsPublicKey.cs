using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Esignet.Sandbox.Json;
using Esignet.Sandbox.Keys;
using Esignet.Sandbox.Versions;

namespace Esignet.Sandbox.Pms;

/// <summary>
/// What PMS makes of the JWK in a create request (pms-api.md §5.1 #2, §5.2): the stored <c>public_key</c> string and
/// the derived Client ID, or the error the parse step gives on that PMS line.
/// </summary>
public sealed record PmsPublicKey(string ClientId, string StoredJson)
{
    /// <summary>Parses per line; on failure returns null and the error.</summary>
    public static PmsPublicKey? Parse(JsonElement jwk, PmsLine line, out PmsError? error)
    {
        error = null;
        return line.ClientIdFromSubjectPublicKeyInfo ? ParseWithNimbus(jwk, out error) : ParseWithJose4j(jwk, out error);
    }

    /// <summary>
    /// 1.2.0: <c>new RsaJsonWebKey(map).toJson()</c> (public members, jose4j order) is both stored and hashed.
    /// jose4j failing is a bare <c>new Exception()</c>: errorCode and message null.
    /// </summary>
    private static PmsPublicKey? ParseWithJose4j(JsonElement jwk, out PmsError? error)
    {
        var key = EsignetPublicKey.ParseAsJose4jRsa(jwk);
        if (key is null)
        {
            error = PmsErrors.Unexpected(null);
            return null;
        }
        error = null;
        return new PmsPublicKey(ClientIdOf(key.Json), key.Json);
    }

    /// <summary>
    /// 1.2.2: Nimbus <c>JWK.parse(map)</c> (failure: PMS_ESI_007), then the standard Base64 of the SPKI DER (RSA, EC) or of
    /// the raw <c>x</c> (OKP) is hashed; any other kty is an UnsupportedOperationException (errorCode null). The stored
    /// string is Nimbus's JSON of the whole key, private members included if they were sent.
    /// </summary>
    private static PmsPublicKey? ParseWithNimbus(JsonElement jwk, out PmsError? error)
    {
        error = null;
        var kty = JwkMember.String(jwk, "kty");
        byte[]? encoded = null;
        string[] keyMembers;
        switch (kty)
        {
            case "RSA":
                keyMembers = ["n", "e", "d", "p", "q", "dp", "dq", "qi"];
                var n = JwkMember.UnsignedInteger(jwk, "n");
                var e = JwkMember.UnsignedInteger(jwk, "e");
                if (n is not null && e is not null) encoded = SubjectPublicKeyInfo.Rsa(n, e);
                break;
            case "EC":
                keyMembers = ["crv", "x", "y", "d"];
                var crv = JwkMember.String(jwk, "crv");
                if (JwkMember.CurveSize(crv) is { } size && JwkMember.Coordinate(jwk, "x", size) is { } x && JwkMember.Coordinate(jwk, "y", size) is { } y && IsOnCurve(crv!, x, y))
                    encoded = SubjectPublicKeyInfo.Ec(crv!, x, y);
                break;
            case "OKP":
                keyMembers = ["crv", "x", "d"];
                if (JwkMember.String(jwk, "crv") is "Ed25519" or "Ed448" or "X25519" or "X448" && Base64Url.TryDecode(JwkMember.String(jwk, "x"), out var raw) && raw.Length > 0)
                    encoded = raw;
                break;
            case "oct":
                if (!string.IsNullOrEmpty(JwkMember.String(jwk, "k")))
                {
                    error = PmsErrors.Unexpected("Unsupported key type: oct");
                    return null;
                }
                keyMembers = [];
                break;
            default:
                keyMembers = [];
                break;
        }
        if (encoded is null)
        {
            error = PmsErrors.KeyNotProcessable;
            return null;
        }
        return new PmsPublicKey(ClientIdOf(Convert.ToBase64String(encoded)), NimbusJson(jwk, keyMembers));
    }

    /// <summary>
    /// §5.2: <c>base64url_nopad(SHA-256(X.getBytes()))</c>, 43 characters. <c>getBytes()</c> uses the JVM's default
    /// charset, UTF-8 in MOSIP's openjdk:11 images (LANG C.UTF-8; partner-management-service/Dockerfile@v1.2.0.1):
    /// the SPKI form is ASCII anyway, the jose4j form is not when a kid holds non-ASCII text.
    /// </summary>
    public static string ClientIdOf(string source) => Base64Url.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(source)));

    private static bool IsOnCurve(string crv, byte[] x, byte[] y)
    {
        var curve = crv switch
        {
            "P-256" => ECCurve.NamedCurves.nistP256,
            "P-384" => ECCurve.NamedCurves.nistP384,
            _ => ECCurve.NamedCurves.nistP521,
        };
        try
        {
            using var key = ECDsa.Create(new ECParameters { Curve = curve, Q = new ECPoint { X = x, Y = y } });
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>Nimbus <c>toJSONObject()</c>: the members it knows (common ones, then the key's), unknown ones dropped.</summary>
    private static string NimbusJson(JsonElement jwk, IEnumerable<string> keyMembers)
    {
        var result = new JsonObject();
        foreach (var name in new[] { "kty", "use", "key_ops", "alg", "kid", "x5u", "x5t", "x5t#S256", "x5c" }.Concat(keyMembers))
        {
            if (JwkMember.TryGet(jwk, name, out var value) && value.ValueKind != JsonValueKind.Null) result[name] = JsonNode.Parse(value.GetRawText());
        }
        return result.ToJsonString(JsonOptions.Compact);
    }
}
