namespace Esignet.Core.Verification
{
    /// <summary>The checks of Test-EsignetClient, in the order they run.</summary>
    public static class ClientCheckNames
    {
        /// <summary>eSignet's discovery document can be read (token endpoint, algorithms, claims).</summary>
        public const string Discovery = "Discovery";

        /// <summary>The registration is known: from PMS, or from the ledger for eSignet.</summary>
        public const string Registration = "Registration";

        /// <summary>eSignet accepts the client at its authorize step: registered on this server and ACTIVE.</summary>
        public const string Active = "Active";

        /// <summary>eSignet accepts the redirect URI for the client.</summary>
        public const string RedirectUri = "RedirectUri";

        /// <summary>eSignet offers the client's registered claims.</summary>
        public const string Claims = "Claims";

        /// <summary>eSignet offers authentication factors for the client's registered ACRs.</summary>
        public const string Acrs = "Acrs";

        /// <summary>The private key on disk is the registered public key's pair (same RFC 7638 thumbprint).</summary>
        public const string Key = "Key";

        /// <summary>A client assertion signed with that key meets the token endpoint's rules.</summary>
        public const string ClientAssertion = "ClientAssertion";
    }
}
