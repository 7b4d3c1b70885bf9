using System.Management.Automation;
using Esignet.Core.Connection;
using Esignet.PowerShell.Infrastructure;

namespace Esignet.PowerShell.Commands
{
    /// <summary>Shows the current connection: endpoints, lines, auth method, credential source, token expiry and scopes; never a secret.</summary>
    [Cmdlet(VerbsCommon.Get, "EsignetContext")]
    [OutputType(typeof(EsignetContext))]
    public sealed class GetEsignetContextCommand : EsignetCmdlet
    {
        protected override void EndProcessing()
        {
            if (ContextStore.Current is EsignetContext context)
            {
                WriteObject(context);
            }
        }
    }
}
