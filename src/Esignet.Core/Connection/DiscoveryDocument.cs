using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Esignet.Core.Servers;
using Esignet.Core.Transport;

namespace Esignet.Core.Connection
{
    /// <summary>The parts of eSignet's OpenID discovery document the module uses (esignet-api.md §6.1).</summary>
    public sealed class DiscoveryDocument
    {
        public string? Issuer { get; private set; }
        public string? AuthorizationEndpoint { get; private set; }
        public string? TokenEndpoint { get; private set; }
        public string? UserinfoEndpoint { get; private set; }
        public string? JwksUri { get; private set; }
        public IReadOnlyList<string> ClaimsSupported { get; private set; } = Array.Empty<string>();
        public IReadOnlyList<string> AcrValuesSupported { get; private set; } = Array.Empty<string>();
        public IReadOnlyList<string> TokenEndpointAuthSigningAlgValuesSupported { get; private set; } = Array.Empty<string>();
        public string Source { get; private set; } = string.Empty;

        /// <summary>Reads discovery from eSignet's two usual places; null when neither answers with JSON.</summary>
        public static async Task<DiscoveryDocument?> TryReadAsync(HttpTransport transport, Uri esignetUri, CancellationToken cancel)
        {
            string root = esignetUri.ToString().TrimEnd('/');
            foreach (string path in new[] { "/v1/esignet/oidc/.well-known/openid-configuration", "/.well-known/openid-configuration" })
            {
                var uri = new Uri(root + path);
                TransportResponse r;
                try
                {
                    r = await transport.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, uri), cancel, maxRetry: 1).ConfigureAwait(false);
                }
                catch (Errors.EsignetException e) when (e.Kind == Errors.EsignetErrorKind.ConnectionError)
                {
                    // Discovery is the connection's reachability probe: an unreachable server fails Connect, not row 1.
                    throw new Errors.EsignetException("ServerUnreachable", Errors.EsignetErrorKind.ConnectionError,
                        $"Cannot reach the eSignet server at {root} (is -Uri the eSignet base address?). {e.Message}", e);
                }
                catch (Errors.EsignetException)
                {
                    return null;
                }

                if (r.Status != 200)
                {
                    continue;
                }

                try
                {
                    using (JsonDocument doc = JsonDocument.Parse(r.Body))
                    {
                        JsonElement e = doc.RootElement;
                        return new DiscoveryDocument
                        {
                            Issuer = JsonBody.String(e, "issuer"),
                            AuthorizationEndpoint = JsonBody.String(e, "authorization_endpoint"),
                            TokenEndpoint = JsonBody.String(e, "token_endpoint"),
                            UserinfoEndpoint = JsonBody.String(e, "userinfo_endpoint"),
                            JwksUri = JsonBody.String(e, "jwks_uri"),
                            ClaimsSupported = JsonBody.Strings(e, "claims_supported"),
                            AcrValuesSupported = JsonBody.Strings(e, "acr_values_supported"),
                            TokenEndpointAuthSigningAlgValuesSupported = JsonBody.Strings(e, "token_endpoint_auth_signing_alg_values_supported"),
                            Source = uri.ToString(),
                        };
                    }
                }
                catch (JsonException)
                {
                }
            }

            return null;
        }

        /// <summary>What Format-List * shows for a context's Discovery: where it was read and what it offers, not the type name.</summary>
        public override string ToString() => $"{Source} ({ClaimsSupported.Count} claims, {AcrValuesSupported.Count} ACRs)";
    }
}
