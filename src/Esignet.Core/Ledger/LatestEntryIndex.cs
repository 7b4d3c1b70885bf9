using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace Esignet.Core.Ledger
{
    /// <summary>
    /// The latest ledger entry per (server, clientId), with lookups by client, by registered key and by key file.
    /// The later entry wins, except that an attempt (Pending, Failed) never hides an earlier Created, Exists or
    /// Updated one: the client exists on the server whatever a later attempt did. Not thread-safe: the ledger
    /// holds its lock around every call.
    /// </summary>
    internal sealed class LatestEntryIndex
    {
        private readonly Dictionary<string, LedgerEntry> _latest = new Dictionary<string, LedgerEntry>(StringComparer.Ordinal);
        private readonly Dictionary<string, Dictionary<string, LedgerEntry>> _byKeyFile = new Dictionary<string, Dictionary<string, LedgerEntry>>(
            RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase); // key file -> clients recording it

        public void Clear()
        {
            _latest.Clear();
            _byKeyFile.Clear();
        }

        public void Apply(LedgerEntry e)
        {
            string key = Key(e.Server, e.ClientId);
            if (_latest.TryGetValue(key, out LedgerEntry? before))
            {
                if (before.IsRegistered && !e.IsRegistered)
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

        public LedgerEntry? Find(string server, string clientId) => _latest.TryGetValue(Key(server, clientId), out LedgerEntry? e) ? e : null;

        /// <summary>The latest registered entry (Created, Exists or Updated) on a server for a key, or null.</summary>
        public LedgerEntry? FindRegisteredKey(string server, string keyThumbprint)
        {
            string prefix = Key(server, string.Empty);
            LedgerEntry? found = null;
            foreach (KeyValuePair<string, LedgerEntry> pair in _latest)
            {
                LedgerEntry e = pair.Value;
                if (pair.Key.StartsWith(prefix, StringComparison.Ordinal) && e.KeyThumbprint == keyThumbprint && e.IsRegistered
                    && (found == null || e.Time > found.Time))
                {
                    found = e;
                }
            }

            return found;
        }

        /// <summary>The latest entry per client, for one server (or all when null), oldest first.</summary>
        public IReadOnlyList<LedgerEntry> All(string? server)
        {
            var list = new List<LedgerEntry>();
            foreach (LedgerEntry e in _latest.Values)
            {
                if (server == null || string.Equals(e.Server, server, StringComparison.OrdinalIgnoreCase))
                {
                    list.Add(e);
                }
            }

            list.Sort((a, b) => a.Time.CompareTo(b.Time));
            return list;
        }

        /// <summary>The latest entries (one per client, any server) that record <paramref name="privateKeyPemPath"/> as their key file.</summary>
        public IReadOnlyList<LedgerEntry> WithKeyFile(string privateKeyPemPath) =>
            _byKeyFile.TryGetValue(privateKeyPemPath, out Dictionary<string, LedgerEntry>? users) ? new List<LedgerEntry>(users.Values) : new List<LedgerEntry>();

        private static string Key(string server, string clientId) => server.TrimEnd('/').ToLowerInvariant() + "\n" + clientId;
    }
}
