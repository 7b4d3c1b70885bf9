using System;
using System.Text.Json;
using Esignet.Core.Definitions;

namespace Esignet.Core.Servers
{
    /// <summary>
    /// Request bodies for PMS's OIDC client API (in <see cref="PmsEnvelope"/>), with exactly the members each
    /// endpoint's DTO declares (pms-api.md §4).
    /// </summary>
    internal static class PmsRequestBuilder
    {
        public static string Create(ClientDefinition d, ClientEndpointKind kind)
        {
            return Wrapped(w =>
            {
                w.WriteString("name", d.ClientName);
                w.WriteString("policyId", d.PolicyId);
                JsonBody.Raw(w, "publicKey", d.PublicKey!.PublicJwk);
                w.WriteString("authPartnerId", d.AuthPartnerId);
                w.WriteString("logoUri", d.LogoUri);
                JsonBody.List(w, "redirectUris", d.RedirectUris);
                JsonBody.List(w, "grantTypes", d.GrantTypes);
                JsonBody.List(w, "clientAuthMethods", d.ClientAuthMethods);
                if (kind == ClientEndpointKind.PmsOAuthClient)
                {
                    JsonBody.Map(w, "clientNameLangMap", d.ClientNameLangMap);
                }
            });
        }

        /// <summary>The PUT body (pms-api.md §4.3/4.4): every mutable field, the full state after the change.</summary>
        public static string Update(ClientDefinition d, ClientEndpointKind kind)
        {
            return Wrapped(w =>
            {
                w.WriteString("logoUri", d.LogoUri);
                JsonBody.List(w, "redirectUris", d.RedirectUris);
                w.WriteString("status", d.Status ?? "ACTIVE");
                JsonBody.List(w, "grantTypes", d.GrantTypes);
                w.WriteString("clientName", d.ClientName);
                JsonBody.List(w, "clientAuthMethods", d.ClientAuthMethods);
                if (kind == ClientEndpointKind.PmsOAuthClient)
                {
                    JsonBody.Map(w, "clientNameLangMap", d.ClientNameLangMap);
                }
            });
        }

        // The OpenAPI example's id and version, which the OIDC client endpoints have always been sent with.
        private static string Wrapped(Action<Utf8JsonWriter> request) => PmsEnvelope.Wrap("string", "string", request);
    }
}
