using System.Collections.Generic;

namespace Esignet.Core.Registration
{
    /// <summary>
    /// What Set-EsignetClient changes; null members stay as they are. It is also eSignet 1.8's PATCH body
    /// (esignet-api.md §2.7), which applies exactly the non-null members.
    /// </summary>
    public sealed record ClientChanges
    {
        public string? ClientName { get; set; }
        public string? LogoUri { get; set; }
        public List<string>? RedirectUris { get; set; }
        public List<string>? GrantTypes { get; set; }
        public List<string>? ClientAuthMethods { get; set; }
        public List<string>? UserClaims { get; set; }
        public List<string>? AuthContextRefs { get; set; }
        public Dictionary<string, string>? ClientNameLangMap { get; set; }
        public string? AdditionalConfigJson { get; set; }

        /// <summary>eSignet 1.8+: the public JWK for JWE userinfo (PATCH only).</summary>
        public string? EncPublicKey { get; set; }

        /// <summary>ACTIVE or INACTIVE.</summary>
        public string? Status { get; set; }

        public bool OnlyStatus => ClientName == null && LogoUri == null && RedirectUris == null && GrantTypes == null && ClientAuthMethods == null
            && UserClaims == null && AuthContextRefs == null && ClientNameLangMap == null && AdditionalConfigJson == null && EncPublicKey == null;
    }
}
