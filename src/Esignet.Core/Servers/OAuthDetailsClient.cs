using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Esignet.Core.Transport;
using Microsoft.IdentityModel.Tokens;

namespace Esignet.Core.Servers
{
    /// <summary>
    /// Starts an authorization the way eSignet's login UI does (esignet-api.md §1.3): fetch the CSRF token
    /// (<c>GET /v1/esignet/csrf/token</c>, §5.4), then <c>POST /v1/esignet/authorization/oauth-details</c> with the
    /// client, redirect URI, ACRs and claims. eSignet answers only for an ACTIVE client and a registered redirect
    /// URI, so this is the one way to see a registration from outside. No token is needed or sent. The server keeps
    /// the transaction it starts until it expires; nothing else changes.
    /// </summary>
    internal sealed class OAuthDetailsClient
    {
        private readonly Uri _base;
        private readonly HttpTransport _transport;

        public OAuthDetailsClient(Uri esignetUri, HttpTransport transport)
        {
            _base = new Uri(esignetUri.ToString().TrimEnd('/') + "/v1/esignet/");
            _transport = transport;
        }

        public async Task<OAuthDetailsAnswer> StartAsync(string clientId, string redirectUri, IReadOnlyList<string> acrs, IReadOnlyList<string> claims, CancellationToken cancel)
        {
            CsrfToken? csrf = await GetCsrfAsync(cancel).ConfigureAwait(false);
            // Made per attempt: the requestTime must be fresh on a retry (esignet-api.md §1.4).
            Func<string> body = () => EsignetEnvelope.Wrap(w =>
            {
                w.WriteString("clientId", clientId);
                w.WriteString("scope", "openid");
                w.WriteString("responseType", "code");
                w.WriteString("redirectUri", redirectUri);
                w.WriteString("display", "page");
                w.WriteString("prompt", "consent");
                if (acrs.Count > 0) w.WriteString("acrValues", string.Join(" ", acrs));
                w.WriteStartObject("claims");
                w.WriteStartObject("userinfo");
                foreach (string claim in claims)
                {
                    w.WriteStartObject(claim);
                    w.WriteBoolean("essential", false);
                    w.WriteEndObject();
                }

                w.WriteEndObject();
                w.WriteStartObject("id_token");
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteString("nonce", Random());
                w.WriteString("state", Random());
                w.WriteString("claimsLocales", "en");
                w.WriteString("uiLocales", "en");
            });

            var uri = new Uri(_base, "authorization/oauth-details");
            TransportResponse r = await _transport.SendAsync(() =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(body(), Encoding.UTF8, "application/json") };
                request.Headers.Accept.ParseAdd("application/json");
                if (csrf != null)
                {
                    request.Headers.TryAddWithoutValidation("X-XSRF-TOKEN", csrf.HeaderValue);
                    request.Headers.TryAddWithoutValidation("Cookie", CsrfToken.CookieName + "=" + csrf.CookieValue);
                }

                return request;
            }, cancel).ConfigureAwait(false);
            return Parse(r);
        }

        /// <summary>
        /// The CSRF cookie value and header value, or null when the server hands out none (then the request goes
        /// without). Spring's CookieCsrfTokenRepository: cookie XSRF-TOKEN, header X-XSRF-TOKEN. The cookie carries
        /// the raw token; from Spring Security 6 the body's token is masked, and the header must carry that one.
        /// </summary>
        private async Task<CsrfToken?> GetCsrfAsync(CancellationToken cancel)
        {
            var uri = new Uri(_base, "csrf/token");
            TransportResponse r = await _transport.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, uri), cancel).ConfigureAwait(false);
            if (r.Status != 200)
            {
                return null;
            }

            string? token = null;
            try
            {
                using (JsonDocument doc = JsonDocument.Parse(r.Body))
                {
                    token = JsonBody.String(doc.RootElement, "token");
                }
            }
            catch (JsonException)
            {
            }

            const string prefix = CsrfToken.CookieName + "=";
            string? cookie = r.Headers.TryGetValue("Set-Cookie", out string[]? cookies)
                ? cookies.Select(c => c.Split(';')[0].Trim()).FirstOrDefault(c => c.StartsWith(prefix, StringComparison.Ordinal))?.Substring(prefix.Length)
                : null;
            if (token == null && cookie == null)
            {
                return null;
            }

            return new CsrfToken(cookie ?? token!, token ?? cookie!);
        }

        private sealed record CsrfToken(string CookieValue, string HeaderValue)
        {
            public const string CookieName = "XSRF-TOKEN";
        }

        internal static OAuthDetailsAnswer Parse(TransportResponse r)
        {
            var answer = new OAuthDetailsAnswer { HttpStatus = r.Status };
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(r.Body) ? "null" : r.Body);
            }
            catch (JsonException)
            {
                answer.ErrorCode = "UnexpectedResponse";
                answer.ErrorMessage = $"HTTP {r.Status}, not JSON";
                return answer;
            }

            using (doc)
            {
                JsonElement root = doc.RootElement;
                answer.Errors = ServerErrors.Esignet(root);
                if (answer.Errors.Count > 0)
                {
                    answer.ErrorCode = answer.Errors[0].Code ?? "UnexpectedResponse";
                    answer.ErrorMessage = answer.Errors[0].Message;
                    return answer;
                }

                if (r.Status != 200 || root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("response", out JsonElement response) || response.ValueKind != JsonValueKind.Object)
                {
                    answer.ErrorCode = r.Status == 403 ? "Forbidden" : r.Status == 404 || r.Status == 405 ? "EndpointNotFound" : "UnexpectedResponse";
                    answer.ErrorMessage = $"HTTP {r.Status}";
                    return answer;
                }

                answer.TransactionId = JsonBody.String(response, "transactionId");
                answer.AuthFactorSets = response.TryGetProperty("authFactors", out JsonElement factors) && factors.ValueKind == JsonValueKind.Array ? factors.GetArrayLength() : 0;
                answer.Claims = JsonBody.Strings(response, "essentialClaims").Concat(JsonBody.Strings(response, "voluntaryClaims")).Distinct(StringComparer.Ordinal).ToList();
                return answer;
            }
        }

        private static string Random() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
    }
}
