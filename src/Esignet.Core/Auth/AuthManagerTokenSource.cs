using System;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Esignet.Core.Errors;
using Esignet.Core.Transport;

namespace Esignet.Core.Auth
{
    /// <summary>
    /// MOSIP authmanager client id + secret key (pms-api.md §9.2): POST /v1/authmanager/authenticate/clientidsecretkey.
    /// The token is not in the body: it comes back in the Authorization response header and an Authorization cookie.
    /// </summary>
    public sealed class AuthManagerTokenSource : RefreshingTokenSource
    {
        private const string Path = "/v1/authmanager/authenticate/clientidsecretkey";
        private readonly HttpTransport _transport;
        private readonly Uri _endpoint;
        private readonly string _appId;
        private readonly string _clientId;
        private readonly string _secretKey;

        public AuthManagerTokenSource(HttpTransport transport, Uri authManagerUri, string appId, string clientId, string secretKey, string credentialSource)
        {
            _transport = transport;
            string baseUri = authManagerUri.ToString().TrimEnd('/');
            _endpoint = baseUri.EndsWith(Path, StringComparison.OrdinalIgnoreCase) ? authManagerUri : new Uri(baseUri + Path);
            _appId = appId;
            _clientId = clientId;
            _secretKey = secretKey;
            CredentialSource = credentialSource;
        }

        public override string Method => "AuthManager";

        public override string CredentialSource { get; }

        public override string? TokenEndpoint => _endpoint.ToString();

        protected override async Task<AccessToken> FetchAsync(CancellationToken cancel)
        {
            TransportResponse response = await _transport.SendAsync(() =>
            {
                string body = JsonSerializer.Serialize(new
                {
                    id = "string",
                    version = "string",
                    requesttime = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
                    metadata = new { },
                    request = new { clientId = _clientId, secretKey = _secretKey, appId = _appId },
                });
                return new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            }, cancel).ConfigureAwait(false);

            string? token = response.Header("Authorization");
            if (string.IsNullOrEmpty(token) && response.Headers.TryGetValue("Set-Cookie", out string[]? cookies))
            {
                foreach (string cookie in cookies)
                {
                    if (cookie.StartsWith("Authorization=", StringComparison.Ordinal))
                    {
                        int end = cookie.IndexOf(';');
                        token = end < 0 ? cookie.Substring(14) : cookie.Substring(14, end - 14);
                    }
                }
            }

            if (response.Status == 200 && !string.IsNullOrEmpty(token))
            {
                if (token!.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                {
                    token = token.Substring(7);
                }

                return AccessToken.FromText(token);
            }

            if (response.Status == 404)
            {
                throw new EsignetException("TokenRequestFailed", EsignetErrorKind.AuthenticationError,
                    $"No authmanager at {_endpoint} (HTTP 404). -AuthManagerUri is the MOSIP API base, e.g. https://api-internal.example.org.");
            }

            throw new EsignetException("BadCredentials", EsignetErrorKind.AuthenticationError,
                $"MOSIP authmanager at {_endpoint} did not issue a token for client '{_clientId}' (app id '{_appId}', HTTP {response.Status}). Check the client id, secret key and app id (PMS uses app id 'partner').");
        }
    }
}
