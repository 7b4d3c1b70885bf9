using System.Management.Automation;
using Esignet.Core.Clients;
using Esignet.Core.Definitions;
using Esignet.Core.Errors;
using Esignet.Core.Registration;
using Esignet.PowerShell.Infrastructure;

namespace Esignet.PowerShell.Commands
{
    /// <summary>
    /// Shows registered clients: from PMS itself, or (eSignet has no read API) from the module's ledger, which the
    /// Source property says. Takes Client IDs from the pipeline, e.g. the output of New-EsignetOidcClient. Without
    /// a Client ID it lists, as Get-MgApplication and Get-AzADApplication do, instead of prompting for one.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "EsignetClient", DefaultParameterSetName = "ById")]
    [OutputType(typeof(ClientRecord))]
    public sealed class GetEsignetClientCommand : ClientApiCmdlet
    {
        private ClientQueryService? _query;

        [Parameter(Position = 0, ParameterSetName = "ById", ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "client_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ClientIdCompleter))]
        public string[] ClientId { get; set; } = new string[0];

        /// <summary>Kept for scripts written before listing became the default; the same as giving no Client ID.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "All")]
        public SwitchParameter All { get; set; }

        /// <summary>How many PMS reads run at once; 1 keeps input order. Ledger reads are local.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = Throttle.Default;

        private BoundedRunner<ClientRecord?>? _runner;

        protected override void BeginProcessing()
        {
            _query = new ClientQueryService(RequireContext());
            _runner = new BoundedRunner<ClientRecord?>(ThrottleLimit, OnRead);
        }

        protected override void ProcessRecord()
        {
            ClientApi api = ApiOrDefault();
            if (All || ClientId.Length == 0)
            {
                try
                {
                    WriteObject(AsyncRunner.Run(() => _query!.ListAsync(api, StopToken)), enumerateCollection: true);
                }
                catch (EsignetException e)
                {
                    ThrowEsignetError(e);
                }

                return;
            }

            foreach (string id in ClientId)
            {
                _runner!.Submit(() => _query!.GetAsync(id, api, StopToken), new Lookup(id, api));
            }
        }

        protected override void EndProcessing() => _runner?.Complete();

        /// <summary>Runs on the pipeline thread for each finished read.</summary>
        private void OnRead(System.Threading.Tasks.Task<ClientRecord?> done, object state)
        {
            var lookup = (Lookup)state;
            if (ReportedFailure(done, lookup.Id, null, out _))
            {
                return;
            }

            if (done.Result == null)
            {
                WriteError(ErrorRecords.Create("ClientNotFound", ErrorCategory.ObjectNotFound, _query!.NotFoundMessage(lookup.Id, lookup.Api), lookup.Id));
                return;
            }

            WriteObject(done.Result);
        }

        private sealed record Lookup(string Id, ClientApi Api);
    }
}
