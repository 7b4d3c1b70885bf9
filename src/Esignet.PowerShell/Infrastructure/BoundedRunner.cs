using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace Esignet.PowerShell.Infrastructure
{
    /// <summary>
    /// Runs up to <c>throttle</c> pieces of async work at once for a cmdlet, and hands each finished piece back on
    /// the pipeline thread (the only thread allowed to write output), as soon as it is done. Memory stays flat: at
    /// most <c>throttle</c> rows are in flight, and the pipeline blocks upstream while all slots are busy.
    /// With a throttle of 1 the work runs strictly in input order.
    /// </summary>
    internal sealed class BoundedRunner<T>
    {
        private readonly int _throttle;
        private readonly Action<Task<T>, object> _onDone;
        private readonly List<(Task<T> Work, object State)> _inFlight = new List<(Task<T> Work, object State)>();

        /// <param name="throttle">How many at once (at least 1).</param>
        /// <param name="onDone">Called on the pipeline thread with each finished task and its state (the input row).</param>
        public BoundedRunner(int throttle, Action<Task<T>, object> onDone)
        {
            _throttle = Math.Max(1, throttle);
            _onDone = onDone;
        }

        /// <summary>Starts the work once a slot is free, reporting whatever finished meanwhile.</summary>
        public void Submit(Func<Task<T>> work, object state)
        {
            Drain(waitForOne: false);
            while (_inFlight.Count >= _throttle)
            {
                Drain(waitForOne: true);
            }

            _inFlight.Add((Task.Run(work), state));
        }

        /// <summary>Waits for everything in flight and reports it (EndProcessing).</summary>
        public void Complete()
        {
            while (_inFlight.Count > 0)
            {
                Drain(waitForOne: true);
            }
        }

        private void Drain(bool waitForOne)
        {
            if (waitForOne && _inFlight.Count > 0)
            {
                Task.WaitAny(_inFlight.Select(entry => (Task)entry.Work).ToArray());
            }

            // Report in submission order among those finished, so output order follows input order where it can.
            for (int i = 0; i < _inFlight.Count; i++)
            {
                (Task<T> work, object state) = _inFlight[i];
                if (!work.IsCompleted) continue;
                _inFlight.RemoveAt(i--);
                _onDone(work, state);
            }
        }
    }
}
