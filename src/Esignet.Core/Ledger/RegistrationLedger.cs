using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Esignet.Core.Common;
using Esignet.Core.Errors;
using Esignet.Core.Files;

namespace Esignet.Core.Ledger
{
    /// <summary>
    /// The local record of what this module registered (design.md decision 4): an append-only JSON Lines file,
    /// one <see cref="LedgerEntry"/> per line, each handed to the operating system as it is written. Readers take the last entry per
    /// (server, clientId); a torn last line (a crash mid-write) is skipped. Safe for concurrent writers in one
    /// process; a bulk run keeps the file open (<see cref="KeepOpen"/>). Default location: $ESIGNET_LEDGER_PATH,
    /// else ~/.local/share/esignet/ledger.jsonl (%LOCALAPPDATA%\Esignet\ledger.jsonl on Windows); the folder is
    /// owner-only.
    /// </summary>
    public sealed class RegistrationLedger
    {
        private static readonly JsonSerializerOptions Json = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        };

        private readonly object _gate = new object();
        private readonly object _durableGate = new object();
        private long _written; // entries appended by this instance
        private long _durable; // of those, how many are known to be on disk
        private TaskCompletionSource<bool>? _nextFlush; // waiters for the next flush to start
        private bool _flushing; // a flusher is running
        private Dictionary<string, LedgerEntry>? _latest;
        private FileStream? _held; // open while a bulk run holds it (KeepOpen)
        private int _holds;

        public RegistrationLedger(string? path)
        {
            Path = System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(path) ? DefaultPath() : path!);
        }

        public string Path { get; }

        public static string DefaultPath()
        {
            string? env = Environment.GetEnvironmentVariable("ESIGNET_LEDGER_PATH");
            if (!string.IsNullOrWhiteSpace(env))
            {
                return env!;
            }

            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "Esignet", "ledger.jsonl");
            }

            string? xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
            string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            string data = string.IsNullOrEmpty(xdg) ? System.IO.Path.Combine(home, ".local", "share") : xdg!;
            return System.IO.Path.Combine(data, "esignet", "ledger.jsonl");
        }

        /// <summary>Appends one entry and hands it to the operating system: it survives kill -9 of this process.</summary>
        public void Append(LedgerEntry entry) => Write(entry);

        /// <summary>
        /// Appends one entry and completes once it is on the disk itself, so it survives a power cut too. A Pending
        /// entry goes this way before its request is sent: it is what lets a rerun after a crash, even of the
        /// machine, call a duplicate our own create. Outcome entries need only <see cref="Append"/>: if a power cut
        /// loses one, the Pending entry before it still makes the rerun safe.
        /// </summary>
        public Task AppendDurableAsync(LedgerEntry entry) => DurableAsync(Write(entry));

        /// <summary>Writes one line; returns its number among the lines this instance wrote.</summary>
        private long Write(LedgerEntry entry)
        {
            byte[] line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, Json) + "\n");
            long written;
            lock (_gate)
            {
                try
                {
                    if (_holds > 0)
                    {
                        // Another process may have appended since: write at the current end, as opening anew would.
                        _held ??= OpenForAppend();
                        _held.Seek(0, SeekOrigin.End);
                        WriteLine(_held, line);
                    }
                    else
                    {
                        using (FileStream fs = OpenForAppend())
                        {
                            WriteLine(fs, line);
                        }
                    }

                    written = ++_written;
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    throw NotWritable(e);
                }

                if (_latest != null)
                {
                    _latest[Key(entry.Server, entry.ClientId)] = entry;
                }
            }

            return written;
        }

        /// <summary>
        /// Keeps the file open, from its first entry until the returned handle is disposed, so a bulk run does not
        /// open and close it twice per row. Nested and concurrent holds share one handle; the last one out closes it.
        /// Outside a hold every entry opens the file anew, so a long interactive session never writes to a ledger
        /// file that was deleted or moved since. Nothing is opened or created until an entry is written.
        /// </summary>
        public IDisposable KeepOpen()
        {
            lock (_gate)
            {
                _holds++;
            }

            return new OnDispose(Release);
        }

        private void Release()
        {
            lock (_gate)
            {
                if (--_holds == 0)
                {
                    _held?.Dispose();
                    _held = null;
                }
            }
        }

        private FileStream OpenForAppend()
        {
            bool created = !File.Exists(Path);
            if (created)
            {
                SecureFile.EnsureOwnerOnlyDirectory(System.IO.Path.GetDirectoryName(Path)!);
            }

            var fs = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
            if (created)
            {
                SecureFile.RestrictToOwner(Path, isDirectory: false);
            }

            return fs;
        }

        private static void WriteLine(FileStream fs, byte[] line)
        {
            fs.Write(line, 0, line.Length);
            fs.Flush(false); // to the operating system: survives kill -9
        }

        private EsignetException NotWritable(Exception e) => new EsignetException("LedgerNotWritable", EsignetErrorKind.WriteError,
            $"Cannot write the ledger '{Path}': {e.Message}. Use -LedgerPath or ESIGNET_LEDGER_PATH to put it elsewhere.", e);

        /// <summary>
        /// Group commit: one disk flush covers every line written before it started, so rows waiting here share
        /// flushes instead of queueing one each (a flush costs milliseconds; one per row, under the write lock,
        /// capped bulk throughput). Waiters do not hold a thread: one flusher runs while any are waiting, and each
        /// waiter is released by the first flush that starts after its line was written.
        /// </summary>
        private Task DurableAsync(long written)
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
                    using (FileStream fs = OpenForAppend())
                    {
                        fs.Flush(true); // fsync applies to the file, so it takes every write made through any handle
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

        /// <summary>The latest entry for a client on a server, or null.</summary>
        public LedgerEntry? Find(string server, string clientId)
        {
            lock (_gate)
            {
                Load();
                return _latest!.TryGetValue(Key(server, clientId), out LedgerEntry? e) ? e : null;
            }
        }

        /// <summary>
        /// The latest entry, on a server, for the client registered with a key (Created, Exists or Updated), or null.
        /// PMS derives Client IDs from the key, so the key finds the client even when the module's prediction of its
        /// ID was wrong (the entry holds the ID the server answered).
        /// </summary>
        public LedgerEntry? FindRegisteredKey(string server, string keyThumbprint)
        {
            lock (_gate)
            {
                Load();
                string prefix = server.TrimEnd('/').ToLowerInvariant() + "\n";
                LedgerEntry? found = null;
                foreach (KeyValuePair<string, LedgerEntry> pair in _latest!)
                {
                    LedgerEntry e = pair.Value;
                    if (pair.Key.StartsWith(prefix, StringComparison.Ordinal) && e.KeyThumbprint == keyThumbprint
                        && (e.Outcome == "Created" || e.Outcome == "Exists" || e.Outcome == "Updated")
                        && (found == null || e.Time > found.Time))
                    {
                        found = e;
                    }
                }

                return found;
            }
        }

        /// <summary>The latest entry per client, for one server (or all when null).</summary>
        public IReadOnlyList<LedgerEntry> All(string? server)
        {
            lock (_gate)
            {
                Load();
                var list = new List<LedgerEntry>();
                foreach (LedgerEntry e in _latest!.Values)
                {
                    if (server == null || string.Equals(e.Server, server, StringComparison.OrdinalIgnoreCase))
                    {
                        list.Add(e);
                    }
                }

                list.Sort((a, b) => a.Time.CompareTo(b.Time));
                return list;
            }
        }

        /// <summary>Forget the cache: the file may have been changed by another process.</summary>
        public void Reload()
        {
            lock (_gate)
            {
                _latest = null;
            }
        }

        private void Load()
        {
            if (_latest != null)
            {
                return;
            }

            var latest = new Dictionary<string, LedgerEntry>(StringComparer.Ordinal);
            if (File.Exists(Path))
            {
                using (var fs = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
                using (var reader = new StreamReader(fs, Encoding.UTF8))
                {
                    string? line;
                    while ((line = reader.ReadLine()) != null)
                    {
                        if (line.Length == 0) continue;
                        LedgerEntry? e;
                        try
                        {
                            e = JsonSerializer.Deserialize<LedgerEntry>(line, Json);
                        }
                        catch (JsonException)
                        {
                            continue; // a torn line from a crash mid-write: the entry never completed
                        }

                        if (e != null && !string.IsNullOrEmpty(e.ClientId))
                        {
                            latest[Key(e.Server, e.ClientId)] = e;
                        }
                    }
                }
            }

            _latest = latest;
        }

        private static string Key(string server, string clientId) => server.TrimEnd('/').ToLowerInvariant() + "\n" + clientId;
    }
}
