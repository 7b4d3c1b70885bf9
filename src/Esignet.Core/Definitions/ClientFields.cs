using System.Collections.Generic;

namespace Esignet.Core.Definitions
{
    /// <summary>
    /// The fields of a client, declared once: what a definition carries (<see cref="ClientDefinition"/>) and what the
    /// ledger records of it (<see cref="Ledger.LedgerDefinition"/>), which copy each other through the record's copy
    /// constructor, so a field added here travels to the ledger and back (a rerun's comparison, a PUT's merge base)
    /// without another mapping. Names follow the servers' JSON. Lists are never null (empty when not given) and never
    /// changed in place: a stage that changes one replaces it (<c>with</c>).
    /// </summary>
    public abstract record ClientFields
    {
        public string? ClientName { get; set; }

        /// <summary>eSignet only (PMS sends authPartnerId as relyingPartyId).</summary>
        public string? RelyingPartyId { get; set; }

        public string? LogoUri { get; set; }

        public List<string> RedirectUris { get; set; } = new List<string>();

        public List<string> GrantTypes { get; set; } = new List<string>();

        public List<string> ClientAuthMethods { get; set; } = new List<string>();

        /// <summary>eSignet only (PMS derives claims from the policy).</summary>
        public List<string> UserClaims { get; set; } = new List<string>();

        /// <summary>eSignet only (PMS derives ACRs from the policy).</summary>
        public List<string> AuthContextRefs { get; set; } = new List<string>();

        /// <summary>Language code (ISO 639-2, e.g. eng) to client name. Empty when not given.</summary>
        public Dictionary<string, string> ClientNameLangMap { get; set; } = new Dictionary<string, string>();

        /// <summary>eSignet 1.6+: the additionalConfig object as JSON text, or null.</summary>
        public string? AdditionalConfigJson { get; set; }

        /// <summary>PMS only: the Auth policy id.</summary>
        public string? PolicyId { get; set; }

        /// <summary>PMS only: the Auth partner id.</summary>
        public string? AuthPartnerId { get; set; }

        /// <summary>
        /// eSignet 1.8+: the public JWK that encrypts userinfo when additionalConfig.userinfo_response_type is JWE
        /// (esignet-api.md §3.4). Set only by PATCH, so a create sends it in a second request.
        /// </summary>
        public string? EncPublicKey { get; set; }
    }
}
