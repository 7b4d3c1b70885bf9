using Esignet.Core.Definitions;
using Esignet.Core.Errors;
using Esignet.Core.Versions;

namespace Esignet.Core.Registration
{
    /// <summary>
    /// Picks the create endpoint from what the definition needs (issue 4): oidc-client where it suffices,
    /// oauth-client for a language map, client for additionalConfig; PMS /oauth/client for a language map on
    /// 1.2.2+. Refuses clearly when the connected line lacks the endpoint.
    /// </summary>
    public static class EndpointChooser
    {
        /// <summary>
        /// The endpoint on either API. The one dispatch on the API kind outside the two API implementations: offline
        /// validation (Test-EsignetClientDefinition) has rules but no connection, so no API object to ask.
        /// </summary>
        public static ClientEndpointKind Choose(ClientDefinition d, ClientApi api, EsignetVersion esignet, PmsVersion pms)
            => api == ClientApi.Pms ? ForPms(d, pms) : ForEsignet(d, esignet);

        public static ClientEndpointKind ForPms(ClientDefinition d, PmsVersion pms)
        {
            if (d.AdditionalConfigJson != null)
            {
                throw NotOnLine("additionalConfig", "PMS has no additionalConfig field; register through eSignet directly (-Api Esignet).");
            }

            if (d.ClientNameLangMap.Count == 0)
            {
                return ClientEndpointKind.PmsOidcClient;
            }

            return pms.HasOAuthClientEndpoint
                ? ClientEndpointKind.PmsOAuthClient
                : throw NotOnLine("clientNameLangMap", $"A client name language map needs PMS /oauth/client, which PMS {pms} lacks (1.2.2 and later have it). Remove the map or connect with -PmsVersion 1.2.2.");
        }

        public static ClientEndpointKind ForEsignet(ClientDefinition d, EsignetVersion esignet)
        {
            if (d.AdditionalConfigJson != null)
            {
                return esignet.HasClientEndpoint
                    ? ClientEndpointKind.Client
                    : throw NotOnLine("additionalConfig", $"additionalConfig needs eSignet's /client-mgmt/client endpoint (1.6 and later); the connected line is {esignet}. Remove it or connect with -ServerVersion 1.6 or later.");
            }

            if (d.ClientNameLangMap.Count > 0)
            {
                return esignet.HasOAuthClientEndpoint
                    ? ClientEndpointKind.OAuthClient
                    : throw NotOnLine("clientNameLangMap", $"A client name language map needs eSignet's /client-mgmt/oauth-client endpoint (1.2 and later); the connected line is {esignet}. Remove it or connect with -ServerVersion 1.2 or later.");
            }

            return ClientEndpointKind.OidcClient;
        }

        private static EsignetException NotOnLine(string field, string message)
        {
            return new EsignetException("EndpointNotOnLine", EsignetErrorKind.InvalidOperation, message) { TargetObject = field };
        }
    }
}
