using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Esignet.Sandbox.Json;
using Esignet.Sandbox.Versions;

namespace Esignet.Sandbox.Keys;

/// <summary>
/// A public key as eSignet stores it after <c>IdentityProviderUtil.getJWKString</c> (esignet-api.md §3.1):
/// jose4j's public JSON plus the identities the uniqueness rules of §3.2 compare.
/// </summary>
public sealed record EsignetPublicKey(string Kty, string Json, string? Kid, string? Use, string? Alg, string? Crv, string ModulusOrPoint, string Hash)
{
    private static readonly HashSet<string> RsaMembers = ["kty", "kid", "use", "key_ops", "alg", "n", "e", "d", "p", "q", "dp", "dq", "qi", "oth", "x5c", "x5t", "x5t#S256", "x5u"];
    private static readonly HashSet<string> EcMembers = ["kty", "kid", "use", "key_ops", "alg", "crv", "x", "y", "d", "x5c", "x5t", "x5t#S256", "x5u"];

    /// <summary>Identity for the v1.0.0–v1.5.0 rule: the normalised JWK string.</summary>
    public string NormalisedIdentity => Json;

    /// <summary>Identity for the v1.5.1–v1.7.1 rule: the RSA modulus; null for EC keys (not constrained).</summary>
    public string? ModulusIdentity => Kty == "RSA" ? ModulusOrPoint : null;

    /// <summary>
    /// True when the server casts a JWK member to String outside jose4j and a non-string value throws a
    /// ClassCastException, which no handler maps: the answer is <c>unknown_error</c>, not invalid_public_key.
    /// 1.7 casts kty (getJWKString, IdentityProviderUtil.java@v1.7.1); 1.8 casts kty, use and alg
    /// (IdentityProviderUtil.java@v1.8.0). Members jose4j reads itself (kid; use/alg before 1.8) fail as JoseException.
    /// </summary>
    public static bool ServerThrowsClassCast(JsonElement jwk, EsignetLine line)
    {
        if (jwk.ValueKind != JsonValueKind.Object) return false;
        string[] cast = line.Minor >= 8 ? ["kty", "use", "alg"] : line.Minor == 7 ? ["kty"] : [];
        return cast.Any(name => JwkMember.HasNonString(jwk, name));
    }

    /// <summary>Parses per the line's rules; null means <c>invalid_public_key</c>.</summary>
    public static EsignetPublicKey? Parse(JsonElement jwk, EsignetLine line)
    {
        if (jwk.ValueKind != JsonValueKind.Object) return null;
        foreach (var name in new[] { "kid", "use", "alg" })
        {
            if (JwkMember.HasNonString(jwk, name)) return null;
        }
        if (line.RejectsBlankAlgOrUse)
        {
            // §3.1 v1.8.0+: alg or use present but blank.
            foreach (var name in new[] { "alg", "use" })
            {
                // An explicit null reads as a Java null and passes; only a blank string fails (IdentityProviderUtil.java@v1.8.0).
                if (JwkMember.TryGet(jwk, name, out var v) && v.ValueKind == JsonValueKind.String && Validation.JavaText.IsWhitespaceBlank(v.GetString())) return null;
            }
        }
        var kty = JwkMember.String(jwk, "kty");
        if (!line.ChecksKeyTypeAndAcceptsEc) return ParseRsa(jwk); // ≤ v1.6: RsaJsonWebKey(map) ignores kty
        return kty switch
        {
            "RSA" => ParseRsa(jwk),
            "EC" => ParseEc(jwk),
            _ => null,
        };
    }

    /// <summary>
    /// jose4j <c>new RsaJsonWebKey(map)</c> alone, whatever the eSignet line: what PMS 1.2.0 parses and hashes into the
    /// Client ID (pms-api.md §5.2). Null when jose4j would throw.
    /// </summary>
    public static EsignetPublicKey? ParseAsJose4jRsa(JsonElement jwk)
    {
        if (jwk.ValueKind != JsonValueKind.Object) return null;
        foreach (var name in new[] { "kid", "use", "alg" })
        {
            if (JwkMember.HasNonString(jwk, name)) return null;
        }
        return ParseRsa(jwk);
    }

    private static EsignetPublicKey? ParseRsa(JsonElement jwk)
    {
        var n = JwkMember.UnsignedInteger(jwk, "n");
        var e = JwkMember.UnsignedInteger(jwk, "e");
        if (n is null || e is null) return null;
        // jose4j also parses a private exponent when one is sent, and fails on a malformed one.
        if (JwkMember.TryGet(jwk, "d", out _) && JwkMember.UnsignedInteger(jwk, "d") is null) return null;
        // jose4j builds an RSAPublicKey through the JDK's KeyFactory, whose RSAKeyFactory refuses moduli under 512 bits.
        if (BitLength(n) < 512) return null;
        var nText = Base64Url.Encode(n);
        var json = Normalise(jwk, "RSA", [("n", nText), ("e", Base64Url.Encode(e))], RsaMembers);
        return new EsignetPublicKey("RSA", json, JwkMember.String(jwk, "kid"), JwkMember.String(jwk, "use"), JwkMember.String(jwk, "alg"), null, nText, Sha256Hex(JwkMember.String(jwk, "n")!));
    }

    private static EsignetPublicKey? ParseEc(JsonElement jwk)
    {
        var crv = JwkMember.String(jwk, "crv");
        if (JwkMember.CurveSize(crv) is not { } size) return null;
        var x = JwkMember.Coordinate(jwk, "x", size);
        var y = JwkMember.Coordinate(jwk, "y", size);
        if (x is null || y is null) return null;
        var xText = Base64Url.Encode(x);
        var yText = Base64Url.Encode(y);
        var json = Normalise(jwk, "EC", [("crv", crv!), ("x", xText), ("y", yText)], EcMembers);
        return new EsignetPublicKey("EC", json, JwkMember.String(jwk, "kid"), JwkMember.String(jwk, "use"), JwkMember.String(jwk, "alg"), crv, xText + yText, Sha256Hex(JwkMember.String(jwk, "x") + JwkMember.String(jwk, "y")));
    }

    /// <summary>
    /// jose4j <c>toJson()</c> of the public key: kty, kid, use, key_ops, alg, the key members, x5c/x5t/x5t#S256/x5u,
    /// then members it does not know. Private members are dropped.
    /// </summary>
    private static string Normalise(JsonElement jwk, string kty, IEnumerable<(string Name, string Value)> keyMembers, HashSet<string> known)
    {
        var ordered = new List<KeyValuePair<string, JsonElement>> { new("kty", JsonSerializer.SerializeToElement(kty)) };
        foreach (var name in new[] { "kid", "use", "key_ops", "alg" })
        {
            if (JwkMember.TryGet(jwk, name, out var v) && v.ValueKind != JsonValueKind.Null) ordered.Add(new(name, v));
        }
        foreach (var (name, value) in keyMembers) ordered.Add(new(name, JsonSerializer.SerializeToElement(value)));
        foreach (var name in new[] { "x5c", "x5t", "x5t#S256", "x5u" })
        {
            if (JwkMember.TryGet(jwk, name, out var v) && v.ValueKind != JsonValueKind.Null) ordered.Add(new(name, v));
        }
        foreach (var property in jwk.EnumerateObject())
        {
            if (!known.Contains(property.Name) && property.Value.ValueKind != JsonValueKind.Null) ordered.Add(new(property.Name, property.Value));
        }
        return JsonSimpleWriter.Object(ordered);
    }

    private static int BitLength(byte[] unsignedBigEndian)
    {
        var first = 0;
        while (first < unsignedBigEndian.Length && unsignedBigEndian[first] == 0) first++;
        if (first == unsignedBigEndian.Length) return 0;
        return (unsignedBigEndian.Length - first - 1) * 8 + (32 - System.Numerics.BitOperations.LeadingZeroCount((uint)unsignedBigEndian[first]));
    }

    /// <summary>
    /// §3.2 v1.8.0: lowercase hex SHA-256 of n (RSA) or x‖y (EC), as the strings were sent: computePublicKeyHash
    /// (IdentityProviderUtil.java@v1.8.0) joins the raw members, so the same key written with a leading zero byte hashes apart.
    /// </summary>
    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
