using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Esignet.Sandbox.Json;

namespace Esignet.Sandbox.Tokens;

/// <summary>A compact JWS split into its parts, header and payload parsed (RFC 7515 §7.1).</summary>
public sealed record Jws(JsonElement Header, JsonElement Payload, byte[] SigningInput, byte[] Signature)
{
    /// <summary>Splits and parses; null when the text is not three base64url parts with JSON objects.</summary>
    public static Jws? TryParse(string? compact)
    {
        if (string.IsNullOrEmpty(compact)) return null;
        var parts = compact.Split('.');
        if (parts.Length != 3) return null;
        if (!Base64Url.TryDecode(parts[0], out var header) || !Base64Url.TryDecode(parts[1], out var payload) || !Base64Url.TryDecode(parts[2], out var signature)) return null;
        try
        {
            var h = JsonSerializer.Deserialize<JsonElement>(header);
            var p = JsonSerializer.Deserialize<JsonElement>(payload);
            if (h.ValueKind != JsonValueKind.Object || p.ValueKind != JsonValueKind.Object) return null;
            return new Jws(h, p, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string? Algorithm => Header.TryGetProperty("alg", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;

    public string? KeyId => Header.TryGetProperty("kid", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;

    /// <summary>Verifies RS256, PS256 or ES256 with the given key; false for any other algorithm.</summary>
    public bool VerifyWith(AsymmetricAlgorithm key) => (Algorithm, key) switch
    {
        ("RS256", RSA rsa) => rsa.VerifyData(SigningInput, Signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        ("PS256", RSA rsa) => rsa.VerifyData(SigningInput, Signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
        ("ES256", ECDsa ec) => ec.VerifyData(SigningInput, Signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
        _ => false,
    };

    /// <summary>Signs header and payload with RS256.</summary>
    public static string SignRs256(JsonObject header, JsonObject payload, RSA key)
    {
        var input = Base64Url.Encode(Encoding.UTF8.GetBytes(header.ToJsonString(JsonOptions.Compact))) + "." +
                    Base64Url.Encode(Encoding.UTF8.GetBytes(payload.ToJsonString(JsonOptions.Compact)));
        var signature = key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return input + "." + Base64Url.Encode(signature);
    }
}
