using System.Collections.Generic;
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

        public static void Apply(ClientDefinition d, ClientApi api)
        {
            if (d.GrantTypes.Count == 0) d.GrantTypes.AddRange(GrantTypes);
            if (d.ClientAuthMethods.Count == 0) d.ClientAuthMethods.AddRange(ClientAuthMethods);
            if (api == ClientApi.Esignet)
            {
                if (d.UserClaims.Count == 0) d.UserClaims.AddRange(UserClaims);
                if (d.AuthContextRefs.Count == 0) d.AuthContextRefs.AddRange(AuthContextRefs);
            }
        }
    }
}
