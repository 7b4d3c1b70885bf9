using System.Management.Automation;
using Esignet.Core.Errors;
using Esignet.Core.Partners;
using Esignet.PowerShell.Infrastructure;

namespace Esignet.PowerShell.Commands
{
    /// <summary>
    /// Shows what PMS says about auth partners: registration, active or not, the certificate PMS holds and when it
    /// expires, and the partner's policy mappings with their status. Takes partner ids from the pipeline, e.g. the
    /// output of Initialize-EsignetPmsPartner.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "EsignetPmsPartner")]
    [OutputType(typeof(PartnerStatus))]
    public sealed class GetEsignetPmsPartnerCommand : EsignetServerCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("AuthPartnerId")]
        [ValidateNotNullOrEmpty]
        public string[] PartnerId { get; set; } = new string[0];

        protected override void ProcessRecord()
        {
            PartnerStatusReader reader;
            try
            {
                reader = new PartnerStatusReader(PmsPartnerApi.For(RequireContext()));
            }
            catch (EsignetException e)
            {
                ThrowTerminatingError(ErrorRecords.From(e));
                return;
            }

            foreach (string id in PartnerId)
            {
                try
                {
                    PartnerStatus? status = AsyncRunner.Run(() => reader.ReadAsync(id, StopToken));
                    if (status == null)
                    {
                        WriteError(ErrorRecords.Create("PartnerNotFound", ErrorCategory.ObjectNotFound,
                            $"PMS has no partner '{id}' (PMS_PRT_005). Initialize-EsignetPmsPartner registers one.", id));
                        continue;
                    }

                    WriteObject(status);
                }
                catch (EsignetException e)
                {
                    WriteError(ErrorRecords.From(e, id));
                }
            }
        }
    }
}
