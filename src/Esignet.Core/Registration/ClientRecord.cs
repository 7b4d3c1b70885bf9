using System;
using System.Collections.Generic;

namespace Esignet.Core.Registration
{
    /// <summary>A registered client as Get-EsignetClient reports it: from PMS (the server) or from the ledger (eSignet has no read API).</summary>
    public sealed class ClientRecord
    {
        public string ClientId { get; set; } = string.Empty;
        public string? ClientName { get; set; }
        public string? Status { get; set; }

        /// <summary>Server (read from PMS now) or Ledger (what this module recorded when it registered the client).</summary>
        public string Source { get; set; } = string.Empty;

        public string Api { get; set; } = string.Empty;
        public string? Server { get; set; }
        public string? RelyingPartyId { get; set; }
        public string? PolicyId { get; set; }
        public string? PolicyName { get; set; }
        public string? LogoUri { get; set; }
        public IReadOnlyList<string> RedirectUris { get; set; } = Array.Empty<string>();
        public IReadOnlyList<string> GrantTypes { get; set; } = Array.Empty<string>();
        public IReadOnlyList<string> ClientAuthMethods { get; set; } = Array.Empty<string>();
        public IReadOnlyList<string> UserClaims { get; set; } = Array.Empty<string>();
        public IReadOnlyList<string> AuthContextRefs { get; set; } = Array.Empty<string>();
        public IReadOnlyDictionary<string, string>? ClientNameLangMap { get; set; }
        public string? AdditionalConfig { get; set; }
        public string? PublicJwk { get; set; }
        public string? KeyId { get; set; }
        public string? KeyThumbprint { get; set; }
        public string? PrivateKeyPemPath { get; set; }
        public string? PrivateJwkPath { get; set; }
        public string? PublicJwkPath { get; set; }

        /// <summary>eSignet 1.8+: the private key that decrypts the client's JWE userinfo, when the module made it.</summary>
        public string? EncryptionPrivateKeyPemPath { get; set; }

        /// <summary>When the ledger last recorded a change (Ledger source only).</summary>
        public DateTimeOffset? RecordedAt { get; set; }

        public override string ToString() => ClientId;
    }
}
