using System;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Esignet.Core.Auth;
using Esignet.Core.Errors;
using Esignet.Core.Transport;

namespace Esignet.Core.Servers
{
    /// <summary>How a server wants its token: eSignet reads a bearer header, PMS only a cookie (pms-api.md §9.1).</summary>
    public enum TokenPlacement
    {
        BearerHeader,
        AuthorizationCookie,
    }

    /// <summary>
    /// Sends one JSON call with the connection's token. A 401 gets one fresh token and one more try (an expired
    /// token is the usual cause); auth failures that remain are AuthenticationErrors that say what to check.
    /// The body is made anew for every attempt (retries and the 401 refresh): it carries a requestTime, which
    /// eSignet refuses when it is more than 2 minutes old (esignet-api.md §1.4), and back-off can take longer.
    /// </summary>
    internal sealed class ApiCaller
    {
        private readonly HttpTransport _transport;
        private readonly ITokenSource? _tokens;
        private readonly TokenPlacement _placement;

        public ApiCaller(HttpTransport transport, ITokenSource? tokens, TokenPlacement placement)
        {
            _transport = transport;
            _tokens = tokens;
            _placement = placement;
        }

        /// <summary>The local clock's distance from the server's, for explaining a refused requestTime.</summary>
        public ClockSkew ClockSkew => _transport.ClockSkew;

        public async Task<TransportResponse> SendAsync(HttpMethod method, Uri uri, Func<string>? makeBody, CancellationToken cancel, string? requiredScope = null, int? maxRetry = null)
        {
            AccessToken? token = _tokens == null ? null : await _tokens.GetTokenAsync(false, cancel).ConfigureAwait(false);
            TransportResponse response = await SendOnceAsync(method, uri, makeBody, token, cancel, maxRetry).ConfigureAwait(false);
            if (response.Status == 401 && _tokens != null && !(_tokens is StaticTokenSource))
            {
                token = await _tokens.GetTokenAsync(true, cancel).ConfigureAwait(false);
                response = await SendOnceAsync(method, uri, makeBody, token, cancel, maxRetry).ConfigureAwait(false);
            }

            string endpoint = method + " " + uri.AbsolutePath;
            if (RedirectAdvice.IsRedirect(response.Status))
            {
                throw RedirectAdvice.Error(method, uri, response);
            }

            if (response.Status == 401)
            {
                throw new ServerErrorException("Unauthorized", _tokens == null
                    ? "No access token: connect with -AccessToken or -ClientCredential."
                    : "The server rejected the access token (invalid, expired or from another issuer). Connect again with valid credentials; the token must come from the realm the server trusts.",
                    401, endpoint, EsignetErrorKind.AuthenticationError);
            }

            if (response.Status == 403)
            {
                throw new ServerErrorException("Forbidden", requiredScope == null
                    ? "The token is not allowed to do this."
                    : $"The token lacks the scope '{requiredScope}'. Assign it to the client in Keycloak (OpenG2P: esignet_admin_access) and connect again.",
                    403, endpoint, EsignetErrorKind.PermissionDenied);
            }

            return response;
        }

        private Task<TransportResponse> SendOnceAsync(HttpMethod method, Uri uri, Func<string>? makeBody, AccessToken? token, CancellationToken cancel, int? maxRetry)
        {
            return _transport.SendAsync(() =>
            {
                var request = new HttpRequestMessage(method, uri);
                request.Headers.Accept.ParseAdd("application/json");
                if (makeBody != null)
                {
                    request.Content = new StringContent(makeBody(), Encoding.UTF8, "application/json");
                }

                if (token != null)
                {
                    if (_placement == TokenPlacement.AuthorizationCookie)
                    {
                        request.Headers.TryAddWithoutValidation("Cookie", "Authorization=" + token.Value);
                    }
                    else
                    {
                        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token.Value);
                    }
                }

                return request;
            }, cancel, maxRetry);
        }
    }
}
