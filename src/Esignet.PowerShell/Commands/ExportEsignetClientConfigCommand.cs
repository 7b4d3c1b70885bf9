using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Esignet.Core.Clients;
using Esignet.Core.Definitions;
using Esignet.Core.Errors;
using Esignet.Core.Registration;
using Esignet.PowerShell.Completion;
using Esignet.PowerShell.Infrastructure;

namespace Esignet.PowerShell.Commands
{
    /// <summary>
    /// What a relying party needs after registration: the OpenG2P (Odoo OAuth provider) settings as an object,
    /// or the same as JSON text. Reads the registration (ledger or PMS) and the connection's discovery document.
    /// </summary>
    [Cmdlet(VerbsData.Export, "EsignetClientConfig")]
    [OutputType(typeof(RelyingPartyConfig), typeof(string))]
    public sealed class ExportEsignetClientConfigCommand : ClientApiCmdlet
    {
        private ClientQueryService? _query;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "client_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ClientIdCompleter))]
        public string[] ClientId { get; set; } = new string[0];

        [Parameter(Position = 1)]
        [ValidateSet("OpenG2P", "Json", IgnoreCase = true)]
        public string Format { get; set; } = "OpenG2P";

        [Parameter]
        public string? RedirectUri { get; set; }

        protected override void BeginProcessing()
        {
            var context = RequireContext();
            _query = new ClientQueryService(context);
            if (context.Discovery == null)
            {
                WriteWarning(context.EsignetUri == null
                    ? "This connection has no eSignet (-Uri), so the authorization, token, userinfo and JWKS URLs are unknown. Connect with -Uri too."
                    : $"eSignet's discovery document could not be read at {context.EsignetUri}, so the authorization, token, userinfo and JWKS URLs are unknown.");
            }
        }

        protected override void ProcessRecord()
        {
            var context = RequireContext();
            ClientApi api = ApiOrDefault();
            bool openG2P = string.Equals(Format, "OpenG2P", StringComparison.OrdinalIgnoreCase);
            foreach (string id in ClientId)
            {
                try
                {
                    ClientRecord? record = AsyncRunner.Run(() => _query!.GetAsync(id, api, StopToken));
                    if (record == null)
                    {
                        WriteError(ErrorRecords.Create("ClientNotFound", ErrorCategory.ObjectNotFound,
                            _query!.NotFoundMessage(id, api), id));
                        continue;
                    }

                    RelyingPartyConfig config = RelyingPartyConfig.From(record, context.Discovery, RedirectUri);
                    if (openG2P)
                    {
                        WarnForOdoo(config);
                        WriteObject(config);
                    }
                    else
                    {
                        WriteObject(config.ToJson());
                    }
                }
                catch (EsignetException e)
                {
                    WriteEsignetError(e, id);
                }
            }
        }

        /// <summary>What OpenG2P's Odoo provider cannot work with (pms-api.md §12.3): only a PEM key, only RS256, only its own paths.</summary>
        private void WarnForOdoo(RelyingPartyConfig config)
        {
            string id = config.ClientId;
            if (config.PrivateKeyPemPath == null)
                WriteWarning($"{id}: the registration names no PEM private key file, and Odoo's \"Client Private Key\" takes PEM only. Write one with: (Import-EsignetJwk <private key file>).RevealPrivateKeyPem() | Set-Content <file>.pem");
            else if (!File.Exists(config.PrivateKeyPemPath))
                WriteWarning($"{id}: the private key file {config.PrivateKeyPemPath} does not exist (any more).");
            if (config.SigningAlgorithm != null && config.SigningAlgorithm != "RS256")
                WriteWarning($"{id}: the registered key signs with {config.SigningAlgorithm}, but OpenG2P's Odoo signs client assertions with RS256 only, so its logins would fail. Register a client with an RSA key (alg RS256 or none).");
            if (config.RedirectUris.Count > 0 && !config.RedirectUris.Any(RelyingPartyConfig.IsOpenG2PRedirect))
                WriteWarning($"{id}: no registered redirect URI ends with {string.Join(" or ", RelyingPartyConfig.OpenG2PRedirectPaths)}, the paths OpenG2P's Odoo sends users back to.");
        }
    }
}
