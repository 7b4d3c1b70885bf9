using System.Collections.Generic;
using System.Linq;
using Esignet.Core.Clients;
using Esignet.Core.Definitions;

namespace Esignet.Core.Servers
{
    /// <summary>A client as PMS reports it (pms-api.md §4.6).</summary>
    public sealed class PmsClientDetails
    {
        public string ClientId { get; set; } = string.Empty;
        public string? Name { get; set; }
        public string? PolicyId { get; set; }
        public string? PolicyName { get; set; }
        public string? RelyingPartyId { get; set; }
        public string? LogoUri { get; set; }
        public List<string> RedirectUris { get; set; } = new List<string>();
        /// <summary>PMS returns the stored JWK as a JSON string.</summary>
        public string? PublicKey { get; set; }
        public List<string> Claims { get; set; } = new List<string>();
        public List<string> AcrValues { get; set; } = new List<string>();
        public string? Status { get; set; }
        public List<string> GrantTypes { get; set; } = new List<string>();
        public List<string> ClientAuthMethods { get; set; } = new List<string>();

        /// <summary>
        /// The stored client as a definition, the base an update merges into. Claims and ACRs stay out: PMS derives
        /// them from the partner's policy and its PUT has no such fields (pms-api.md §4.3).
        /// </summary>
        internal ClientDefinition ToDefinition()
        {
            ClientRecords.SplitName(Name, out string? name, out Dictionary<string, string>? map);
            return new ClientDefinition
            {
                ClientId = ClientId,
                ClientName = name,
                LogoUri = LogoUri,
                RedirectUris = RedirectUris.ToList(),
                GrantTypes = GrantTypes.ToList(),
                ClientAuthMethods = ClientAuthMethods.ToList(),
                ClientNameLangMap = map ?? new Dictionary<string, string>(),
                PolicyId = PolicyId,
                AuthPartnerId = RelyingPartyId,
                Status = Status,
                PublicKey = ClientRecords.TryKey(PublicKey),
            };
        }
    }
}
