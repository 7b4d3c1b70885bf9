using System;

namespace Esignet.Core.Assertions
{
    /// <summary>What goes into one client assertion besides the key (esignet-api.md §6.2).</summary>
    public sealed class ClientAssertionRequest
    {
        /// <summary>The Client ID: both <c>iss</c> and <c>sub</c>.</summary>
        public string ClientId { get; set; } = string.Empty;

        /// <summary>
        /// The <c>aud</c>: the token endpoint the assertion is sent to (discovery <c>token_endpoint</c>), written as a
        /// single string because eSignet up to 1.6 compares it as exactly one value.
        /// </summary>
        public string Audience { get; set; } = string.Empty;

        /// <summary><c>exp</c> - <c>iat</c>. Default 5 minutes; at most one day (the server's jti replay window).</summary>
        public TimeSpan Lifetime { get; set; } = ClientAssertionBuilder.DefaultLifetime;

        /// <summary>The <c>kid</c> header: null for the key's own kid, empty for none (a registered JWK without kid).</summary>
        public string? KeyId { get; set; }

        /// <summary>The <c>alg</c> header: null for the key's own alg (or its type's default).</summary>
        public string? Algorithm { get; set; }

        /// <summary>The <c>iat</c>; null for now.</summary>
        public DateTimeOffset? IssuedAt { get; set; }

        /// <summary>The <c>jti</c>; null for 128 random bits (eSignet 1.7+ refuses a jti it has seen in the last day).</summary>
        public string? JwtId { get; set; }
    }
}
