using System.Collections.Generic;
using Esignet.Core.Keys;

namespace Esignet.Core.Servers
{
    /// <summary>A partial update for eSignet 1.8's PATCH (esignet-api.md §2.7): only the non-null members are sent and applied.</summary>
    public sealed class ClientPatch
    {
        public string? ClientName { get; set; }
        public string? LogoUri { get; set; }
        public List<string>? RedirectUris { get; set; }
        public List<string>? UserClaims { get; set; }
        public List<string>? AuthContextRefs { get; set; }
        public List<string>? GrantTypes { get; set; }
        public List<string>? ClientAuthMethods { get; set; }
        public Dictionary<string, string>? ClientNameLangMap { get; set; }
        public string? AdditionalConfigJson { get; set; }
        public string? Status { get; set; }
        public JwkKeyPair? EncPublicKey { get; set; }
    }
}
