using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using Esignet.Core.Errors;

namespace Esignet.PowerShell.Infrastructure
{
    /// <summary>
    /// Base of every cmdlet: a cancellation token that Ctrl+C (StopProcessing) trips, path resolution against
    /// the PowerShell location, one way to report Core failures, and resources released however the command ends.
    /// </summary>
    public abstract class EsignetCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly List<IDisposable> _owned = new List<IDisposable>();

        /// <summary>Cancelled when the user presses Ctrl+C or the pipeline is stopped.</summary>
        protected CancellationToken StopToken => _stopping.Token;

        protected override void StopProcessing()
        {
            _stopping.Cancel();
            base.StopProcessing();
        }

        /// <summary>
        /// Releases <paramref name="resource"/> when the command ends, after EndProcessing, Ctrl+C or a terminating
        /// error alike (PowerShell disposes the cmdlet then; EndProcessing alone is skipped by the last two).
        /// </summary>
        protected T Own<T>(T resource) where T : IDisposable
        {
            _owned.Add(resource);
            return resource;
        }

        /// <summary>Called by PowerShell when the pipeline is done with this command.</summary>
        public void Dispose()
        {
            for (int i = _owned.Count - 1; i >= 0; i--)
            {
                _owned[i].Dispose();
            }

            _owned.Clear();
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
        /// written and handed back in <paramref name="error"/> (none after Ctrl+C, when the row was merely cut short).
        /// </summary>
        protected bool ReportedFailure(System.Threading.Tasks.Task work, object target, int? line, out ErrorRecord? error)
        {
            error = null;
            if (!work.IsCanceled && !work.IsFaulted)
            {
                return false;
            }

            error = RowErrors.FromFailedWork(work, target, line, StopToken.IsCancellationRequested);
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
