namespace Esignet.Core.Definitions
{
    /// <summary>
    /// Which server API registers the client (design.md, "Two server APIs"): eSignet's own client-management API,
    /// where the caller chooses the Client ID, or MOSIP Partner Management, which derives it from the public key.
    /// </summary>
    public enum ClientApi
    {
        /// <summary>eSignet <c>/v1/esignet/client-mgmt/*</c> (esignet-api.md §1.2).</summary>
        Esignet,

        /// <summary>PMS <c>/v1/partnermanager/oidc/client</c> and <c>/oauth/client</c> (pms-api.md §3).</summary>
        Pms,
    }
}
