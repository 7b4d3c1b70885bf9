using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using Esignet.Core.Keys;
using Microsoft.IdentityModel.Tokens;

namespace Esignet.Core.Assertions
{
    /// <summary>
    /// Checks a client assertion the way eSignet's token endpoint does (esignet-api.md §6.2, key selection §3.3),
    /// against the registered public key: alg accepted, key selected by kty/kid/use/alg, signature, iss = sub = the
    /// Client ID, aud, exp, jti. Offline: it proves the assertion would pass those checks, not that the server is up.
    /// </summary>
    public static class ClientAssertionCheck
    {
        /// <summary>Null when the assertion passes every check; else the first reason it would be refused.</summary>
        public static string? Check(string assertion, RegisteredJwk registered, string clientId, AssertionServerRules rules, DateTimeOffset now)
        {
            string[] parts = (assertion ?? string.Empty).Split('.');
            if (parts.Length != 3) return "it is not a compact JWS (three dot-separated parts)";
            JsonElement header, claims;
            try
            {
                header = Decode(parts[0]);
                claims = Decode(parts[1]);
            }
            catch (Exception e) when (e is JsonException || e is FormatException)
            {
                return "its header or claims are not base64url JSON";
            }

            string? alg = Text(header, "alg");
            if (alg == null || !rules.Algorithms.Contains(alg))
                return $"its alg {alg ?? "(none)"} is not one the token endpoint verifies ({string.Join(", ", rules.Algorithms)})";

            string? refusal = registered.RefusalFor(alg, Text(header, "kid"));
            if (refusal != null) return refusal;

            byte[]? signature = TryDecode(parts[2]);
            if (signature == null || !registered.Key.Verify(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature, alg))
                return $"its signature does not verify with the registered public key (thumbprint {registered.Thumbprint})";

            if (Text(claims, "iss") != clientId) return $"iss is '{Text(claims, "iss")}', not the Client ID '{clientId}'";
            if (Text(claims, "sub") != clientId) return $"sub is '{Text(claims, "sub")}', not the Client ID '{clientId}'";
            if (Text(claims, "aud") != rules.Audience) return $"aud is not the single value '{rules.Audience}' (the token endpoint)";
            if (!claims.TryGetProperty("iat", out JsonElement iat) || !iat.TryGetInt64(out _)) return "iat is missing";
            if (!claims.TryGetProperty("exp", out JsonElement exp) || !exp.TryGetInt64(out long expSeconds)) return "exp is missing";
            if (DateTimeOffset.FromUnixTimeSeconds(expSeconds) <= now) return "it has expired";
            if (rules.RequiresJti && string.IsNullOrWhiteSpace(Text(claims, "jti"))) return "jti is missing, and this eSignet line requires one";
            return null;
        }

        private static JsonElement Decode(string part)
        {
            byte[] bytes = Base64UrlEncoder.DecodeBytes(part);
            using (JsonDocument doc = JsonDocument.Parse(bytes))
            {
                return doc.RootElement.Clone();
            }
        }

        private static byte[]? TryDecode(string part)
        {
            try
            {
                return Base64UrlEncoder.DecodeBytes(part);
            }
            catch (FormatException)
            {
                return null;
            }
        }

        private static string? Text(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    }
}
