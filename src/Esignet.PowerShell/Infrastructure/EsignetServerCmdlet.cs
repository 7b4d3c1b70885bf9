using System;
using System.Management.Automation;
using Esignet.Core.Connection;

namespace Esignet.PowerShell.Infrastructure
{
    /// <summary>
    /// Base of the cmdlets that talk to a server: -Context, or the connection Connect-EsignetServer made, with
    /// -MaxRetry and -TimeoutSec overriding the connection's settings for this one command.
    /// </summary>
    public abstract class EsignetServerCmdlet : EsignetCmdlet
    {
        private EsignetContext? _context;

        /// <summary>A connection from Connect-EsignetServer -PassThru; defaults to the current one.</summary>
        [Parameter]
        public EsignetContext? Context { get; set; }

        /// <summary>Retries after the first attempt for transient failures, for this command only.</summary>
        [Parameter]
        [ValidateRange(0, 20)]
        public int MaxRetry { get; set; }

        /// <summary>Seconds to wait for each attempt's answer, for this command only.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; }

        /// <summary>The connection to use (the same object for the whole command); a terminating error when there is none.</summary>
        protected EsignetContext RequireContext()
        {
            if (_context != null)
            {
                return _context;
            }

            EsignetContext? context = Context ?? ContextStore.Current;
            if (context == null)
            {
                ThrowTerminatingError(ErrorRecords.Create("NotConnected", ErrorCategory.ConnectionError,
                    "Not connected. Run Connect-EsignetServer first (or pass -Context)."));
            }

            int? maxRetry = MyInvocation.BoundParameters.ContainsKey(nameof(MaxRetry)) ? MaxRetry : (int?)null;
            TimeSpan? timeout = MyInvocation.BoundParameters.ContainsKey(nameof(TimeoutSec)) ? TimeSpan.FromSeconds(TimeoutSec) : (TimeSpan?)null;
            _context = context!.WithTransport(maxRetry, timeout);
            return _context;
        }
    }
}
