using System;
using System.Threading;
using System.Threading.Tasks;
using Esignet.Core.Common;

namespace Esignet.Core.Registration
{
    /// <summary>
    /// Limits how many registrations talk to the server at once (-ThrottleLimit), while the local steps before
    /// sending (key files, the ledger's Pending entry and its flush to disk) run ahead for rows waiting their turn.
    /// Those steps take milliseconds of disk time per row; done inside the limit, they would stretch every slot.
    /// Waiters enter in the order they arrived.
    /// </summary>
    public sealed class SendGate
    {
        private readonly SemaphoreSlim _slots;

        public SendGate(int limit)
        {
            if (limit < 1) throw new ArgumentOutOfRangeException(nameof(limit), limit, "At least one request must be allowed.");
            _slots = new SemaphoreSlim(limit, limit);
        }

        /// <summary>Waits for a free slot; dispose the result to give it back.</summary>
        public async Task<IDisposable> EnterAsync(CancellationToken cancel)
        {
            await _slots.WaitAsync(cancel).ConfigureAwait(false);
            return new OnDispose(() => _slots.Release());
        }
    }
}
