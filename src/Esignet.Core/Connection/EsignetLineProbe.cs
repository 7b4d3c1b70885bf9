using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Esignet.Core.Auth;
using Esignet.Core.Servers;
using Esignet.Core.Transport;
using Esignet.Core.Versions;

namespace Esignet.Core.Connection
{
    /// <summary>
    /// Finds an eSignet server's release line from which client-management endpoints exist and which error names
    /// they give, with requests that cannot change anything: each carries an empty <c>requestTime</c>, which
    /// eSignet's bean validation refuses (<c>RequestTimeValidator</c>, esignet-api.md §1.4) together with every other
    /// field error, before any service code runs. Two requests at most, never retried:
    /// <list type="number">
    /// <item><c>PATCH client-mgmt/client/{id}</c>: errors[] from 1.8 (E7, ClientManagementController.java@v1.8.0);
    /// 405 on 1.6–1.7, where only PUT has that path; 404 up to 1.5.</item>
    /// <item>1.6–1.7: <c>POST client-mgmt/client</c> with an unknown grant type: <c>invalid_grant_type</c> on 1.6,
    /// <c>unsupported_grant_type</c> from 1.7 (ErrorConstants.java@v1.6.2 vs @v1.7.0, esignet-api.md §4).</item>
    /// <item>Up to 1.5: <c>POST client-mgmt/oauth-client</c> with the language key <c>x1y</c>: 404 on 1.0–1.1 (no such
    /// endpoint), <c>invalid_language_code</c> on 1.4–1.5 (ClientNameLangValidator, ISO-639-2 keys), neither on
    /// 1.2–1.3 (any 3-character key) (esignet-api.md §2.2).</item>
    /// </list>
    /// Security runs first on every path (SecurityConfig.java@v1.5.1: POST under client-mgmt/** needs the
    /// add_oidc_client scope, anything else an authenticated token), so a token without that scope leaves the
    /// answer a range. What cannot be told apart is reported as a range and the oldest line of it is used.
    /// </summary>
    internal static class EsignetLineProbe
    {
        internal const string ProbeClientId = "esignet-module-line-probe";
        private const string Base = "/v1/esignet/client-mgmt/";

        public static async Task<LineFinding<EsignetVersion>> DetectAsync(HttpTransport transport, ITokenSource? tokens, Uri esignetUri, Action<string>? log, CancellationToken cancel)
        {
            var caller = new ApiCaller(LineProbeAnswer.ProbeTransport(transport), tokens, TokenPlacement.BearerHeader);
            string root = esignetUri.ToString().TrimEnd('/') + Base;

            LineProbeAnswer patch = await LineProbeAnswer.SendAsync(caller, new HttpMethod("PATCH"), new Uri(root + "client/" + ProbeClientId),
                "{\"requestTime\":\"\",\"request\":{}}", log, cancel).ConfigureAwait(false);
            if (patch.ValidationRan)
            {
                return LineFinding<EsignetVersion>.Detected(EsignetVersion.Parse("1.8"), $"{patch.What} answered errors[] ({patch.Codes}): PATCH exists from 1.8");
            }

            if (patch.Status == 405)
            {
                LineProbeAnswer grant = await LineProbeAnswer.SendAsync(caller, HttpMethod.Post, new Uri(root + "client"),
                    "{\"requestTime\":\"\",\"request\":{\"grantTypes\":[\"" + ProbeClientId + "\"]}}", log, cancel).ConfigureAwait(false);
                string seen = $"{patch.What} answered 405 (PUT only: 1.6–1.7)";
                if (grant.HasCode("unsupported_grant_type"))
                {
                    return LineFinding<EsignetVersion>.Detected(EsignetVersion.Parse("1.7"), $"{seen}; {grant.What} named unsupported_grant_type (1.7+)");
                }

                if (grant.HasCode("invalid_grant_type"))
                {
                    return LineFinding<EsignetVersion>.Detected(EsignetVersion.Parse("1.6"), $"{seen}; {grant.What} named invalid_grant_type (up to 1.6)");
                }

                return LineFinding<EsignetVersion>.Detected(EsignetVersion.Parse("1.6"), $"{seen}; {grant.What} {grant.Describe()}", "1.6–1.7");
            }

            if (patch.Status == 404)
            {
                LineProbeAnswer lang = await LineProbeAnswer.SendAsync(caller, HttpMethod.Post, new Uri(root + "oauth-client"),
                    "{\"requestTime\":\"\",\"request\":{\"clientNameLangMap\":{\"x1y\":\"line probe\"}}}", log, cancel).ConfigureAwait(false);
                string seen = $"{patch.What} answered 404 (up to 1.5)";
                if (lang.Status == 404)
                {
                    return LineFinding<EsignetVersion>.Detected(EsignetVersion.Parse("1.0"), $"{seen}; {lang.What} answered 404 (oauth-client exists from 1.2)", "1.0–1.1");
                }

                if (lang.HasCode("invalid_language_code"))
                {
                    return LineFinding<EsignetVersion>.Detected(EsignetVersion.Parse("1.4"), $"{seen}; {lang.What} refused the language key x1y (ISO-639-2 keys: 1.4+)", "1.4–1.5");
                }

                if (lang.ValidationRan)
                {
                    return LineFinding<EsignetVersion>.Detected(EsignetVersion.Parse("1.2"), $"{seen}; {lang.What} accepted the language key x1y (any 3 characters: 1.2–1.3)", "1.2–1.3");
                }

                return LineFinding<EsignetVersion>.Detected(EsignetVersion.Parse("1.0"), $"{seen}; {lang.What} {lang.Describe()}", "1.0–1.5");
            }

            return LineFinding<EsignetVersion>.Default(EsignetVersion.Default,
                $"the probe {patch.What} {patch.Describe()}, which no release line explains; using {EsignetVersion.Default}, whose requests every line accepts. Pass -ServerVersion to choose");
        }
    }
}
