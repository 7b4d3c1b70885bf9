using System.Collections.Concurrent;

namespace Esignet.Sandbox.State;

/// <summary>PMS's <c>oidc_client</c> table, keyed by the derived Client ID (pms-api.md §4.9).</summary>
public sealed class PmsClientStore
{
    private readonly ConcurrentDictionary<string, PmsClientRecord> _byId = new(StringComparer.Ordinal);

    public event Action? Changed;

    public bool Contains(string id) => _byId.ContainsKey(id);

    public bool TryGet(string id, out PmsClientRecord record) => _byId.TryGetValue(id, out record!);

    public IReadOnlyList<PmsClientRecord> Snapshot() => _byId.Values.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();

    /// <summary>False when the id exists (the real table's primary key).</summary>
    public bool TryInsert(PmsClientRecord record)
    {
        if (!_byId.TryAdd(record.Id, record)) return false;
        Changed?.Invoke();
        return true;
    }

    public void Replace(PmsClientRecord record)
    {
        _byId[record.Id] = record;
        Changed?.Invoke();
    }

    public void Clear()
    {
        _byId.Clear();
        Changed?.Invoke();
    }

    public void Load(IEnumerable<PmsClientRecord> records)
    {
        foreach (var record in records) _byId[record.Id] = record;
    }
}
