using System;
using Esignet.Core.Definitions;
using Esignet.Core.Transport;
using Esignet.Core.Versions;

namespace Esignet.Core.Connection
{
    /// <summary>Everything needed to connect, whatever its source (parameters or environment variables).</summary>
    public sealed class ConnectionOptions
    {
        /// <summary>The eSignet base, e.g. https://esignet.example.org (the module adds /v1/esignet).</summary>
        public Uri? EsignetUri { get; set; }

        /// <summary>The MOSIP API base for PMS, e.g. https://api-internal.example.org (the module adds /v1/partnermanager).</summary>
        public Uri? PmsUri { get; set; }

        /// <summary>The eSignet release line; null = find it on connect (harmless probes, see EsignetLineProbe).</summary>
        public EsignetVersion? EsignetVersion { get; set; }

        /// <summary>The PMS release line; null = find it on connect (see PmsLineProbe).</summary>
        public PmsVersion? PmsVersion { get; set; }

        /// <summary>Where a given line came from, for display: "-ServerVersion" or "ESIGNET_SERVER_VERSION".</summary>
        public string EsignetVersionSource { get; set; } = "-ServerVersion";

        public string PmsVersionSource { get; set; } = "-PmsVersion";

        /// <summary>Which API New- uses by default; null = PMS when only PMS is given, else eSignet.</summary>
        public ClientApi? DefaultApi { get; set; }

        public string? AccessToken { get; set; }

        public string? ClientId { get; set; }

        public string? ClientSecret { get; set; }

        public Uri? TokenUri { get; set; }

        public string? Scope { get; set; }

        public Uri? AuthManagerUri { get; set; }

        public string? AppId { get; set; }

        /// <summary>Where the credentials came from, for display: "parameters" or the variable names.</summary>
        public string CredentialSource { get; set; } = "parameters";

        public bool AllowInsecureHttp { get; set; }

        public TransportOptions Transport { get; set; } = new TransportOptions();

        /// <summary>The ledger file; null for the default location.</summary>
        public string? LedgerPath { get; set; }
    }
}
