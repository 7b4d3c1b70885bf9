using System.Text.Json;
using Esignet.Core.Definitions;

namespace Esignet.Core.Servers
{
    /// <summary>
    /// Request bodies for eSignet (in <see cref="EsignetEnvelope"/>), with exactly the members each endpoint's DTO
    /// declares: an extra member is rejected as unknown_error by the server's Jackson settings (esignet-api.md §2.9).
    /// </summary>
    internal static class EsignetRequestBuilder
    {
        public static string Create(ClientDefinition d, ClientEndpointKind kind)
        {
            return EsignetEnvelope.Wrap(w =>
            {
                w.WriteString("clientId", d.ClientId);
                w.WriteString("clientName", d.ClientName);
                WritePublicKey(w, "publicKey", d.PublicKey!.PublicJwk);
                w.WriteString("relyingPartyId", d.RelyingPartyId);
                JsonBody.List(w, "userClaims", d.UserClaims);
                JsonBody.List(w, "authContextRefs", d.AuthContextRefs);
                w.WriteString("logoUri", d.LogoUri);
                JsonBody.List(w, "redirectUris", d.RedirectUris);
                JsonBody.List(w, "grantTypes", d.GrantTypes);
                JsonBody.List(w, "clientAuthMethods", d.ClientAuthMethods);
                WriteV2V3(w, d, kind);
            });
        }

        public static string Update(ClientDefinition d, ClientEndpointKind kind)
        {
            return EsignetEnvelope.Wrap(w =>
            {
                w.WriteString("logoUri", d.LogoUri);
                JsonBody.List(w, "redirectUris", d.RedirectUris);
                JsonBody.List(w, "userClaims", d.UserClaims);
                JsonBody.List(w, "authContextRefs", d.AuthContextRefs);
                w.WriteString("status", d.Status ?? "ACTIVE");
                JsonBody.List(w, "grantTypes", d.GrantTypes);
                w.WriteString("clientName", d.ClientName);
                JsonBody.List(w, "clientAuthMethods", d.ClientAuthMethods);
                WriteV2V3(w, d, kind);
            });
        }

        public static string Patch(Registration.ClientChanges p)
        {
            return EsignetEnvelope.Wrap(w =>
            {
                if (p.LogoUri != null) w.WriteString("logoUri", p.LogoUri);
                if (p.RedirectUris != null) JsonBody.List(w, "redirectUris", p.RedirectUris);
                if (p.UserClaims != null) JsonBody.List(w, "userClaims", p.UserClaims);
                if (p.AuthContextRefs != null) JsonBody.List(w, "authContextRefs", p.AuthContextRefs);
                if (p.Status != null) w.WriteString("status", p.Status);
                if (p.GrantTypes != null) JsonBody.List(w, "grantTypes", p.GrantTypes);
                if (p.ClientName != null) w.WriteString("clientName", p.ClientName);
                if (p.ClientAuthMethods != null) JsonBody.List(w, "clientAuthMethods", p.ClientAuthMethods);
                if (p.ClientNameLangMap != null) JsonBody.Map(w, "clientNameLangMap", p.ClientNameLangMap);
                if (p.AdditionalConfigJson != null) JsonBody.Raw(w, "additionalConfig", p.AdditionalConfigJson);
                if (p.EncPublicKey != null) JsonBody.Raw(w, "encPublicKey", p.EncPublicKey);
            });
        }

        private static void WriteV2V3(Utf8JsonWriter w, ClientDefinition d, ClientEndpointKind kind)
        {
            if (kind == ClientEndpointKind.OAuthClient || kind == ClientEndpointKind.Client)
            {
                if (d.ClientNameLangMap.Count > 0)
                {
                    JsonBody.Map(w, "clientNameLangMap", d.ClientNameLangMap);
                }
            }

            if (kind == ClientEndpointKind.Client && d.AdditionalConfigJson != null)
            {
                JsonBody.Raw(w, "additionalConfig", d.AdditionalConfigJson);
            }
        }

        /// <summary>The public JWK only: built from the key's public members, so a private member can never be sent.</summary>
        private static void WritePublicKey(Utf8JsonWriter w, string name, string publicJwk) => JsonBody.Raw(w, name, publicJwk);
    }
}
