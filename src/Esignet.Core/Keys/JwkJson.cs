using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Esignet.Core.Errors;

namespace Esignet.Core.Keys
{
    /// <summary>Reads and writes JWK JSON (RFC 7517/7518). Written members follow the order people expect: kty, kid, use, alg, then key members.</summary>
    internal static class JwkJson
    {
        private static readonly string[] RsaPrivateMembers = { "d", "p", "q", "dp", "dq", "qi" };

        /// <summary>JWK members that carry private key material, for any key type (RFC 7518 §6).</summary>
        public static readonly IReadOnlyCollection<string> PrivateMemberNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "d", "p", "q", "dp", "dq", "qi", "oth", "k",
        };

        public static string Write(KeyMaterial key, string? kid, string? use, string? alg, bool includePrivate)
        {
            using (var stream = new MemoryStream())
            {
                using (var w = new Utf8JsonWriter(stream))
                {
                    w.WriteStartObject();
                    w.WriteString("kty", key.Kind == KeyKind.RSA ? "RSA" : "EC");
                    if (kid != null) w.WriteString("kid", kid);
                    if (use != null) w.WriteString("use", use);
                    if (alg != null) w.WriteString("alg", alg);
                    if (key.Kind == KeyKind.RSA)
                    {
                        RSAParameters p = key.Rsa;
                        w.WriteString("n", Base64Url.Encode(p.Modulus!));
                        w.WriteString("e", Base64Url.Encode(p.Exponent!));
                        if (includePrivate)
                        {
                            w.WriteString("d", Base64Url.Encode(p.D!));
                            w.WriteString("p", Base64Url.Encode(p.P!));
                            w.WriteString("q", Base64Url.Encode(p.Q!));
                            w.WriteString("dp", Base64Url.Encode(p.DP!));
                            w.WriteString("dq", Base64Url.Encode(p.DQ!));
                            w.WriteString("qi", Base64Url.Encode(p.InverseQ!));
                        }
                    }
                    else
                    {
                        int size = key.Curve!.FieldBytes;
                        w.WriteString("crv", key.Curve.JwkName);
                        w.WriteString("x", Base64Url.Encode(KeyMaterial.Pad(key.Ec.Q.X!, size)));
                        w.WriteString("y", Base64Url.Encode(KeyMaterial.Pad(key.Ec.Q.Y!, size)));
                        if (includePrivate)
                        {
                            w.WriteString("d", Base64Url.Encode(KeyMaterial.Pad(key.Ec.D!, size)));
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

            string kty = OptionalString(root, "kty") ?? throw Missing("kty", "RSA or EC");
            string? kid = OptionalString(root, "kid");
            string? use = OptionalString(root, "use");
            string? alg = OptionalString(root, "alg");
            KeyMaterial key;
            switch (kty)
            {
                case "RSA":
                {
                    var p = new RSAParameters
                    {
                        Modulus = Member(root, "n", required: true),
                        Exponent = Member(root, "e", required: true),
                    };
                    bool anyPrivate = false, allPrivate = true;
                    foreach (string m in RsaPrivateMembers)
                    {
                        bool has = root.TryGetProperty(m, out _);
                        anyPrivate |= has;
                        allPrivate &= has;
                    }

                    if (anyPrivate && !allPrivate)
                    {
                        throw new EsignetException("IncompleteRsaPrivateJwk", EsignetErrorKind.InvalidData,
                            "The RSA private JWK must carry all of d, p, q, dp, dq and qi; some are missing.");
                    }

                    if (anyPrivate)
                    {
                        p.D = Member(root, "d", true);
                        p.P = Member(root, "p", true);
                        p.Q = Member(root, "q", true);
                        p.DP = Member(root, "dp", true);
                        p.DQ = Member(root, "dq", true);
                        p.InverseQ = Member(root, "qi", true);
                    }

                    key = KeyMaterial.FromRsa(p);
                    break;
                }

                case "EC":
                {
                    string crv = OptionalString(root, "crv") ?? throw Missing("crv", "P-256, P-384 or P-521");
                    EcCurve curve = EcCurve.FromJwkName(crv) ?? throw new EsignetException("UnsupportedCurve", EsignetErrorKind.InvalidData,
                        $"The JWK curve '{crv}' is not supported; use P-256, P-384 or P-521.");
                    key = KeyMaterial.FromEc(curve, Member(root, "x", true)!, Member(root, "y", true)!, Member(root, "d", false));
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

        private static byte[]? Member(JsonElement root, string name, bool required)
        {
            string? text = OptionalString(root, name);
            if (text == null)
            {
                if (required)
                {
                    throw Missing(name, "a base64url value");
                }

                return null;
            }

            byte[]? bytes = Base64Url.TryDecode(text);
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
    internal sealed class ParsedJwk
    {
        public ParsedJwk(KeyMaterial key, string? kid, string? use, string? alg)
        {
            Key = key;
            KeyId = kid;
            Use = use;
            Algorithm = alg;
        }

        public KeyMaterial Key { get; }

        public string? KeyId { get; }

        public string? Use { get; }

        public string? Algorithm { get; }
    }
}
