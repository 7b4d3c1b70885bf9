using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Esignet.Core.Errors;
using Esignet.Core.Transport;

namespace Esignet.Core.Auth
{
    /// <summary>
    /// OAuth 2.0 client credentials against Keycloak (esignet-api.md §5.3): POST grant_type=client_credentials
    /// to the realm's token endpoint, e.g. https://iam.example.org/auth/realms/mosip/protocol/openid-connect/token.
    /// </summary>
    public sealed class ClientCredentialsTokenSource : RefreshingTokenSource
    {
        private readonly string _clientId;
        private readonly string _clientSecret;
        private readonly string? _scope;

        public ClientCredentialsTokenSource(HttpTransport transport, Uri tokenUri, string clientId, string clientSecret, string? scope, string credentialSource)
            : base(transport, tokenUri, credentialSource)
        {
            _clientId = clientId;
            _clientSecret = clientSecret;
            _scope = string.IsNullOrWhiteSpace(scope) ? null : scope;
        }

        public override string Method => "ClientCredentials";

        protected override async Task<AccessToken> FetchAsync(CancellationToken cancel)
        {
            TransportResponse response = await Transport.SendAsync(() =>
            {
                var form = new List<KeyValuePair<string, string>>
                {
                    new KeyValuePair<string, string>("grant_type", "client_credentials"),
                    new KeyValuePair<string, string>("client_id", _clientId),
                    new KeyValuePair<string, string>("client_secret", _clientSecret),
                };
                if (_scope != null)
                {
                    form.Add(new KeyValuePair<string, string>("scope", _scope));
                }

                var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new FormUrlEncodedContent(form) };
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                return request;
            }, cancel).ConfigureAwait(false);

            string? error = null, description = null;
            try
            {
                using (JsonDocument doc = JsonDocument.Parse(response.Body))
                {
                    JsonElement root = doc.RootElement;
                    if (response.Status == 200 && root.TryGetProperty("access_token", out JsonElement token) && token.ValueKind == JsonValueKind.String)
                    {
                        int? expiresIn = root.TryGetProperty("expires_in", out JsonElement e) && e.TryGetInt32(out int s) ? s : (int?)null;
                        string? scope = root.TryGetProperty("scope", out JsonElement sc) && sc.ValueKind == JsonValueKind.String ? sc.GetString() : null;
                        return AccessToken.FromText(token.GetString()!, expiresIn, scope);
                    }

                    error = root.TryGetProperty("error", out JsonElement er) && er.ValueKind == JsonValueKind.String ? Common.ServerText.Clean(er.GetString(), keepLayout: false) : null;
                    description = root.TryGetProperty("error_description", out JsonElement ed) && ed.ValueKind == JsonValueKind.String ? Common.ServerText.Clean(ed.GetString()) : null;
                }
            }
            catch (JsonException)
            {
            }

            if (response.Status == 401 || error == "invalid_client" || error == "unauthorized_client")
            {
                throw new EsignetException("BadCredentials", EsignetErrorKind.AuthenticationError,
                    $"The token server {Endpoint} refused client '{_clientId}' ({error ?? "HTTP " + response.Status}{(description == null ? "" : ": " + Redactor.Redact(description))}). Check the client id and secret, and that the client has service accounts enabled.");
            }

            if (error == "invalid_scope")
            {
                throw new EsignetException("InvalidScope", EsignetErrorKind.AuthenticationError,
                    $"The token server {Endpoint} refused scope '{_scope}'. Assign the client scopes add_oidc_client and update_oidc_client (or esignet_admin_access on OpenG2P) to client '{_clientId}'.");
            }

            throw new EsignetException("TokenRequestFailed", EsignetErrorKind.AuthenticationError,
                response.Status == 404
                    ? $"No token endpoint at {Endpoint} (HTTP 404). Check -TokenUri: Keycloak's is <keycloak>/auth/realms/<realm>/protocol/openid-connect/token (without /auth on newer Keycloak)."
                    : $"The token request to {Endpoint} failed: HTTP {response.Status}{(error == null ? "" : ", " + error)}.");
        }
    }
}
