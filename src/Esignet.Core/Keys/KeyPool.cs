using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace Esignet.Core.Keys
{
    /// <summary>
    /// Generates key pairs ahead of need on every core, so a bulk run with -GenerateKey is not limited to one core's
    /// key generation (RSA generation dominates its CPU cost). Keys exist only in memory until a caller takes one;
    /// untaken keys are discarded on dispose. Generation starts on the first <see cref="Take"/>. With a total
    /// (New-EsignetJwk -Count) exactly that many keys are made. A worker whose generation fails stops; the failure
    /// is thrown to the taker that finds the pool empty once every worker has stopped.
    /// </summary>
    public sealed class KeyPool : IDisposable
    {
        private readonly KeySpec _spec;
        private readonly BlockingCollection<JwkKeyPair> _ready;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly int _workers;
        private readonly int? _total;
        private int _started;
        private int _claimed;
        private int _running;
        private Exception? _failure;

        public KeyPool(KeySpec spec, int? workers = null, int? total = null)
        {
            _spec = spec ?? throw new ArgumentNullException(nameof(spec));
            _spec.Validate();
            _total = total;
            _workers = Math.Max(1, Math.Min(workers ?? Environment.ProcessorCount, total ?? int.MaxValue));
            _ready = new BlockingCollection<JwkKeyPair>(boundedCapacity: _workers * 2);
        }

        private Lazy<JwkKeyPair>? _placeholder;

        /// <summary>
        /// A pool that hands out one key, made once, to every caller: for dry runs (-WhatIf), where a key is needed
        /// only to shape and validate the request and is never written or sent, so 200 rows cost one key, not 200.
        /// </summary>
        public static KeyPool Placeholder(KeySpec spec)
        {
            var pool = new KeyPool(spec, 1);
            pool._placeholder = new Lazy<JwkKeyPair>(() => KeyFactory.Generate(spec), LazyThreadSafetyMode.ExecutionAndPublication);
            return pool;
        }

        /// <summary>True for <see cref="Placeholder"/>: every key taken is the same one.</summary>
        public bool IsPlaceholder => _placeholder != null;

        /// <summary>A fresh key pair (the placeholder, for a placeholder pool); blocks only when generation is behind.</summary>
        public JwkKeyPair Take(CancellationToken cancel = default)
        {
            if (_placeholder != null)
            {
                return _placeholder.Value;
            }

            if (Interlocked.Exchange(ref _started, 1) == 0)
            {
                _running = _workers;
                for (int i = 0; i < _workers; i++)
                {
                    Task.Factory.StartNew(Produce, TaskCreationOptions.LongRunning);
                }
            }

            using (CancellationTokenSource linked = CancellationTokenSource.CreateLinkedTokenSource(cancel, _stop.Token))
            {
                if (_ready.TryTake(out JwkKeyPair? key, Timeout.Infinite, linked.Token))
                {
                    return key;
                }
            }

            // Every worker has stopped: the total was taken, or generation failed.
            if (_failure != null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(_failure).Throw();
            }

            throw new InvalidOperationException($"All {_total} keys of this pool were taken.");
        }

        private void Produce()
        {
            try
            {
                while (!_stop.IsCancellationRequested && (_total == null || Interlocked.Increment(ref _claimed) <= _total))
                {
                    _ready.Add(KeyFactory.Generate(_spec), _stop.Token);
                }
            }
            catch (OperationCanceledException)
            {
                // Disposed.
            }
            catch (InvalidOperationException)
            {
                // Adding completed.
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref _failure, e, null);
            }
            finally
            {
                if (Interlocked.Decrement(ref _running) == 0)
                {
                    _ready.CompleteAdding();
                }
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _ready.CompleteAdding();
        }
    }
}
