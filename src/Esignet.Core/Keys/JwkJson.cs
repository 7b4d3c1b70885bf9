using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Esignet.Core.Errors;
using Microsoft.IdentityModel.Tokens;

namespace Esignet.Core.Keys
{
    /// <summary>Reads and writes JWK JSON (RFC 7517/7518) with Microsoft.IdentityModel's <see cref="JsonWebKey"/>; the module adds its error ids and the written member order.</summary>
    internal static class JwkJson
    {
        /// <summary>
        /// The key's JWK members as Microsoft.IdentityModel makes them (<see cref="JsonWebKeyConverter"/>): base64url
        /// of the normalised numbers, EC coordinates at the curve's full width.
        /// </summary>
        public static JsonWebKey ToJsonWebKey(KeyMaterial key, bool includePrivate)
        {
            KeyMaterial k = includePrivate ? key : key.PublicOnly();
            if (k.Kind == KeyKind.RSA)
            {
                return JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(k.Rsa));
            }

            using (ECDsa ec = k.CreateEcdsa())
            {
                return JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ec));
            }
        }

        /// <summary>
        /// The RFC 7638 SHA-256 thumbprint, base64url, by Microsoft.IdentityModel over the normalised public members
        /// (so a JWK read with leading-zero padding in n keeps the kid it always had).
        /// </summary>
        public static string Thumbprint(KeyMaterial key)
        {
            return Base64UrlEncoder.Encode(ToJsonWebKey(key, includePrivate: false).ComputeJwkThumbprint());
        }

        /// <summary>
        /// Compact JWK JSON. The members are the library's; the order (kty, kid, use, alg, then key members) is the
        /// one people read and every file the module wrote before has, which the library's alphabetical writer
        /// would change.
        /// </summary>
        public static string Write(KeyMaterial key, string? kid, string? use, string? alg, bool includePrivate)
        {
            JsonWebKey jwk = ToJsonWebKey(key, includePrivate);

            // What the key type lacks, and the private members of a public key, are null and left out.
            (string Name, string? Value)[] members =
            {
                ("kty", jwk.Kty), ("kid", kid), ("use", use), ("alg", alg),
                ("n", jwk.N), ("e", jwk.E), ("crv", jwk.Crv), ("x", jwk.X), ("y", jwk.Y),
                ("d", jwk.D), ("p", jwk.P), ("q", jwk.Q), ("dp", jwk.DP), ("dq", jwk.DQ), ("qi", jwk.QI),
            };
            using (var stream = new MemoryStream())
            {
                using (var w = new Utf8JsonWriter(stream))
                {
                    w.WriteStartObject();
                    foreach ((string name, string? value) in members)
                    {
                        if (value != null)
                        {
                            w.WriteString(name, value);
                        }
                    }

                    w.WriteEndObject();
                }

                return Encoding.UTF8.GetString(stream.ToArray());
            }
        }

        /// <summary>Parses a JWK, or a JWK Set holding exactly one key.</summary>
        public static ParsedJwk Parse(string json)
        {
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(json);
            }
            catch (JsonException)
            {
                throw new EsignetException("MalformedJwk", EsignetErrorKind.InvalidData,
                    "The text is not valid JSON, so it cannot be a JWK. Check the file is complete and not a PEM or a certificate.");
            }

            using (doc)
            {
                JsonElement root = doc.RootElement;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("keys", out JsonElement keys) && keys.ValueKind == JsonValueKind.Array)
                {
                    if (keys.GetArrayLength() != 1)
                    {
                        throw new EsignetException("AmbiguousJwkSet", EsignetErrorKind.InvalidData,
                            $"The JWK Set holds {keys.GetArrayLength()} keys; give a file with exactly one key.");
                    }

                    root = keys[0];
                }

                return Parse(root);
            }
        }

        public static ParsedJwk Parse(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new EsignetException("MalformedJwk", EsignetErrorKind.InvalidData, "A JWK must be a JSON object.");
            }

            // Type checks first, in the module's words; then the library reads the members.
            foreach (string name in new[] { "kty", "kid", "use", "alg", "crv", "n", "e", "x", "y", "d", "p", "q", "dp", "dq", "qi" })
            {
                OptionalString(root, name);
            }

            string kty = OptionalString(root, "kty") ?? throw Missing("kty", "RSA or EC");
            JsonWebKey jwk;
            try
            {
                jwk = JsonWebKey.Create(root.GetRawText());
            }
            catch (Exception e) when (e is ArgumentException || e is JsonException || e is FormatException)
            {
                throw new EsignetException("MalformedJwk", EsignetErrorKind.InvalidData, "The JWK cannot be read: " + e.Message, e);
            }

            string? kid = jwk.Kid;
            string? use = jwk.Use;
            string? alg = jwk.Alg;
            KeyMaterial key;
            switch (kty)
            {
                case "RSA":
                {
                    var p = new RSAParameters
                    {
                        Modulus = Member(jwk.N, "n", required: true),
                        Exponent = Member(jwk.E, "e", required: true),
                    };
                    string?[] privateMembers = { jwk.D, jwk.P, jwk.Q, jwk.DP, jwk.DQ, jwk.QI };
                    int present = privateMembers.Count(m => m != null);
                    if (present > 0 && present < privateMembers.Length)
                    {
                        throw new EsignetException("IncompleteRsaPrivateJwk", EsignetErrorKind.InvalidData,
                            "The RSA private JWK must carry all of d, p, q, dp, dq and qi; some are missing.");
                    }

                    if (present > 0)
                    {
                        p.D = Member(jwk.D, "d", true);
                        p.P = Member(jwk.P, "p", true);
                        p.Q = Member(jwk.Q, "q", true);
                        p.DP = Member(jwk.DP, "dp", true);
                        p.DQ = Member(jwk.DQ, "dq", true);
                        p.InverseQ = Member(jwk.QI, "qi", true);
                    }

                    key = KeyMaterial.FromRsa(p);
                    break;
                }

                case "EC":
                {
                    string crv = jwk.Crv ?? throw Missing("crv", "P-256, P-384 or P-521");
                    EcCurve curve = EcCurve.FromJwkName(crv) ?? throw new EsignetException("UnsupportedCurve", EsignetErrorKind.InvalidData,
                        $"The JWK curve '{crv}' is not supported; use P-256, P-384 or P-521.");
                    key = KeyMaterial.FromEc(curve, Member(jwk.X, "x", true)!, Member(jwk.Y, "y", true)!, Member(jwk.D, "d", false));
                    break;
                }

                default:
                    throw new EsignetException("UnsupportedKeyType", EsignetErrorKind.InvalidData,
                        $"The JWK key type '{kty}' cannot be registered with eSignet; use RSA (every line) or EC (1.7 and later).");
            }

            return new ParsedJwk(key, kid, use, alg);
        }

        private static string? OptionalString(JsonElement root, string name)
        {
            if (!root.TryGetProperty(name, out JsonElement v) || v.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (v.ValueKind != JsonValueKind.String)
            {
                throw new EsignetException("MalformedJwk", EsignetErrorKind.InvalidData, $"The JWK member '{name}' must be a string.");
            }

            return v.GetString();
        }

        private static byte[]? Member(string? text, string name, bool required)
        {
            if (text == null)
            {
                if (required)
                {
                    throw Missing(name, "a base64url value");
                }

                return null;
            }

            byte[]? bytes;
            try
            {
                bytes = Base64UrlEncoder.DecodeBytes(text);
            }
            catch (FormatException)
            {
                bytes = null;
            }

            if (bytes == null || bytes.Length == 0)
            {
                throw new EsignetException("MalformedJwk", EsignetErrorKind.InvalidData,
                    $"The JWK member '{name}' is not valid base64url.");
            }

            return bytes;
        }

        private static EsignetException Missing(string name, string expected)
        {
            return new EsignetException("MalformedJwk", EsignetErrorKind.InvalidData,
                $"The JWK has no '{name}' member (expected {expected}).");
        }
    }

    /// <summary>A JWK as read: the key and the optional metadata members.</summary>
    internal sealed record ParsedJwk(KeyMaterial Key, string? KeyId, string? Use, string? Algorithm);
}
