using System.Management.Automation;
using Esignet.PowerShell.Infrastructure;

namespace Esignet.PowerShell.Commands
{
    /// <summary>Forgets the current connection and its token.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "EsignetServer")]
    [OutputType(typeof(void))]
    public sealed class DisconnectEsignetServerCommand : EsignetCmdlet
    {
        protected override void EndProcessing()
        {
            if (ContextStore.Current == null)
            {
                WriteVerbose("Not connected; nothing to do.");
            }

            ContextStore.Set(null);
        }
    }
}
