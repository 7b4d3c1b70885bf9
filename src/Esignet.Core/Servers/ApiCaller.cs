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

        public async Task<TransportResponse> SendAsync(HttpMethod method, Uri uri, string? jsonBody, CancellationToken cancel, string? requiredScope = null)
        {
            AccessToken? token = _tokens == null ? null : await _tokens.GetTokenAsync(false, cancel).ConfigureAwait(false);
            TransportResponse response = await SendOnceAsync(method, uri, jsonBody, token, cancel).ConfigureAwait(false);
            if (response.Status == 401 && _tokens != null && !(_tokens is StaticTokenSource))
            {
                token = await _tokens.GetTokenAsync(true, cancel).ConfigureAwait(false);
                response = await SendOnceAsync(method, uri, jsonBody, token, cancel).ConfigureAwait(false);
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

        private Task<TransportResponse> SendOnceAsync(HttpMethod method, Uri uri, string? jsonBody, AccessToken? token, CancellationToken cancel)
        {
            return _transport.SendAsync(() =>
            {
                var request = new HttpRequestMessage(method, uri);
                request.Headers.Accept.ParseAdd("application/json");
                if (jsonBody != null)
                {
                    request.Content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
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
            }, cancel);
        }
    }
}
