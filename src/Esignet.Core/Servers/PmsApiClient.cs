using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Esignet.Core.Auth;
using Esignet.Core.Definitions;
using Esignet.Core.Errors;
using Esignet.Core.Transport;
using Esignet.Core.Versions;

namespace Esignet.Core.Servers
{
    /// <summary>
    /// MOSIP Partner Management's OIDC client API (pms-api.md §3): /v1/partnermanager/oidc/client and, on
    /// 1.2.2+, /oauth/client. The token travels in the Authorization cookie. Every 200 is checked for errors[].
    /// </summary>
    public sealed class PmsApiClient
    {
        private readonly Uri _base;
        private readonly ApiCaller _caller;

        public PmsApiClient(Uri pmsUri, PmsVersion version, HttpTransport transport, ITokenSource? tokens)
        {
            _base = new Uri(pmsUri.ToString().TrimEnd('/') + "/v1/partnermanager/");
            Version = version;
            _caller = new ApiCaller(transport, tokens, TokenPlacement.AuthorizationCookie);
        }

        public PmsVersion Version { get; }

        public static string PathOf(ClientEndpointKind kind) => kind == ClientEndpointKind.PmsOAuthClient ? "oauth/client" : "oidc/client";

        private static string BuildCreateBody(ClientDefinition d, ClientEndpointKind kind)
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

        public ClientRequest CreateRequest(ClientDefinition d, ClientEndpointKind kind)
            => new ClientRequest(HttpMethod.Post, new Uri(_base, PathOf(kind)), () => BuildCreateBody(d, kind));

        /// <summary>PUT: the full state after the change (pms-api.md §4.3/4.4).</summary>
        public ClientRequest UpdateRequest(string clientId, ClientDefinition d, ClientEndpointKind kind)
            => new ClientRequest(HttpMethod.Put, new Uri(_base, PathOf(kind) + "/" + Uri.EscapeDataString(clientId)), () => BuildUpdateBody(d, kind));

        public async Task<ClientResponse> SendAsync(ClientRequest request, CancellationToken cancel)
        {
            TransportResponse r = await _caller.SendAsync(request.Method, request.Uri, request.Render, cancel).ConfigureAwait(false);
            return ParseClientResponse(r, request.Endpoint);
        }

        /// <summary>The PUT body (pms-api.md §4.3/4.4): every mutable field, the full state after the change.</summary>
        private static string BuildUpdateBody(ClientDefinition d, ClientEndpointKind kind)
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

        /// <summary>
        /// Reads a client back; null when PMS says it does not exist (PMS_IDP_004 / PMS_ESI_004). The line's own path
        /// first; when the server lacks it (a line other than the configured one), the other one: GET oidc/client/{id}
        /// exists on every line, oauth/client/{id} from 1.2.2 (pms-api.md §3).
        /// </summary>
        public async Task<PmsClientDetails?> GetAsync(string clientId, CancellationToken cancel)
        {
            string first = Version.HasOAuthClientEndpoint ? "oauth/client/" : "oidc/client/";
            try
            {
                return await GetAsync(first, clientId, cancel).ConfigureAwait(false);
            }
            catch (ServerErrorException e) when (e.ErrorId == "EndpointNotFound")
            {
                return await GetAsync(first == "oidc/client/" ? "oauth/client/" : "oidc/client/", clientId, cancel).ConfigureAwait(false);
            }
        }

        private async Task<PmsClientDetails?> GetAsync(string path, string clientId, CancellationToken cancel)
        {
            var uri = new Uri(_base, path + Uri.EscapeDataString(clientId));
            TransportResponse r = await _caller.SendAsync(HttpMethod.Get, uri, null, cancel).ConfigureAwait(false);
            try
            {
                JsonElement response = ReadResponse(r, "GET " + uri.AbsolutePath);
                return ToDetails(response);
            }
            catch (ServerErrorException e) when (e.ErrorCode == "PMS_IDP_004" || e.ErrorCode == "PMS_ESI_004")
            {
                return null;
            }
        }

        /// <summary>All clients the caller may see (1.2.2+ list endpoint, unpaged).</summary>
        public async Task<IReadOnlyList<PmsClientDetails>> ListAsync(CancellationToken cancel)
        {
            if (!Version.HasOAuthClientEndpoint)
            {
                throw new EsignetException("EndpointNotOnLine", EsignetErrorKind.InvalidOperation,
                    "PMS 1.2.0/1.2.1 has no list endpoint; listing needs PMS 1.2.2 or later (-PmsVersion 1.2.2). Ask for clients by -ClientId instead.");
            }

            var uri = new Uri(_base, "oauth/client");
            TransportResponse r = await _caller.SendAsync(HttpMethod.Get, uri, null, cancel).ConfigureAwait(false);
            JsonElement response = ReadResponse(r, "GET " + uri.AbsolutePath);
            var list = new List<PmsClientDetails>();
            if (response.ValueKind == JsonValueKind.Object && response.TryGetProperty("data", out JsonElement data) && data.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement item in data.EnumerateArray())
                {
                    list.Add(new PmsClientDetails
                    {
                        ClientId = JsonBody.String(item, "clientId") ?? string.Empty,
                        Name = JsonBody.String(item, "clientName"),
                        PolicyName = JsonBody.String(item, "policyName"),
                        RelyingPartyId = JsonBody.String(item, "partnerId"),
                        Status = JsonBody.String(item, "status"),
                    });
                }
            }

            return list;
        }

        private static PmsClientDetails ToDetails(JsonElement e)
        {
            return new PmsClientDetails
            {
                ClientId = JsonBody.String(e, "id") ?? string.Empty,
                Name = JsonBody.String(e, "name"),
                PolicyId = JsonBody.String(e, "policyId"),
                PolicyName = JsonBody.String(e, "policyName"),
                RelyingPartyId = JsonBody.String(e, "relyingPartyId"),
                LogoUri = JsonBody.String(e, "logoUri"),
                RedirectUris = JsonBody.Strings(e, "redirectUris"),
                PublicKey = JsonBody.String(e, "publicKey"),
                Claims = JsonBody.Strings(e, "claims"),
                AcrValues = JsonBody.Strings(e, "acrValues"),
                Status = JsonBody.String(e, "status"),
                GrantTypes = JsonBody.Strings(e, "grantTypes"),
                ClientAuthMethods = JsonBody.Strings(e, "clientAuthMethods"),
            };
        }

        private static ClientResponse ParseClientResponse(TransportResponse r, string endpoint)
        {
            JsonElement response = ReadResponse(r, endpoint);
            string? clientId = JsonBody.String(response, "clientId");
            if (clientId == null)
            {
                throw new ServerErrorException("UnexpectedResponse", "PMS answered without a clientId.", r.Status, endpoint, EsignetErrorKind.ServerError);
            }

            return new ClientResponse(clientId, JsonBody.String(response, "status"));
        }

        private static JsonElement ReadResponse(TransportResponse r, string endpoint) => PmsEnvelope.Read(r, endpoint);

        // The OpenAPI example's id and version, which the OIDC client endpoints have always been sent with.
        private static string Wrapped(Action<Utf8JsonWriter> request) => PmsEnvelope.Wrap("string", "string", request);
    }
}
