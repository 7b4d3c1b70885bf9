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
    /// (server, clientId), except that a Pending or Failed entry never hides an earlier Created, Exists or Updated one
    /// (the client exists on the server whatever a later attempt did); a torn line (a crash mid-write) is skipped.
    /// Safe for concurrent writers in one process and across processes (<see cref="LedgerFile"/>: O_APPEND, one
    /// write per line under an exclusive lock); every lookup first reads what other processes appended since the
    /// last one. A bulk run keeps the file open (<see cref="KeepOpen"/>). Default location: $ESIGNET_LEDGER_PATH,
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
        private readonly Dictionary<string, Dictionary<string, LedgerEntry>> _byKeyFile = new Dictionary<string, Dictionary<string, LedgerEntry>>(
            RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase); // key file -> clients recording it
        private long _readTo; // bytes of the file already read into _latest (always just after a newline)
        private LedgerFile? _held; // open while a bulk run holds it (KeepOpen)
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

                    written = ++_written;
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    throw NotWritable(e);
                }

                if (_latest != null)
                {
                    Apply(entry);
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
                _byKeyFile.Clear();
                _readTo = 0;
            }
        }

        /// <summary>
        /// Reads what was appended since the last read (by this process or another), so a decision (Exists or
        /// Created) sees every entry written before it. Only complete lines are read; a line still being written is
        /// read next time. A file that shrank was replaced: it is read again from the start.
        /// </summary>
        private void Load()
        {
            if (!File.Exists(Path))
            {
                _latest ??= new Dictionary<string, LedgerEntry>(StringComparer.Ordinal);
                return;
            }

            using (FileStream fs = OpenForRead())
            {
                if (_latest == null || fs.Length < _readTo)
                {
                    _latest = new Dictionary<string, LedgerEntry>(StringComparer.Ordinal);
                    _byKeyFile.Clear();
                    _readTo = 0;
                }

                if (fs.Length == _readTo)
                {
                    return;
                }

                fs.Seek(_readTo, SeekOrigin.Begin);
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
                        Parse(Encoding.UTF8.GetString(bytes, start, i - start));
                    }

                    start = i + 1;
                }

                _readTo += start;
            }
        }

        private void Parse(string line)
        {
            LedgerEntry? e;
            try
            {
                e = JsonSerializer.Deserialize<LedgerEntry>(line, Json);
            }
            catch (JsonException)
            {
                return; // a torn line from a crash mid-write: the entry never completed
            }

            if (e != null && !string.IsNullOrEmpty(e.ClientId))
            {
                Apply(e);
            }
        }

        /// <summary>The later entry wins, except that an attempt (Pending, Failed) does not hide a client known to exist.</summary>
        private void Apply(LedgerEntry e)
        {
            string key = Key(e.Server, e.ClientId);
            if (_latest!.TryGetValue(key, out LedgerEntry? before))
            {
                if (IsRegistered(before) && !IsRegistered(e))
                {
                    return;
                }

                if (before.PrivateKeyPemPath != null && _byKeyFile.TryGetValue(before.PrivateKeyPemPath, out Dictionary<string, LedgerEntry>? old))
                {
                    old.Remove(key);
                }
            }

            _latest[key] = e;
            if (e.PrivateKeyPemPath != null)
            {
                if (!_byKeyFile.TryGetValue(e.PrivateKeyPemPath, out Dictionary<string, LedgerEntry>? users))
                {
                    _byKeyFile[e.PrivateKeyPemPath] = users = new Dictionary<string, LedgerEntry>(StringComparer.Ordinal);
                }

                users[key] = e;
            }
        }

        /// <summary>The latest entries (one per client, any server) that record <paramref name="privateKeyPemPath"/> as their key file.</summary>
        public IReadOnlyList<LedgerEntry> WithKeyFile(string privateKeyPemPath)
        {
            lock (_gate)
            {
                Load();
                return _byKeyFile.TryGetValue(privateKeyPemPath, out Dictionary<string, LedgerEntry>? users)
                    ? new List<LedgerEntry>(users.Values)
                    : new List<LedgerEntry>();
            }
        }

        private static bool IsRegistered(LedgerEntry e) => e.Outcome == "Created" || e.Outcome == "Exists" || e.Outcome == "Updated";

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

        private static string Key(string server, string clientId) => server.TrimEnd('/').ToLowerInvariant() + "\n" + clientId;
    }
}
