using System.Collections.Generic;
using System.Linq;
using Esignet.Core.Clients;
using Esignet.Core.Definitions;

namespace Esignet.Core.Ledger
{
    /// <summary>The non-secret fields of a registration, as sent.</summary>
    public sealed class LedgerDefinition
    {
        public string? ClientName { get; set; }
        public string? RelyingPartyId { get; set; }
        public string? LogoUri { get; set; }
        public List<string> RedirectUris { get; set; } = new List<string>();
        public List<string> GrantTypes { get; set; } = new List<string>();
        public List<string> ClientAuthMethods { get; set; } = new List<string>();
        public List<string> UserClaims { get; set; } = new List<string>();
        public List<string> AuthContextRefs { get; set; } = new List<string>();
        public Dictionary<string, string> ClientNameLangMap { get; set; } = new Dictionary<string, string>();
        public string? AdditionalConfigJson { get; set; }
        public string? PolicyId { get; set; }
        public string? AuthPartnerId { get; set; }
        public string? PublicJwk { get; set; }

        /// <summary>The fields of a definition as they were sent (the public key only).</summary>
        public static LedgerDefinition From(ClientDefinition d) => new LedgerDefinition
        {
            ClientName = d.ClientName,
            RelyingPartyId = d.RelyingPartyId,
            LogoUri = d.LogoUri,
            RedirectUris = d.RedirectUris,
            GrantTypes = d.GrantTypes,
            ClientAuthMethods = d.ClientAuthMethods,
            UserClaims = d.UserClaims,
            AuthContextRefs = d.AuthContextRefs,
            ClientNameLangMap = d.ClientNameLangMap,
            AdditionalConfigJson = d.AdditionalConfigJson,
            PolicyId = d.PolicyId,
            AuthPartnerId = d.AuthPartnerId,
            PublicJwk = d.PublicKey?.PublicJwk,
        };
    
        /// <summary>The recorded fields as a definition again (the base a PUT merges into); lists are copies.</summary>
        public ClientDefinition ToDefinition(string clientId, string status) => new ClientDefinition
        {
            ClientId = clientId,
            ClientName = ClientName,
            RelyingPartyId = RelyingPartyId,
            PublicKey = ClientRecords.TryKey(PublicJwk),
            LogoUri = LogoUri,
            RedirectUris = RedirectUris.ToList(),
            GrantTypes = GrantTypes.ToList(),
            ClientAuthMethods = ClientAuthMethods.ToList(),
            UserClaims = UserClaims.ToList(),
            AuthContextRefs = AuthContextRefs.ToList(),
            ClientNameLangMap = new Dictionary<string, string>(ClientNameLangMap),
            AdditionalConfigJson = AdditionalConfigJson,
            PolicyId = PolicyId,
            AuthPartnerId = AuthPartnerId,
            Status = status,
        };
    }
}
