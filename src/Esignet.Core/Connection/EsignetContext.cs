using System;
using System.Collections.Generic;
using Esignet.Core.Auth;
using Esignet.Core.ClientApis;
using Esignet.Core.Definitions;
using Esignet.Core.Common;
using Esignet.Core.Ledger;
using Esignet.Core.Servers;
using Esignet.Core.Transport;
using Esignet.Core.Versions;

namespace Esignet.Core.Connection
{
    /// <summary>
    /// A live connection: endpoints, release lines, credentials, the HTTP transport, the rules local validation
    /// uses, and the ledger. Public properties are safe to show; the token and the secret are not among them.
    /// </summary>
    public sealed class EsignetContext : IDisposable
    {
        /// <summary>A context whose lines are those of <paramref name="options"/> (given), or the defaults: no probes.</summary>
        internal EsignetContext(ConnectionOptions options, HttpTransport transport, ITokenSource? tokens, RegistrationLedger ledger)
            : this(options,
                LineFinding<EsignetVersion>.GivenOr(options.EsignetVersion, options.EsignetVersionSource, EsignetVersion.Default, "not given"),
                LineFinding<PmsVersion>.GivenOr(options.PmsVersion, options.PmsVersionSource, PmsVersion.Default, "not given"),
                transport, tokens, ledger)
        {
        }

        internal EsignetContext(ConnectionOptions options, LineFinding<EsignetVersion> esignetLine, LineFinding<PmsVersion> pmsLine,
            HttpTransport transport, ITokenSource? tokens, RegistrationLedger ledger)
        {
            EsignetUri = options.EsignetUri;
            PmsUri = options.PmsUri;
            ServerVersion = esignetLine.Line;
            PmsLine = pmsLine.Line;
            ServerVersionFoundBy = options.EsignetUri == null ? null : esignetLine.ToString();
            PmsVersionFoundBy = options.PmsUri == null ? null : pmsLine.ToString();
            // The API used when a cmdlet is given none: PMS only when the connection has nothing else.
            DefaultApi = options.DefaultApi ?? (options.EsignetUri == null && options.PmsUri != null ? ClientApi.Pms : ClientApi.Esignet);
            Transport = transport;
            Tokens = tokens;
            Ledger = ledger;
            (_esignet, _pms) = MakeClientApis(transport);
            ConnectedAt = DateTimeOffset.UtcNow;
        }

        // Set once, and again only on a view of this connection (WithTransport).
        private ClientManagementApi? _esignet;
        private ClientManagementApi? _pms;

        private (ClientManagementApi?, ClientManagementApi?) MakeClientApis(HttpTransport transport)
        {
            return (EsignetUri == null ? null : new EsignetClientManagement(this, EsignetUri, ServerVersion, transport),
                PmsUri == null ? null : new PmsClientManagement(this, PmsUri, PmsLine, transport));
        }

        public Uri? EsignetUri { get; }

        public Uri? PmsUri { get; }

        public EsignetVersion ServerVersion { get; }

        /// <summary>The PMS release line; null when this connection has no PMS.</summary>
        public PmsVersion? PmsVersion => PmsUri == null ? null : PmsLine;

        /// <summary>The PMS line the rules use (the default line when there is no PMS: ValidationRules needs one).</summary>
        internal PmsVersion PmsLine { get; }

        /// <summary>How the eSignet line was found: "given (-ServerVersion)", "detected: …evidence…" or "default: …why…"; null without eSignet.</summary>
        public string? ServerVersionFoundBy { get; }

        /// <summary>How the PMS line was found, as <see cref="ServerVersionFoundBy"/>; null without PMS.</summary>
        public string? PmsVersionFoundBy { get; }

        /// <summary>The local clock's distance from the servers' (Date headers), for the skew warning; null until measured.</summary>
        public System.TimeSpan? ServerClockAhead => Transport.ClockSkew.ServerAhead;

        public ClientApi DefaultApi { get; }

        public DateTimeOffset ConnectedAt { get; }

        /// <summary>StaticToken, ClientCredentials, AuthManager or None.</summary>
        public string AuthMethod => Tokens?.Method ?? "None";

        public string? CredentialSource => Tokens?.CredentialSource;

        public string? TokenEndpoint => Tokens?.TokenEndpoint;

        public DateTimeOffset? TokenExpiresAt => Tokens?.Current?.ExpiresAt;

        public IReadOnlyList<string> TokenScopes => Tokens?.Current?.Scopes ?? Array.Empty<string>();

        /// <summary>Claims and ACRs the eSignet discovery document reports, when it could be read; else null.</summary>
        public DiscoveryDocument? Discovery { get; internal set; }

        public string LedgerPath => Ledger.Path;

        internal HttpTransport Transport { get; private set; }

        internal ITokenSource? Tokens { get; }

        internal RegistrationLedger Ledger { get; }

        /// <summary>
        /// Rules for local validation: the line's shipped defaults; claims replaced by discovery's claims_supported
        /// (the list eSignet validates against), ACRs widened by discovery's acr_values_supported (eSignet validates
        /// ACRs against its mapping file, which discovery does not show, so discovery can only add).
        /// </summary>
        public ValidationRules RulesFor(ClientApi api)
        {
            ValidationRules rules = ValidationRules.For(api, ServerVersion, PmsLine);
            if (Discovery != null)
            {
                if (Discovery.ClaimsSupported.Count > 0) rules.SupportedClaims = new HashSet<string>(Discovery.ClaimsSupported, StringComparer.Ordinal);
                if (Discovery.AcrValuesSupported.Count > 0) rules.SupportedAcrs.UnionWith(Discovery.AcrValuesSupported);
            }

            return rules;
        }

        /// <summary>The client-management API of this connection's eSignet or PMS; a clear error when it has no such server.</summary>
        internal ClientManagementApi ClientApiFor(ClientApi api)
        {
            // The one place the API kind picks an implementation.
            ClientManagementApi? found = api == ClientApi.Pms ? _pms : _esignet;
            return found ?? throw new Errors.EsignetException("ApiNotConnected", Errors.EsignetErrorKind.InvalidOperation,
                api == ClientApi.Pms
                    ? "This connection has no PMS. Connect with -PmsUri, or use -Api Esignet."
                    : "This connection has no eSignet. Connect with -Uri, or use -Api Pms.");
        }

        /// <summary>The base address of the API's server, as the ledger keys it; a clear error when this connection has no such server.</summary>
        internal string ServerOf(ClientApi api) => ClientApiFor(api).Server;

        /// <summary>The base address of the API's server, or null when this connection has none.</summary>
        public string? ServerAddressOf(ClientApi api) => (api == ClientApi.Pms ? _pms : _esignet)?.Server;

        /// <summary>
        /// Sends the transport's retry and refresh notes (already redacted) to <paramref name="sink"/> until the
        /// returned handle is disposed: a cmdlet shows them under -Verbose. The sink may be called on any thread.
        /// </summary>
        public IDisposable CaptureTransportLog(Action<string> sink)
        {
            Action<string>? previous = Transport.Log;
            Transport.Log = sink;
            return new OnDispose(() => Transport.Log = previous);
        }

        /// <summary>
        /// This connection with another retry count or per-attempt timeout for one command (-MaxRetry, -TimeoutSec):
        /// the same servers, token, ledger and connections. Returns this connection when nothing differs.
        /// </summary>
        public EsignetContext WithTransport(int? maxRetry, TimeSpan? timeout)
        {
            if (maxRetry == null && timeout == null)
            {
                return this;
            }

            // A view: every value shared (servers, lines, token, ledger, discovery), but sending through the new transport.
            var view = (EsignetContext)MemberwiseClone();
            view.Transport = Transport.With(maxRetry, timeout);
            (view._esignet, view._pms) = view.MakeClientApis(view.Transport);
            return view;
        }

        /// <summary>The clock-skew warning the first time the local clock is found more than 60 s off; then null.</summary>
        public string? TakeClockSkewWarning() => Transport.ClockSkew.TakeWarning();

        /// <summary>Keeps the ledger file open for a bulk run; see <see cref="RegistrationLedger.KeepOpen"/>.</summary>
        public IDisposable KeepLedgerOpen() => Ledger.KeepOpen();

        public void Dispose() => Transport.Dispose();
    }
}
