using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace Esignet.Core.Ledger
{
    /// <summary>
    /// The local record of what this module registered (design.md decision 4): JSON Lines, one
    /// <see cref="LedgerEntry"/> per line, in a durable append-only file (<see cref="LedgerJournal"/>), read into
    /// an index of the latest entry per (server, clientId) (<see cref="LatestEntryIndex"/>); a torn line (a crash
    /// mid-write) is skipped. Safe for concurrent writers in one process and across processes; every lookup first
    /// reads what other processes appended since the last one. A bulk run keeps the file open
    /// (<see cref="KeepOpen"/>). Default location: $ESIGNET_LEDGER_PATH, else ~/.local/share/esignet/ledger.jsonl
    /// (%LOCALAPPDATA%\Esignet\ledger.jsonl on Windows); the folder is owner-only.
    /// </summary>
    public sealed class RegistrationLedger
    {
        private static readonly JsonSerializerOptions Json = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        };

        private readonly object _gate = new object(); // one line's write and its index update happen together
        private readonly LedgerJournal _journal;
        private LatestEntryIndex? _index; // null until the first lookup reads the file
        private long _readTo; // bytes of the file already read into the index (always just after a newline)

        public RegistrationLedger(string? path)
        {
            Path = System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(path) ? DefaultPath() : path!);
            _journal = new LedgerJournal(Path);
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
        public Task AppendDurableAsync(LedgerEntry entry) => _journal.DurableAsync(Write(entry));

        /// <summary>Writes one line; returns its number among the lines this instance wrote.</summary>
        private long Write(LedgerEntry entry)
        {
            byte[] line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, Json) + "\n");
            lock (_gate)
            {
                long written = _journal.Append(line);
                _index?.Apply(entry);
                return written;
            }
        }

        /// <inheritdoc cref="LedgerJournal.KeepOpen"/>
        public IDisposable KeepOpen() => _journal.KeepOpen();

        /// <summary>The latest entry for a client on a server, or null.</summary>
        public LedgerEntry? Find(string server, string clientId) => Read(index => index.Find(server, clientId));

        /// <summary>
        /// The latest entry, on a server, for the client registered with a key (Created, Exists or Updated), or null.
        /// PMS derives Client IDs from the key, so the key finds the client even when the module's prediction of its
        /// ID was wrong (the entry holds the ID the server answered).
        /// </summary>
        public LedgerEntry? FindRegisteredKey(string server, string keyThumbprint) => Read(index => index.FindRegisteredKey(server, keyThumbprint));

        /// <summary>The latest entry per client, for one server (or all when null).</summary>
        public IReadOnlyList<LedgerEntry> All(string? server) => Read(index => index.All(server));

        /// <summary>The latest entries (one per client, any server) that record <paramref name="privateKeyPemPath"/> as their key file.</summary>
        public IReadOnlyList<LedgerEntry> WithKeyFile(string privateKeyPemPath) => Read(index => index.WithKeyFile(privateKeyPemPath));

        /// <summary>
        /// A lookup after reading what was appended since the last read (by this process or another), so a decision
        /// (Exists or Created) sees every entry written before it.
        /// </summary>
        private T Read<T>(Func<LatestEntryIndex, T> lookup)
        {
            lock (_gate)
            {
                LatestEntryIndex index = _index ??= new LatestEntryIndex();
                _readTo = _journal.ReadSince(_readTo, index.Clear, line => Parse(index, line));
                return lookup(index);
            }
        }

        private static void Parse(LatestEntryIndex index, string line)
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
                index.Apply(e);
            }
        }
    }
}
