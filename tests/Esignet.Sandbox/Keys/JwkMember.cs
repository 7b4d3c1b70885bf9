using System.Text.Json;
using Esignet.Sandbox.Json;

namespace Esignet.Sandbox.Keys;

/// <summary>Reading JWK members the way the Java JOSE libraries do.</summary>
internal static class JwkMember
{
    public static bool TryGet(JsonElement jwk, string name, out JsonElement value)
    {
        value = default;
        return jwk.ValueKind == JsonValueKind.Object && jwk.TryGetProperty(name, out value);
    }

    /// <summary>A string member; false when absent or not a string.</summary>
    public static string? String(JsonElement jwk, string name) =>
        TryGet(jwk, name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>Present with a non-string, non-null value (the Java libraries fail on those).</summary>
    public static bool HasNonString(JsonElement jwk, string name) =>
        TryGet(jwk, name, out var v) && v.ValueKind is not (JsonValueKind.String or JsonValueKind.Null);

    /// <summary>
    /// A base64url big-endian unsigned integer, re-encoded minimally as jose4j does when it writes the key back
    /// (leading zero bytes dropped). Null when absent, not a string, empty or not base64url.
    /// </summary>
    public static byte[]? UnsignedInteger(JsonElement jwk, string name)
    {
        var text = String(jwk, name);
        if (string.IsNullOrEmpty(text) || !Base64Url.TryDecode(text, out var bytes) || bytes.Length == 0) return null;
        var first = 0;
        while (first < bytes.Length - 1 && bytes[first] == 0) first++;
        return bytes[first..];
    }

    /// <summary>Fixed-length coordinate (EC x/y), left-padded to the field size; null when longer or invalid.</summary>
    public static byte[]? Coordinate(JsonElement jwk, string name, int size)
    {
        var value = UnsignedInteger(jwk, name);
        if (value is null) return null;
        if (value.Length > size) return null;
        var padded = new byte[size];
        value.CopyTo(padded, size - value.Length);
        return padded;
    }

    /// <summary>Field size in bytes of the curves jose4j and Nimbus know by JWK name.</summary>
    public static int? CurveSize(string? crv) => crv switch
    {
        "P-256" => 32,
        "P-384" => 48,
        "P-521" => 66,
        _ => null,
    };
}
