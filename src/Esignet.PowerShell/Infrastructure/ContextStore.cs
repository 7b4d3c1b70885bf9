using System.Threading;
using Esignet.Core.Connection;

namespace Esignet.PowerShell.Infrastructure
{
    /// <summary>
    /// The process-scoped current connection (issue 4): set by Connect-EsignetServer, read by every cmdlet
    /// that is not given -Context. Nothing is persisted to disk.
    /// </summary>
    internal static class ContextStore
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<EsignetContext, object> HandedOut =
            new System.Runtime.CompilerServices.ConditionalWeakTable<EsignetContext, object>();

        private static EsignetContext? _current;

        public static EsignetContext? Current => Volatile.Read(ref _current);

        public static void Set(EsignetContext? context)
        {
            EsignetContext? old = Interlocked.Exchange(ref _current, context);
            if (old != null && !ReferenceEquals(old, context) && !HandedOut.TryGetValue(old, out _))
            {
                old.Dispose();
            }
        }

        /// <summary>A context given to the caller (-PassThru) lives on in their variable, so replacing it must not close it.</summary>
        public static void MarkHandedOut(EsignetContext context)
        {
            HandedOut.GetValue(context, _ => new object());
        }
    }
}
