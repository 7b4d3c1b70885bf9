using System;

namespace Esignet.Core.Ledger
{
    /// <summary>
    /// One line of the ledger: what the module registered (or is about to), with everything a rerun or a
    /// full PUT needs, and nothing secret (key file paths, not keys; no token).
    /// </summary>
    public sealed record LedgerEntry
    {
        public DateTimeOffset Time { get; set; }

        /// <summary>Pending (about to send), Created, Exists, Updated, Failed.</summary>
        public string Outcome { get; set; } = string.Empty;

        /// <summary>The server base URI the client lives on (eSignet or PMS).</summary>
        public string Server { get; set; } = string.Empty;

        public string Api { get; set; } = string.Empty;

        public string? Endpoint { get; set; }

        public string ClientId { get; set; } = string.Empty;

        public string? Status { get; set; }

        public string? KeyThumbprint { get; set; }

        public string? KeyId { get; set; }

        public string? PrivateKeyPemPath { get; set; }

        public string? PrivateJwkPath { get; set; }

        public string? PublicJwkPath { get; set; }

        /// <summary>eSignet 1.8+: the private key that decrypts the client's JWE userinfo, when the module made it.</summary>
        public string? EncryptionPrivateKeyPemPath { get; set; }

        /// <summary>SHA-256 of the normalised definition: a changed row is noticed on rerun.</summary>
        public string? DefinitionHash { get; set; }

        /// <summary>
        /// On a Set-EsignetClient entry: the hash of the input (CSV row) the client was last registered from, carried
        /// forward, so that rerunning that unchanged input is told apart from a changed one and is not offered -Update,
        /// which would undo the Set. Null on New-EsignetOidcClient's entries, whose DefinitionHash is the input's.
        /// </summary>
        public string? InputHash { get; set; }

        /// <summary>The registered (public) fields, so Get- can answer and Set- can send a full PUT.</summary>
        public LedgerDefinition? Definition { get; set; }

        public string? Error { get; set; }

        /// <summary>
        /// Created, Exists and Updated entries describe a client on the server; Pending, Failed and Superseded may not.
        /// Internal, so the ledger's JSON does not carry it.
        /// </summary>
        internal bool IsRegistered => Outcome == "Created" || Outcome == "Exists" || Outcome == "Updated";
    }
}
