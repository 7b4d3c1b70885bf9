using System;
using System.Threading;

namespace Esignet.Core.Common
{
    /// <summary>
    /// A handle that runs an action on its first Dispose and never again: giving back a request slot, a hold on
    /// the ledger file, a setting. Disposing twice must not give back twice.
    /// </summary>
    internal sealed class OnDispose : IDisposable
    {
        /// <summary>A handle with nothing to give back.</summary>
        public static readonly IDisposable Nothing = new OnDispose(null);

        private Action? _action;

        public OnDispose(Action? action) => _action = action;

        public void Dispose() => Interlocked.Exchange(ref _action, null)?.Invoke();
    }
}
