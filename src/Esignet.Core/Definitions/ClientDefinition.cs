using System.Collections.Generic;
using Esignet.Core.Keys;

namespace Esignet.Core.Definitions
{
    /// <summary>
    /// One client to register, as the user described it (a CSV row, parameters, an object). Field names follow
    /// the server's JSON. Nothing here is validated: <see cref="DefinitionValidator"/> does that, offline,
    /// against the rules of the chosen server line. Lists are never null (empty when not given).
    /// </summary>
    public sealed record ClientDefinition
    {
        /// <summary>The input line number (CSV data rows start at 2: line 1 is the header), when known.</summary>
        public int? LineNumber { get; set; }

        /// <summary>eSignet only: the caller chooses it. PMS derives it from the public key.</summary>
        public string? ClientId { get; set; }

        public string? ClientName { get; set; }

        /// <summary>eSignet only (PMS sends authPartnerId as relyingPartyId).</summary>
        public string? RelyingPartyId { get; set; }

        /// <summary>The key to register; its private part, if any, is never sent.</summary>
        public JwkKeyPair? PublicKey { get; set; }

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

        /// <summary>Updates only: ACTIVE or INACTIVE.</summary>
        public string? Status { get; set; }
    }
}
