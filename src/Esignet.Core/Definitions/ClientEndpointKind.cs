namespace Esignet.Core.Definitions
{
    /// <summary>
    /// The create endpoint a definition is sent to. Each has its own request DTO and therefore its own rules
    /// (esignet-api.md §1.2 table: E1, E3, E5; pms-api.md §3).
    /// </summary>
    public enum ClientEndpointKind
    {
        /// <summary>E1, <c>POST /client-mgmt/oidc-client</c>: every eSignet line; no clientNameLangMap, no additionalConfig.</summary>
        OidcClient,

        /// <summary>E3, <c>POST /client-mgmt/oauth-client</c>: eSignet 1.2+; adds clientNameLangMap (§2.2).</summary>
        OAuthClient,

        /// <summary>E5, <c>POST /client-mgmt/client</c>: eSignet 1.6+; adds additionalConfig (§2.3).</summary>
        Client,

        /// <summary>PMS <c>POST /oidc/client</c>: every PMS line (pms-api.md §4.1).</summary>
        PmsOidcClient,

        /// <summary>PMS <c>POST /oauth/client</c>: PMS 1.2.2+; adds clientNameLangMap (pms-api.md §4.2).</summary>
        PmsOAuthClient,
    }
}
