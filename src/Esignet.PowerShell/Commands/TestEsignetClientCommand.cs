using System.Management.Automation;
using Esignet.Core.Definitions;
using Esignet.Core.Errors;
using Esignet.Core.Keys;
using Esignet.Core.Verification;
using Esignet.PowerShell.Completion;
using Esignet.PowerShell.Infrastructure;

namespace Esignet.PowerShell.Commands
{
    /// <summary>
    /// Checks that registered clients can sign users in: one result per client with a line per check (see
    /// <see cref="ClientVerificationService"/>). A failed check is part of the result, not an error.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "EsignetClient")]
    [OutputType(typeof(ClientTestResult))]
    public sealed class TestEsignetClientCommand : ClientApiCmdlet
    {
        private ClientVerificationService? _verifier;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "client_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ClientIdCompleter))]
        public string[] ClientId { get; set; } = new string[0];

        [Parameter]
        public string? RedirectUri { get; set; }

        /// <summary>The private key to check; by default the file the ledger (or the PMS record) names.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("PrivateKeyPemPath", "KeyPath")]
        public object? Key { get; set; }

        protected override void BeginProcessing()
        {
            _verifier = new ClientVerificationService(RequireContext());
        }

        protected override void ProcessRecord()
        {
            ClientApi api = ApiOrDefault();
            JwkKeyPair? key;
            string? keyPath;
            try
            {
                KeyArgument.Resolve(Key, this, out key, out keyPath);
            }
            catch (EsignetException e)
            {
                WriteEsignetError(e, Key);
                return;
            }

            foreach (string id in ClientId)
            {
                var request = new ClientTestRequest { ClientId = id, Api = api, RedirectUri = RedirectUri, Key = key, KeyPath = keyPath };
                try
                {
                    ClientTestResult result = AsyncRunner.Run(() => _verifier!.TestAsync(request, StopToken));
                    foreach (ClientCheck check in result.Checks)
                    {
                        WriteVerbose($"{id}: {check.Name} {check.Outcome}: {check.Reason}");
                    }

                    WriteObject(result);
                }
                catch (EsignetException e)
                {
                    WriteEsignetError(e, id);
                }
            }
        }
    }
}
