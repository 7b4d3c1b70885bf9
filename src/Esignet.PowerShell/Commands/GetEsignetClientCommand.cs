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
    /// Source property says. Takes Client IDs from the pipeline, e.g. the output of New-EsignetOidcClient.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "EsignetClient", DefaultParameterSetName = "ById")]
    [OutputType(typeof(ClientRecord))]
    public sealed class GetEsignetClientCommand : EsignetServerCmdlet
    {
        private ClientQueryService? _query;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = "ById", ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "client_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ClientIdCompleter))]
        public string[] ClientId { get; set; } = new string[0];

        [Parameter(Mandatory = true, ParameterSetName = "All")]
        public SwitchParameter All { get; set; }

        [Parameter]
        public ClientApi Api { get; set; }

        protected override void BeginProcessing()
        {
            _query = new ClientQueryService(RequireContext());
        }

        protected override void ProcessRecord()
        {
            ClientApi api = MyInvocation.BoundParameters.ContainsKey(nameof(Api)) ? Api : RequireContext().DefaultApi;
            try
            {
                if (All)
                {
                    WriteObject(AsyncRunner.Run(() => _query!.ListAsync(api, StopToken)), enumerateCollection: true);
                    return;
                }
            }
            catch (EsignetException e)
            {
                ThrowEsignetError(e);
            }

            foreach (string id in ClientId)
            {
                try
                {
                    ClientRecord? record = AsyncRunner.Run(() => _query!.GetAsync(id, api, StopToken));
                    if (record == null)
                    {
                        string where = api == ClientApi.Pms
                            ? "PMS has no such client."
                            : $"eSignet cannot be asked for clients, and the ledger ({RequireContext().LedgerPath}) has no registration of it on this server.";
                        WriteError(ErrorRecords.Create("ClientNotFound", ErrorCategory.ObjectNotFound, $"Client '{id}' was not found. {where}", id));
                        continue;
                    }

                    WriteObject(record);
                }
                catch (EsignetException e)
                {
                    WriteEsignetError(e, id);
                }
            }
        }
    }
}
