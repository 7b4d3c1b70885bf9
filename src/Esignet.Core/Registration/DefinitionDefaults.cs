using System.Collections.Generic;
using System.Linq;
using Esignet.Core.Definitions;

namespace Esignet.Core.Registration
{
    /// <summary>
    /// Fills what the user left out with the values the OpenG2P "eSignet Client Creation" page and every
    /// eSignet line use: authorization_code, private_key_jwt, that page's claims and ACRs.
    /// </summary>
    public static class DefinitionDefaults
    {
        public static readonly IReadOnlyList<string> GrantTypes = new[] { "authorization_code" };
        public static readonly IReadOnlyList<string> ClientAuthMethods = new[] { "private_key_jwt" };
        public static readonly IReadOnlyList<string> UserClaims = new[] { "birthdate", "address", "gender", "name", "phone_number", "email", "picture" };
        public static readonly IReadOnlyList<string> AuthContextRefs = new[] { "mosip:idp:acr:biometrics", "mosip:idp:acr:generated-code" };

        /// <summary>
        /// A new definition with the defaults where the user gave nothing; <paramref name="d"/> is not changed. Claims
        /// and ACRs only for eSignet: PMS derives them from the policy. Offline validation uses the same defaults
        /// without a connection, hence the API kind as a parameter.
        /// </summary>
        public static ClientDefinition Apply(ClientDefinition d, ClientApi api)
        {
            bool esignet = api == ClientApi.Esignet;
            return d with
            {
                GrantTypes = d.GrantTypes.Count == 0 ? GrantTypes.ToList() : d.GrantTypes,
                ClientAuthMethods = d.ClientAuthMethods.Count == 0 ? ClientAuthMethods.ToList() : d.ClientAuthMethods,
                UserClaims = esignet && d.UserClaims.Count == 0 ? UserClaims.ToList() : d.UserClaims,
                AuthContextRefs = esignet && d.AuthContextRefs.Count == 0 ? AuthContextRefs.ToList() : d.AuthContextRefs,
            };
        }
    }
}
