using System;
using System.Collections.Generic;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Esignet.Core.Auth
{
    /// <summary>
    /// A bearer token and what is known about it. The token text is internal to Core: no public member and
    /// no ToString reveals it. Expiry and scopes are read from the JWT payload when it is one (not verified:
    /// the server verifies; this is for display and refresh timing).
    /// </summary>
    public sealed class AccessToken
    {
        internal AccessToken(string value, DateTimeOffset? expiresAt, IReadOnlyList<string> scopes)
        {
            Value = value;
            ExpiresAt = expiresAt;
            Scopes = scopes;
        }

        internal string Value { get; }

        public DateTimeOffset? ExpiresAt { get; }

        public IReadOnlyList<string> Scopes { get; }

        /// <summary>True when the token expires within <paramref name="margin"/>.</summary>
        public bool ExpiresWithin(TimeSpan margin) => ExpiresAt != null && ExpiresAt.Value - DateTimeOffset.UtcNow < margin;

        public override string ToString() => "AccessToken (expires " + (ExpiresAt?.ToString("u") ?? "unknown") + ")";

        /// <summary>Builds a token, taking expiry and scopes from the JWT payload when the caller does not know them.</summary>
        internal static AccessToken FromText(string token, int? expiresInSeconds = null, string? scope = null)
        {
            DateTimeOffset? exp = expiresInSeconds == null ? (DateTimeOffset?)null : DateTimeOffset.UtcNow.AddSeconds(expiresInSeconds.Value);
            var scopes = new List<string>();
            if (scope != null)
            {
                scopes.AddRange(scope.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries));
            }

            string[] parts = token.Split('.');
            if (parts.Length == 3)
            {
                try
                {
                    using (JsonDocument doc = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(parts[1])))
                    {
                        JsonElement root = doc.RootElement;
                        if (exp == null && root.TryGetProperty("exp", out JsonElement e) && e.TryGetInt64(out long seconds))
                        {
                            exp = DateTimeOffset.FromUnixTimeSeconds(seconds);
                        }

                        if (scopes.Count == 0 && root.TryGetProperty("scope", out JsonElement s) && s.ValueKind == JsonValueKind.String)
                        {
                            scopes.AddRange(s.GetString()!.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries));
                        }
                    }
                }
                catch (Exception ex) when (ex is FormatException || ex is JsonException)
                {
                    // not a base64url JSON payload: an opaque token; nothing more to learn
                }
            }

            return new AccessToken(token, exp, scopes);
        }
    }
}
