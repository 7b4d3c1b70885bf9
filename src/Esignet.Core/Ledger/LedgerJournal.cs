using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using Esignet.Core.Common;
using Esignet.Core.Errors;
using Esignet.Core.Files;

namespace Esignet.Core.Ledger
{
    /// <summary>
    /// The ledger's file as a durable append-only log of lines: each line one write under an exclusive lock with
    /// O_APPEND (<see cref="LedgerFile"/>), so writers in this process and in others never interleave; a group-commit
    /// fsync for lines that must survive a power cut; a hold that keeps the file open through a bulk run; and a
    /// reader of the complete lines appended since an offset. It knows nothing of what the lines mean.
    /// </summary>
    internal sealed class LedgerJournal
    {
        private readonly object _gate = new object();
        private readonly object _durableGate = new object();
        private long _written; // lines appended by this instance
        private long _durable; // of those, how many are known to be on disk
        private TaskCompletionSource<bool>? _nextFlush; // waiters for the next flush to start
        private bool _flushing; // a flusher is running
        private LedgerFile? _held; // open while a bulk run holds it (KeepOpen)
        private int _holds;

        public LedgerJournal(string path) => Path = path;

        public string Path { get; }

        /// <summary>Writes one line (ending in '\n') and hands it to the operating system; returns its number among the lines this instance wrote.</summary>
        public long Append(byte[] line)
        {
            lock (_gate)
            {
                try
                {
                    if (_holds > 0)
                    {
                        _held ??= LedgerFile.Open(Path);
                        _held.AppendLine(line);
                    }
                    else
                    {
                        using (LedgerFile file = LedgerFile.Open(Path))
                        {
                            file.AppendLine(line);
                        }
                    }

                    return ++_written;
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    throw NotWritable(e);
                }
            }
        }

        /// <summary>
        /// Keeps the file open, from its first line until the returned handle is disposed, so a bulk run does not
        /// open and close it twice per row. Nested and concurrent holds share one handle; the last one out closes it.
        /// Outside a hold every line opens the file anew, so a long interactive session never writes to a ledger
        /// file that was deleted or moved since. Nothing is opened or created until a line is written.
        /// </summary>
        public IDisposable KeepOpen()
        {
            lock (_gate)
            {
                _holds++;
            }

            return new OnDispose(() =>
            {
                lock (_gate)
                {
                    if (--_holds == 0)
                    {
                        _held?.Dispose();
                        _held = null;
                    }
                }
            });
        }

        private EsignetException NotWritable(Exception e) => new EsignetException("LedgerNotWritable", EsignetErrorKind.WriteError,
            $"Cannot write the ledger '{Path}': {e.Message}. Use -LedgerPath or ESIGNET_LEDGER_PATH to put it elsewhere.", e);

        /// <summary>
        /// Completes once line number <paramref name="written"/> (from <see cref="Append"/>) is on the disk itself.
        /// Group commit: one disk flush covers every line written before it started, so rows waiting here share
        /// flushes instead of queueing one each (a flush costs milliseconds; one per row, under the write lock,
        /// capped bulk throughput). Waiters do not hold a thread: one flusher runs while any are waiting, and each
        /// waiter is released by the first flush that starts after its line was written.
        /// </summary>
        public Task DurableAsync(long written)
        {
            lock (_durableGate)
            {
                if (_durable >= written)
                {
                    return Task.CompletedTask; // a flush that started after this line was written has finished
                }

                _nextFlush ??= new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                Task flushed = _nextFlush.Task;
                if (!_flushing)
                {
                    _flushing = true;
                    Task.Run(FlushWhileWaited);
                }

                return flushed;
            }
        }

        private void FlushWhileWaited()
        {
            while (true)
            {
                TaskCompletionSource<bool> batch;
                lock (_durableGate)
                {
                    if (_nextFlush == null)
                    {
                        _flushing = false;
                        return;
                    }

                    batch = _nextFlush;
                    _nextFlush = null;
                }

                long upTo;
                lock (_gate)
                {
                    upTo = _written; // every waiter in this batch wrote its line before now
                }

                try
                {
                    using (LedgerFile file = LedgerFile.Open(Path))
                    {
                        file.FlushToDisk(); // fsync applies to the file, so it takes every write made through any handle
                    }

                    lock (_durableGate)
                    {
                        _durable = Math.Max(_durable, upTo);
                    }

                    batch.TrySetResult(true);
                }
                catch (Exception e)
                {
                    batch.TrySetException(e is IOException || e is UnauthorizedAccessException ? NotWritable(e) : e);
                }
            }
        }

        /// <summary>
        /// Passes each complete line appended after <paramref name="offset"/> (by this process or another) to
        /// <paramref name="line"/> and returns the offset just after the last one; a line still being written is read
        /// next time. A file shorter than the offset was replaced: <paramref name="restart"/> is called and the file is
        /// read from its start. A missing file has no lines.
        /// </summary>
        public long ReadSince(long offset, Action restart, Action<string> line)
        {
            if (!File.Exists(Path))
            {
                return offset;
            }

            using (FileStream fs = OpenForRead())
            {
                if (fs.Length < offset)
                {
                    restart();
                    offset = 0;
                }

                if (fs.Length == offset)
                {
                    return offset;
                }

                fs.Seek(offset, SeekOrigin.Begin);
                var buffer = new MemoryStream();
                fs.CopyTo(buffer);
                byte[] bytes = buffer.GetBuffer();
                int length = (int)buffer.Length;
                int start = 0;
                for (int i = 0; i < length; i++)
                {
                    if (bytes[i] != (byte)'\n')
                    {
                        continue;
                    }

                    if (i > start)
                    {
                        line(System.Text.Encoding.UTF8.GetString(bytes, start, i - start));
                    }

                    start = i + 1;
                }

                return offset + start;
            }
        }

        /// <summary>
        /// Opened without .NET's own flock (which a writer's lock would make fail) and without following a symlink
        /// the <see cref="LedgerPathCheck"/> refuses.
        /// </summary>
        private FileStream OpenForRead()
        {
            string real = LedgerPathCheck.Resolve(Path);
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return new FileStream(real, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            }

            Microsoft.Win32.SafeHandles.SafeFileHandle? fd = UnixNative.Open(real, UnixNative.ReadOnly | UnixNative.NoFollow | UnixNative.CloseOnExec, 0, out int errno);
            if (fd == null)
            {
                throw new EsignetException("LedgerNotReadable", EsignetErrorKind.ReadError, $"Cannot read the ledger '{Path}' (errno {errno}).") { TargetObject = Path };
            }

            return new FileStream(fd, FileAccess.Read, 4096);
        }
    }
}
