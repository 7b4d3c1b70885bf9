using System;
using System.Management.Automation;
using System.Net;
using System.Security;
using Esignet.Core.Connection;
using Esignet.Core.Definitions;
using Esignet.Core.Errors;
using Esignet.Core.Versions;
using Esignet.PowerShell.Completion;
using Esignet.PowerShell.Infrastructure;

namespace Esignet.PowerShell.Commands
{
    /// <summary>Connects to eSignet and/or PMS for this PowerShell process, proving the credentials work.</summary>
    [Cmdlet(VerbsCommunications.Connect, "EsignetServer", DefaultParameterSetName = "Environment")]
    [OutputType(typeof(EsignetContext))]
    public sealed class ConnectEsignetServerCommand : EsignetCmdlet
    {
        [Parameter(Position = 0)]
        [Alias("EsignetUri")]
        public Uri? Uri { get; set; }

        [Parameter]
        public Uri? PmsUri { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(ServerVersionCompleter))]
        public string? ServerVersion { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(ServerVersionCompleter))]
        public string? PmsVersion { get; set; }

        // Held as an int, not in a ClientApi field: PowerShell loads this type before the module's resolver is
        // hooked, and a field of a Core value type would need Esignet.Core then (see Loading/DependencyResolver.cs).
        [Parameter]
        public ClientApi Api { get => (ClientApi)_api; set => _api = (int)value; }

        private int _api;

        [Parameter(Mandatory = true, ParameterSetName = "AccessToken")]
        public SecureString? AccessToken { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = "ClientCredential")]
        [Parameter(Mandatory = true, ParameterSetName = "AuthManager")]
        [Credential]
        public PSCredential? ClientCredential { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = "ClientCredential")]
        public Uri? TokenUri { get; set; }

        [Parameter(ParameterSetName = "ClientCredential")]
        public string[]? Scope { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = "AuthManager")]
        public Uri? AuthManagerUri { get; set; }

        [Parameter(ParameterSetName = "AuthManager")]
        public string AppId { get; set; } = "partner";

        [Parameter]
        public SwitchParameter AllowInsecureHttp { get; set; }

        [Parameter]
        public SwitchParameter SkipCertificateCheck { get; set; }

        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 30;

        [Parameter]
        [ValidateRange(0, 20)]
        public int MaxRetry { get; set; } = 4;

        [Parameter]
        public string? LedgerPath { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void EndProcessing()
        {
            ConnectionOptions options;
            try
            {
                options = BuildOptions();
            }
            catch (EsignetException e)
            {
                ThrowEsignetError(e);
                return;
            }

            if (SkipCertificateCheck)
            {
                WriteWarning("-SkipCertificateCheck: server certificates are not checked, so anyone on the network path can read the tokens and keys sent. Use it only against a test server.");
            }

            EsignetContext context;
            try
            {
                context = AsyncRunner.Run(() => ContextFactory.ConnectAsync(options, _warnings.Enqueue, StopToken, _verbose.Enqueue));
            }
            catch (EsignetException e)
            {
                FlushWarnings();
                ThrowEsignetError(e);
                return;
            }

            FlushWarnings();
            // The token's scopes are known now: say what it cannot do before the first row finds out.
            if (Core.Auth.ScopeCheck.Warning(context) is string missingScopes)
            {
                WriteWarning(missingScopes);
            }

            ContextStore.Set(context);
            string esignet = context.EsignetUri == null ? "no eSignet" : $"eSignet {context.EsignetUri} (line {context.ServerVersion}, {context.ServerVersionFoundBy})";
            string pms = context.PmsUri == null ? "no PMS" : $"PMS {context.PmsUri} (line {context.PmsVersion}, {context.PmsVersionFoundBy})";
            WriteVerbose($"Connected: {esignet}, {pms}, auth {context.AuthMethod}, ledger {context.LedgerPath}.");
            if (PassThru)
            {
                ContextStore.MarkHandedOut(context);
                WriteObject(context);
            }
        }

        // Core reports warnings and probe notes from worker threads; they are written here, on the pipeline thread.
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _warnings = new System.Collections.Concurrent.ConcurrentQueue<string>();
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _verbose = new System.Collections.Concurrent.ConcurrentQueue<string>();

        private void FlushWarnings()
        {
            while (_verbose.TryDequeue(out string? v))
            {
                WriteVerbose(v);
            }

            while (_warnings.TryDequeue(out string? w))
            {
                WriteWarning(w);
            }
        }

        private ConnectionOptions BuildOptions()
        {
            var env = new EnvironmentSettings();
            var o = new ConnectionOptions
            {
                EsignetUri = Uri ?? env.Uri("ESIGNET_URI"),
                PmsUri = PmsUri ?? env.Uri("ESIGNET_PMS_URI"),
                AllowInsecureHttp = AllowInsecureHttp,
                LedgerPath = LedgerPath != null ? ResolveNewPath(LedgerPath)
                    : env.Text("ESIGNET_LEDGER_PATH") is string envLedger ? ResolveNewPath(envLedger) : null,
            };
            o.Transport.Timeout = TimeSpan.FromSeconds(TimeoutSec);
            o.Transport.MaxRetry = MaxRetry;
            o.Transport.SkipCertificateCheck = SkipCertificateCheck;

            // Without a line, Connect finds it with harmless probes (about_Esignet, "Release lines").
            string? version = ServerVersion ?? env.Text("ESIGNET_SERVER_VERSION");
            if (version != null) o.EsignetVersion = EsignetVersion.Parse(version);
            o.EsignetVersionSource = ServerVersion != null ? "-ServerVersion" : "ESIGNET_SERVER_VERSION";
            string? pmsVersion = PmsVersion ?? env.Text("ESIGNET_PMS_VERSION");
            if (pmsVersion != null) o.PmsVersion = Core.Versions.PmsVersion.Parse(pmsVersion);
            o.PmsVersionSource = PmsVersion != null ? "-PmsVersion" : "ESIGNET_PMS_VERSION";
            if (MyInvocation.BoundParameters.ContainsKey(nameof(Api))) o.DefaultApi = Api;

            switch (ParameterSetName)
            {
                case "AccessToken":
                    o.AccessToken = Plain(AccessToken!);
                    o.CredentialSource = "-AccessToken";
                    break;
                case "ClientCredential":
                case "AuthManager":
                    o.ClientId = ClientCredential!.UserName;
                    o.ClientSecret = ClientCredential.GetNetworkCredential().Password;
                    o.CredentialSource = "-ClientCredential";
                    // Keycloak's token endpoint or MOSIP's authmanager: each parameter is bound only in its own set.
                    o.TokenUri = TokenUri;
                    o.Scope = Scope == null ? null : string.Join(" ", Scope);
                    o.AuthManagerUri = AuthManagerUri;
                    o.AppId = ParameterSetName == "AuthManager" ? AppId : null;
                    break;
                default:
                    env.ApplyCredentials(o);
                    break;
            }

            return o;
        }

        private static string Plain(SecureString secure) => new NetworkCredential(string.Empty, secure).Password;
    }
}
