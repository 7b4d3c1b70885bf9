using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Esignet.Core.Errors;
using Esignet.Core.Files;

namespace Esignet.Core.Ledger
{
    /// <summary>
    /// The local record of what this module registered (design.md decision 4): an append-only JSON Lines file,
    /// one <see cref="LedgerEntry"/> per line, flushed per line. Readers take the last entry per
    /// (server, clientId); a torn last line (a crash mid-write) is skipped. Safe for concurrent writers in one
    /// process. Default location: $ESIGNET_LEDGER_PATH, else ~/.local/share/esignet/ledger.jsonl
    /// (%LOCALAPPDATA%\Esignet\ledger.jsonl on Windows); the folder is owner-only.
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
        private Dictionary<string, LedgerEntry>? _latest;

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

        /// <summary>Appends one entry: a Pending entry is on the disk when this returns, others reach the operating system.</summary>
        public void Append(LedgerEntry entry)
        {
            byte[] line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, Json) + "\n");
            long written;
            lock (_gate)
            {
                try
                {
                    bool created = !File.Exists(Path);
                    if (created)
                    {
                        SecureFile.EnsureOwnerOnlyDirectory(System.IO.Path.GetDirectoryName(Path)!);
                    }

                    using (var fs = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite))
                    {
                        if (created)
                        {
                            SecureFile.RestrictToOwner(Path, isDirectory: false);
                        }

                        fs.Write(line, 0, line.Length);
                        fs.Flush(false); // to the operating system: survives kill -9
                    }

                    written = ++_written;
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    throw new EsignetException("LedgerNotWritable", EsignetErrorKind.WriteError,
                        $"Cannot write the ledger '{Path}': {e.Message}. Use -LedgerPath or ESIGNET_LEDGER_PATH to put it elsewhere.", e);
                }

                if (_latest != null)
                {
                    _latest[Key(entry.Server, entry.ClientId)] = entry;
                }
            }

            // A Pending entry goes to the disk itself before its request is sent: it is what lets a rerun after a
            // crash, even of the machine, call a duplicate our own create. An outcome entry need only reach the
            // operating system: if a power cut loses it, the Pending entry before it still makes the rerun safe.
            if (entry.Outcome == "Pending")
            {
                MakeDurable(written);
            }
        }

        /// <summary>
        /// Group commit: one disk flush covers every entry written before it, so parallel registrations waiting
        /// here share flushes instead of queueing one each (a flush costs about a millisecond; per row, under the
        /// write lock, it capped bulk throughput). Returns once entry number <paramref name="written"/> is on disk.
        /// </summary>
        private void MakeDurable(long written)
        {
            lock (_durableGate)
            {
                if (_durable >= written)
                {
                    return; // another writer's flush already covered it
                }

                long upTo;
                lock (_gate)
                {
                    upTo = _written;
                }

                try
                {
                    using (var fs = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite))
                    {
                        fs.Flush(true); // fsync applies to the file, so it takes every write made through any handle
                    }
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    throw new EsignetException("LedgerNotWritable", EsignetErrorKind.WriteError,
                        $"Cannot write the ledger '{Path}': {e.Message}. Use -LedgerPath or ESIGNET_LEDGER_PATH to put it elsewhere.", e);
                }

                _durable = upTo;
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
