using System;
using System.Collections.Generic;
using System.Linq;
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
    /// eSignet's client-management API (esignet-api.md §1): POST/PUT oidc-client, oauth-client, client and
    /// PATCH client, under /v1/esignet. Every 200 is checked for errors[] (§1.6).
    /// </summary>
    public sealed class EsignetApiClient
    {
        private readonly Uri _base;
        private readonly ApiCaller _caller;

        public EsignetApiClient(Uri serverUri, EsignetVersion version, HttpTransport transport, ITokenSource? tokens)
        {
            _base = new Uri(serverUri.ToString().TrimEnd('/') + "/v1/esignet/");
            Version = version;
            _caller = new ApiCaller(transport, tokens, TokenPlacement.BearerHeader);
        }

        public EsignetVersion Version { get; }

        /// <summary>The path after /v1/esignet for an endpoint kind.</summary>
        public static string PathOf(ClientEndpointKind kind)
        {
            switch (kind)
            {
                case ClientEndpointKind.OidcClient: return "client-mgmt/oidc-client";
                case ClientEndpointKind.OAuthClient: return "client-mgmt/oauth-client";
                case ClientEndpointKind.Client: return "client-mgmt/client";
                default: throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an eSignet endpoint");
            }
        }

        /// <summary>The body a create would send (public key only); the fidelity tests send it to the sandboxes.</summary>
        public static string BuildCreateBody(ClientDefinition d, ClientEndpointKind kind) => EsignetRequestBuilder.Create(d, kind);

        public ClientRequest CreateRequest(ClientDefinition d, ClientEndpointKind kind)
            => new ClientRequest(HttpMethod.Post, new Uri(_base, PathOf(kind)), () => EsignetRequestBuilder.Create(d, kind), Auth.ScopeCheck.Create);

        /// <summary>PUT: replaces every field (esignet-api.md §2.4).</summary>
        public ClientRequest UpdateRequest(string clientId, ClientDefinition d, ClientEndpointKind kind)
            => new ClientRequest(HttpMethod.Put, new Uri(_base, PathOf(kind) + "/" + Uri.EscapeDataString(clientId)), () => EsignetRequestBuilder.Update(d, kind), Auth.ScopeCheck.Update);

        /// <summary>PATCH (1.8+): only the patch's non-null members (esignet-api.md §2.7).</summary>
        public ClientRequest PatchRequest(string clientId, Registration.ClientChanges patch)
            => new ClientRequest(new HttpMethod("PATCH"), new Uri(_base, "client-mgmt/client/" + Uri.EscapeDataString(clientId)), () => EsignetRequestBuilder.Patch(patch), Auth.ScopeCheck.Update);

        public Task<ClientResponse> CreateAsync(ClientDefinition d, ClientEndpointKind kind, CancellationToken cancel) => SendAsync(CreateRequest(d, kind), cancel);

        public async Task<ClientResponse> SendAsync(ClientRequest request, CancellationToken cancel)
        {
            TransportResponse r = await _caller.SendAsync(request.Method, request.Uri, request.Render, cancel, request.RequiredScope).ConfigureAwait(false);
            return Parse(r, request.Endpoint, _caller.ClockSkew);
        }

        /// <summary>Reads eSignet's wrapper: {responseTime, response:{clientId,status}, errors:[{errorCode,errorMessage}]}.</summary>
        internal static ClientResponse Parse(TransportResponse r, string endpoint, ClockSkew? clockSkew = null)
        {
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(r.Body) ? "null" : r.Body);
            }
            catch (JsonException)
            {
                throw new ServerErrorException("UnexpectedResponse", $"The answer is not JSON; is this an eSignet server? (starts: {Snippet(r.Body)})", r.Status, endpoint, EsignetErrorKind.ServerError);
            }

            using (doc)
            {
                JsonElement root = doc.RootElement;
                IReadOnlyList<ServerError> errors = ServerErrors.Esignet(root);
                if (errors.Count > 0)
                {
                    // One entry per violated field, in no set order: all are kept (ServerErrorException.Errors).
                    string? message = errors[0].Message;
                    if (clockSkew != null && errors.Any(e => e.Code == "invalid_request" && e.Field == "requestTime"))
                    {
                        // "requestTime: invalid_request" alone hides the cause; the measured skew usually explains it.
                        message += ". " + clockSkew.ExplainRequestTimeRefusal();
                    }

                    throw new ServerErrorException(errors, message, r.Status, endpoint) { AfterLostAnswer = r.EarlierAnswerLost };
                }

                if (r.Status == 200 && root.ValueKind == JsonValueKind.Object && root.TryGetProperty("response", out JsonElement response)
                    && JsonBody.String(response, "clientId") is string clientId)
                {
                    return new ClientResponse(clientId, JsonBody.String(response, "status"));
                }

                throw new ServerErrorException(r.Status == 404 || r.Status == 405 ? "EndpointNotFound" : "UnexpectedResponse",
                    r.Status == 404 || r.Status == 405
                        ? "This eSignet does not have that endpoint. Check -Uri (the eSignet base, without /v1/esignet) and -ServerVersion."
                        : $"The answer has neither a client nor errors (starts: {Snippet(r.Body)}).",
                    r.Status, endpoint, EsignetErrorKind.ServerError);
            }
        }

        private static string Snippet(string body) => Redactor.Redact(body.Length > 120 ? body.Substring(0, 120) + "..." : body);
    }
}
