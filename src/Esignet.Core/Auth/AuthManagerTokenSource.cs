using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Esignet.Core.Errors;
using Esignet.Core.Servers;
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
        private readonly string _appId;
        private readonly string _clientId;
        private readonly string _secretKey;

        public AuthManagerTokenSource(HttpTransport transport, Uri authManagerUri, string appId, string clientId, string secretKey, string credentialSource)
            : base(transport, EndpointOf(authManagerUri), credentialSource)
        {
            _appId = appId;
            _clientId = clientId;
            _secretKey = secretKey;
        }

        /// <summary>The authenticate endpoint under the MOSIP API base; the endpoint itself when given whole.</summary>
        private static Uri EndpointOf(Uri authManagerUri)
        {
            string baseUri = authManagerUri.ToString().TrimEnd('/');
            return baseUri.EndsWith(Path, StringComparison.OrdinalIgnoreCase) ? authManagerUri : new Uri(baseUri + Path);
        }

        public override string Method => "AuthManager";

        protected override async Task<AccessToken> FetchAsync(CancellationToken cancel)
        {
            TransportResponse response = await Transport.SendAsync(() =>
            {
                // MOSIP's request wrapper, the one PMS reads too: {id, version, requesttime, metadata, request}.
                string body = PmsEnvelope.Wrap("string", "string", w =>
                {
                    w.WriteString("clientId", _clientId);
                    w.WriteString("secretKey", _secretKey);
                    w.WriteString("appId", _appId);
                });
                return new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            }, cancel).ConfigureAwait(false);

            string? token = response.Header("Authorization");
            if (string.IsNullOrEmpty(token) && response.Headers.TryGetValue("Set-Cookie", out string[]? cookies)
                && cookies.LastOrDefault(c => c.StartsWith("Authorization=", StringComparison.Ordinal)) is string cookie)
            {
                token = cookie.Substring(14).Split(';')[0]; // the value, without the cookie's attributes
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
                    $"No authmanager at {Endpoint} (HTTP 404). -AuthManagerUri is the MOSIP API base, e.g. https://api-internal.example.org.");
            }

            throw new EsignetException("BadCredentials", EsignetErrorKind.AuthenticationError,
                $"MOSIP authmanager at {Endpoint} did not issue a token for client '{_clientId}' (app id '{_appId}', HTTP {response.Status}). Check the client id, secret key and app id (PMS uses app id 'partner').");
        }
    }
}
