using System.Management.Automation;
using Esignet.Core.Connection;

namespace Esignet.PowerShell.Infrastructure
{
    /// <summary>Base of the cmdlets that talk to a server: -Context, or the connection Connect-EsignetServer made.</summary>
    public abstract class EsignetServerCmdlet : EsignetCmdlet
    {
        /// <summary>A connection from Connect-EsignetServer -PassThru; defaults to the current one.</summary>
        [Parameter]
        public EsignetContext? Context { get; set; }

        /// <summary>The connection to use; a terminating error when there is none.</summary>
        protected EsignetContext RequireContext()
        {
            EsignetContext? context = Context ?? ContextStore.Current;
            if (context == null)
            {
                ThrowTerminatingError(ErrorRecords.Create("NotConnected", ErrorCategory.ConnectionError,
                    "Not connected. Run Connect-EsignetServer first (or pass -Context)."));
            }

            return context!;
        }
    }
}
