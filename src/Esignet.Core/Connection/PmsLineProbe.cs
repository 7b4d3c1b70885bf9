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
    /// Finds a PMS server's release line with one read: <c>GET oidc/client/{id}</c> for an id that cannot exist (it is
    /// not 43 base64url characters). PMS answers "client not found" in its line's own code family: PMS_IDP_004 on
    /// 1.2.0.x/1.2.1.x (oidc/client/service/impl/ClientManagementServiceImpl.java@v1.2.0.1), PMS_ESI_004 from 1.2.2
    /// (oauth/client/service/impl/ClientManagementServiceImpl.java@v1.2.2.2, CLIENT_NOT_EXISTS). From 1.2.2.2 a
    /// deployment with the OIDC feature switched off answers PMS_FEATURE_002 first (pms-api.md §3).
    /// </summary>
    internal static class PmsLineProbe
    {
        public static async Task<LineFinding<PmsVersion>> DetectAsync(HttpTransport transport, ITokenSource? tokens, Uri pmsUri, Action<string>? log, CancellationToken cancel)
        {
            var caller = new ApiCaller(LineProbeAnswer.ProbeTransport(transport), tokens, TokenPlacement.AuthorizationCookie);
            var uri = new Uri(pmsUri.ToString().TrimEnd('/') + "/v1/partnermanager/oidc/client/" + EsignetLineProbe.ProbeClientId);
            LineProbeAnswer get = await LineProbeAnswer.SendAsync(caller, HttpMethod.Get, uri, null, log, cancel).ConfigureAwait(false);
            if (get.HasCodeStartingWith("PMS_IDP_"))
            {
                return LineFinding<PmsVersion>.Detected(PmsVersion.V120, $"{get.What} answered {get.Codes} (PMS_IDP_* codes: 1.2.0.x/1.2.1.x)");
            }

            if (get.HasCodeStartingWith("PMS_ESI_"))
            {
                return LineFinding<PmsVersion>.Detected(PmsVersion.V122, $"{get.What} answered {get.Codes} (PMS_ESI_* codes: 1.2.2 and later)");
            }

            if (get.HasCode("PMS_FEATURE_002"))
            {
                return LineFinding<PmsVersion>.Detected(PmsVersion.V122, $"{get.What} answered PMS_FEATURE_002 (the OIDC feature switch exists from 1.2.2.2; it is OFF on this server, so it will refuse every client)");
            }

            return LineFinding<PmsVersion>.Default(PmsVersion.Default,
                $"the probe {get.What} {get.Describe()}, which no release line explains; using {PmsVersion.Default}, whose endpoint every line has. Pass -PmsVersion to choose");
        }
    }
}
