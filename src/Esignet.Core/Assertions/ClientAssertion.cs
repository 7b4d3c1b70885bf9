using System;

namespace Esignet.Core.Assertions
{
    /// <summary>
    /// A signed client assertion: its facts as properties, safe to show; the token itself only through
    /// <see cref="RevealToken"/>, since whoever holds it can authenticate as the client until it expires.
    /// </summary>
    public sealed class ClientAssertion
    {
        private readonly string _token;

        internal ClientAssertion(string token, string clientId, string audience, string algorithm, string? keyId, DateTimeOffset issuedAt, DateTimeOffset expiresAt, string jwtId)
        {
            _token = token;
            ClientId = clientId;
            Audience = audience;
            Algorithm = algorithm;
            KeyId = keyId;
            IssuedAt = issuedAt;
            ExpiresAt = expiresAt;
            JwtId = jwtId;
        }

        public string ClientId { get; }

        public string Audience { get; }

        public string Algorithm { get; }

        /// <summary>The kid header, or null when the assertion carries none.</summary>
        public string? KeyId { get; }

        public DateTimeOffset IssuedAt { get; }

        public DateTimeOffset ExpiresAt { get; }

        public string JwtId { get; }

        /// <summary>The compact JWS to send as <c>client_assertion</c>. Secret: never log it.</summary>
        public string RevealToken() => _token;

        public override string ToString() => $"client assertion for {ClientId} ({Algorithm}, until {ExpiresAt:u})";
    }
}
