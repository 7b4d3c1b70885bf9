using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace Esignet.PowerShell.Infrastructure
{
    /// <summary>
    /// Runs async Core work while the pipeline thread serves the work's questions: ShouldProcess, WriteWarning and
    /// WriteVerbose may only be called on that thread, but the work's awaits continue on pool threads. The work posts
    /// each call here and waits for its answer; the pipeline thread runs them in order until the work ends. One pump
    /// per piece of work.
    /// </summary>
    internal sealed class PipelineThreadPump
    {
        private readonly BlockingCollection<Action> _calls = new BlockingCollection<Action>();
        private int _pipelineThread = -1;

        /// <summary>Runs <paramref name="call"/> on the pipeline thread and returns its result (inline when already there).</summary>
        public T Invoke<T>(Func<T> call)
        {
            if (Environment.CurrentManagedThreadId == _pipelineThread)
            {
                return call();
            }

            var answer = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            _calls.Add(() =>
            {
                try
                {
                    answer.SetResult(call());
                }
                catch (Exception e)
                {
                    answer.SetException(e);
                }
            });
            return answer.Task.GetAwaiter().GetResult();
        }

        public void Invoke(Action call) => Invoke(() =>
        {
            call();
            return true;
        });

        /// <summary>Called on the pipeline thread: runs <paramref name="work"/> and serves its calls until it ends.</summary>
        public T Run<T>(Func<Task<T>> work)
        {
            _pipelineThread = Environment.CurrentManagedThreadId;
            Task<T> task = Task.Run(work);
            task.ContinueWith(_ => _calls.CompleteAdding(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            foreach (Action call in _calls.GetConsumingEnumerable())
            {
                call();
            }

            return task.GetAwaiter().GetResult();
        }
    }
}
