using System.Management.Automation;
using System.Threading;
using Esignet.Core.Errors;

namespace Esignet.PowerShell.Infrastructure
{
    /// <summary>
    /// Base of every cmdlet: a cancellation token that Ctrl+C (StopProcessing) trips, path resolution against
    /// the PowerShell location, and one way to report Core failures.
    /// </summary>
    public abstract class EsignetCmdlet : PSCmdlet
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();

        /// <summary>Cancelled when the user presses Ctrl+C or the pipeline is stopped.</summary>
        protected CancellationToken StopToken => _stopping.Token;

        protected override void StopProcessing()
        {
            _stopping.Cancel();
            base.StopProcessing();
        }

        /// <summary>A file-system path from user input, relative to the current PowerShell location, wildcards not expanded.</summary>
        protected string ResolveNewPath(string path)
        {
            return SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
        }

        /// <summary>Non-terminating: one bad item never stops the rest.</summary>
        protected void WriteEsignetError(EsignetException e, object? target = null)
        {
            WriteError(ErrorRecords.From(e, target));
        }

        /// <summary>
        /// For a row's background work, once finished: false when it succeeded; otherwise true, with its error
        /// written (none after Ctrl+C, when the row was merely cut short).
        /// </summary>
        protected bool ReportedFailure(System.Threading.Tasks.Task work, object target, int? line)
        {
            if (!work.IsCanceled && !work.IsFaulted)
            {
                return false;
            }

            ErrorRecord? error = RowErrors.FromFailedWork(work, target, line, StopToken.IsCancellationRequested);
            if (error != null)
            {
                WriteError(error);
            }

            return true;
        }

        /// <summary>Terminating: for "cannot start at all" problems only.</summary>
        protected void ThrowEsignetError(EsignetException e, object? target = null)
        {
            ThrowTerminatingError(ErrorRecords.From(e, target));
        }
    }
}
