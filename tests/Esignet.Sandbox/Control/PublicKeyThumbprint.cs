using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Esignet.Sandbox.Json;

namespace Esignet.Sandbox.Control;

/// <summary>RFC 7638 JWK thumbprint (SHA-256, base64url), shown by <c>/_sandbox/clients</c> so tests can match keys.</summary>
public static class PublicKeyThumbprint
{
    public static string? Of(string jwkJson)
    {
        try
        {
            using var document = JsonDocument.Parse(jwkJson);
            var jwk = document.RootElement;
            string? M(string name) => jwk.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            // Required members in lexicographic order, no whitespace (RFC 7638 §3.2).
            var canonical = M("kty") switch
            {
                "RSA" => $"{{\"e\":\"{M("e")}\",\"kty\":\"RSA\",\"n\":\"{M("n")}\"}}",
                "EC" => $"{{\"crv\":\"{M("crv")}\",\"kty\":\"EC\",\"x\":\"{M("x")}\",\"y\":\"{M("y")}\"}}",
                "OKP" => $"{{\"crv\":\"{M("crv")}\",\"kty\":\"OKP\",\"x\":\"{M("x")}\"}}",
                _ => null,
            };
            return canonical is null ? null : Base64Url.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
