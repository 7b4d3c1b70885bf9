using System;
using System.Threading.Tasks;

namespace Esignet.PowerShell.Infrastructure
{
    /// <summary>
    /// Waits for async Core work on the pipeline thread. Core awaits use ConfigureAwait(false), so there is no
    /// context to deadlock on; the cmdlet's stop token cancels the work on Ctrl+C.
    /// </summary>
    internal static class AsyncRunner
    {
        public static T Run<T>(Func<Task<T>> work)
        {
            return Task.Run(work).GetAwaiter().GetResult();
        }
    }
}
