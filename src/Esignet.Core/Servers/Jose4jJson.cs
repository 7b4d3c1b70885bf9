using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Esignet.Core.Servers
{
    /// <summary>
    /// jose4j's <c>RsaJsonWebKey.toJson()</c> of a public RSA JWK, byte for byte, because PMS 1.2.0.x/1.2.1.x hash
    /// exactly these bytes into the Client ID (pms-api.md §5.2). Hand-written on purpose: it reproduces a server's
    /// serialisation quirk, which no .NET JSON library writes (Microsoft.IdentityModel's JsonWebKey writes its own member
    /// order and escaping); only the base64url is the library's.
    /// <list type="bullet">
    /// <item>Member order, <c>JsonWebKey.toParams</c> and <c>PublicJsonWebKey.fillTypeSpecificParams</c>
    /// (jose4j-0.5.2): kty, kid, use, key_ops, alg, n, e, x5c, x5t, x5t#S256, x5u, then every other member in input
    /// order (jose4j keeps them in <c>otherParameters</c>). Private members are dropped (public output).</item>
    /// <item><c>n</c> and <c>e</c> are re-encoded from their integer value (<c>putBigIntAsBase64UrlEncodedParam</c>),
    /// so leading zero bytes disappear.</item>
    /// <item>Strings are escaped by jose4j's copy of json-simple (<see cref="JsonSimpleEscaping"/>), which, unlike the
    /// original json-simple, leaves <c>/</c> alone: jose4j dropped that in 0.3.7, long before any PMS release.</item>
    /// </list>
    /// </summary>
    public static class Jose4jJson
    {
        private static readonly string[] Leading = { "kid", "use", "key_ops", "alg" };
        private static readonly string[] X509 = { "x5c", "x5t", "x5t#S256", "x5u" };

        /// <summary>Members jose4j's RsaJsonWebKey consumes: never repeated among the "other" members.</summary>
        private static readonly HashSet<string> Known = new HashSet<string>(StringComparer.Ordinal)
        {
            "kty", "kid", "use", "key_ops", "alg", "n", "e", "d", "p", "q", "dp", "dq", "qi", "oth", "x5c", "x5t", "x5t#S256", "x5u",
        };

        /// <summary>The public JWK as jose4j writes it; throws <see cref="FormatException"/> when n or e is not base64url.</summary>
        public static string PublicRsaJwk(string jwkJson)
        {
            using (JsonDocument doc = JsonDocument.Parse(jwkJson))
            {
                JsonElement jwk = doc.RootElement;
                var sb = new StringBuilder("{");
                Member(sb, "kty", "\"RSA\"", first: true);
                foreach (string name in Leading)
                {
                    if (Present(jwk, name, out JsonElement v)) Member(sb, name, Value(v));
                }

                Member(sb, "n", Quoted(MinimalUnsigned(jwk, "n")));
                Member(sb, "e", Quoted(MinimalUnsigned(jwk, "e")));
                foreach (string name in X509)
                {
                    if (Present(jwk, name, out JsonElement v)) Member(sb, name, Value(v));
                }

                foreach (JsonProperty p in jwk.EnumerateObject())
                {
                    if (!Known.Contains(p.Name) && p.Value.ValueKind != JsonValueKind.Null) Member(sb, p.Name, Value(p.Value));
                }

                return sb.Append('}').ToString();
            }
        }

        private static bool Present(JsonElement jwk, string name, out JsonElement value)
        {
            return jwk.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
        }

        private static void Member(StringBuilder sb, string name, string value, bool first = false)
        {
            if (!first) sb.Append(',');
            sb.Append('"').Append(JsonSimpleEscaping.Escape(name, escapeSlash: false)).Append("\":").Append(value);
        }

        private static string Quoted(string s) => "\"" + JsonSimpleEscaping.Escape(s, escapeSlash: false) + "\"";

        /// <summary>A member's value written the json-simple way (strings escaped, arrays and objects recursively).</summary>
        private static string Value(JsonElement v)
        {
            switch (v.ValueKind)
            {
                case JsonValueKind.String:
                    return Quoted(v.GetString()!);
                case JsonValueKind.Array:
                    var items = new List<string>();
                    foreach (JsonElement item in v.EnumerateArray()) items.Add(Value(item));
                    return "[" + string.Join(",", items) + "]";
                case JsonValueKind.Object:
                    var members = new List<string>();
                    foreach (JsonProperty p in v.EnumerateObject()) members.Add(Quoted(p.Name) + ":" + Value(p.Value));
                    return "{" + string.Join(",", members) + "}";
                default:
                    return v.GetRawText();
            }
        }

        /// <summary>An unsigned big-endian integer member, base64url without leading zero bytes (BigInteger's magnitude).</summary>
        private static string MinimalUnsigned(JsonElement jwk, string name)
        {
            string? text = jwk.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            byte[] bytes = Base64UrlEncoder.DecodeBytes(text ?? throw new FormatException($"The JWK member '{name}' is missing."));
            int start = 0;
            while (start < bytes.Length - 1 && bytes[start] == 0) start++;
            var trimmed = new byte[bytes.Length - start];
            Array.Copy(bytes, start, trimmed, 0, trimmed.Length);
            return Base64UrlEncoder.Encode(trimmed);
        }
    }
}
