using Esignet.Core.Definitions;
using Esignet.Core.Keys;

namespace Esignet.Core.Verification
{
    /// <summary>What to test: the client, and optionally the redirect URI and the private key to test it with.</summary>
    public sealed class ClientTestRequest
    {
        public string ClientId { get; set; } = string.Empty;

        public ClientApi Api { get; set; }

        /// <summary>The redirect URI to try; null for the first registered one.</summary>
        public string? RedirectUri { get; set; }

        /// <summary>The private key to check; null to read <see cref="KeyPath"/>, else the file the registration names.</summary>
        public JwkKeyPair? Key { get; set; }

        /// <summary>A private key file (PEM or JWK) to check instead of the one the registration names.</summary>
        public string? KeyPath { get; set; }
    }
}
