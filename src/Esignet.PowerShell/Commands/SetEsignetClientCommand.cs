using System.Collections.Generic;
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
    /// Changes a registered client: PATCH on eSignet 1.8+, else a full PUT built from the known state (ledger for
    /// eSignet, the server for PMS) merged with the changes. The key, client id and relying party cannot change.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "EsignetClient", SupportsShouldProcess = true)]
    [OutputType(typeof(ClientRecord))]
    public sealed class SetEsignetClientCommand : ClientFieldsCmdlet
    {
        private ClientUpdateService? _updates;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "client_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ClientIdCompleter))]
        public string ClientId { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        public string? ClientName { get; set; }

        /// <summary>Active or Inactive (any case). An empty value (an empty CSV cell) leaves the status as it is.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(StatusCompleter))]
        public string? Status { get; set; }

        /// <summary>
        /// eSignet 1.8+: give the client a new encryption key (RSA, RSA-OAEP-256), written owner-only as &lt;key&gt;.enc.*
        /// beside its signing key (or in -KeyDirectory when the ledger does not know it), before the PATCH sends it.
        /// </summary>
        [Parameter]
        public SwitchParameter GenerateEncryptionKey { get; set; }

        /// <summary>Where -GenerateEncryptionKey writes when the ledger does not know the client's key folder; default ./keys.</summary>
        [Parameter]
        public string? KeyDirectory { get; set; }

        /// <summary>How many updates run at once; 1 updates strictly in input order.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = Throttle.Default;

        private BoundedRunner<ClientRecord>? _runner;

        protected override void BeginProcessing()
        {
            _updates = new ClientUpdateService(RequireContext());
            Own(RequireContext().KeepLedgerOpen());
            _runner = new BoundedRunner<ClientRecord>(ThrottleLimit, OnUpdated);
        }

        protected override void ProcessRecord()
        {
            ClientApi api = ApiOrDefault();
            string clientId = ClientId;
            ClientChanges changes;
            PreparedUpdate? shown = null;
            EncryptionKeyOptions? encryptionKeys = EncryptionKeys(); // paths resolve on the pipeline thread
            try
            {
                changes = BuildChanges();
                if (ShowsWhatWouldBeSent())
                {
                    // -WhatIf / -Confirm / -Verbose: show the exact request, so preparing (a PMS read) happens here, one
                    // row at a time.
                    shown = AsyncRunner.Run(() => _updates!.PrepareAsync(clientId, api, changes, StopToken, encryptionKeys));
                }
            }
            catch (EsignetException e)
            {
                WriteError(RowErrors.Create(e, clientId, null));
                return;
            }

            if (shown is PreparedUpdate prepared)
            {
                // One line for -WhatIf; the body (~1 KB for a PUT) only under -Verbose.
                WriteVerbose($"{prepared.Endpoint} on {prepared.Server} with body {prepared.RequestBody}");
                if (ShouldProcess(clientId, $"{prepared.Endpoint} on {prepared.Server}"))
                {
                    _runner!.Submit(() => _updates!.ExecuteAsync(prepared, StopToken), clientId);
                }
            }
            else if (ShouldProcess(clientId, "Update OIDC client"))
            {
                _runner!.Submit(async () =>
                {
                    PreparedUpdate update = await _updates!.PrepareAsync(clientId, api, changes, StopToken, encryptionKeys).ConfigureAwait(false);
                    return await _updates.ExecuteAsync(update, StopToken).ConfigureAwait(false);
                }, clientId);
            }
        }

        protected override void EndProcessing() => _runner?.Complete();

        private EncryptionKeyOptions? EncryptionKeys() => GenerateEncryptionKey ? new EncryptionKeyOptions(ResolveNewPath(KeyDirectory ?? "keys"), false) : null;

        /// <summary>
        /// True when ShouldProcess will print or ask (-WhatIf, -Confirm, -Verbose): it then deserves the full request,
        /// at the cost of preparing each row on the pipeline thread.
        /// </summary>
        private bool ShowsWhatWouldBeSent()
        {
            return MyInvocation.BoundParameters.ContainsKey("WhatIf") || MyInvocation.BoundParameters.ContainsKey("Confirm")
                || MyInvocation.BoundParameters.ContainsKey("Verbose");
        }

        /// <summary>Runs on the pipeline thread for each finished update.</summary>
        private void OnUpdated(System.Threading.Tasks.Task<ClientRecord> done, object state)
        {
            if (!ReportedFailure(done, state, null, out _))
            {
                WriteObject(done.Result);
            }
        }

        /// <summary>
        /// The changes: every parameter that was given with a value. An empty value (an empty CSV cell, a record
        /// without that field) means "leave as it is", so a CSV of partial changes, or Get-EsignetClient's own
        /// output piped back in, changes only what differs.
        /// </summary>
        private ClientChanges BuildChanges()
        {
            string? status = InputValues.Text(Status)?.Trim().ToUpperInvariant();
            if (status != null && status != "ACTIVE" && status != "INACTIVE")
            {
                throw new EsignetException("invalid_status", EsignetErrorKind.InvalidArgument, $"Status '{Status}' is not Active or Inactive.") { TargetObject = ClientId };
            }

            static List<string>? Given(List<string> parsed) => parsed.Count == 0 ? null : parsed;
            Dictionary<string, string> map = ReadClientNameLangMap();
            return new ClientChanges
            {
                ClientName = InputValues.Text(ClientName),
                LogoUri = InputValues.Text(LogoUri),
                RedirectUris = Given(ReadRedirectUris()),
                GrantTypes = Given(ReadGrantTypes()),
                ClientAuthMethods = Given(ReadClientAuthMethods()),
                UserClaims = Given(ReadUserClaims()),
                AuthContextRefs = Given(ReadAuthContextRefs()),
                ClientNameLangMap = map.Count == 0 ? null : map,
                AdditionalConfigJson = ReadAdditionalConfig(),
                EncPublicKey = ReadEncryptionKey(),
                Status = status,
            };
        }
    }
}
