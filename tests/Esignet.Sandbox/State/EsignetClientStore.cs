using System.Collections.Concurrent;
using Esignet.Sandbox.Versions;

namespace Esignet.Sandbox.State;

/// <summary>The outcome of an insert into <see cref="EsignetClientStore"/>.</summary>
public enum InsertOutcome
{
    Inserted,
    DuplicateClientId,
    DuplicateKey,
}

/// <summary>
/// eSignet's client table: lock-free on the hot path. The primary key is the client id; each uniqueness rule of
/// esignet-api.md §3.2 has its own index, so switching the emulated line at run time needs no rebuild.
/// </summary>
public sealed class EsignetClientStore
{
    private readonly ConcurrentDictionary<string, EsignetClientRecord> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _byNormalisedKey = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _byModulus = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _byHash = new(StringComparer.Ordinal);

    /// <summary>Raised after every successful insert or update (persistence listens).</summary>
    public event Action? Changed;

    public int Count => _byId.Count;

    public bool Contains(string clientId) => _byId.ContainsKey(clientId);

    public bool TryGet(string clientId, out EsignetClientRecord record) => _byId.TryGetValue(clientId, out record!);

    public IReadOnlyList<EsignetClientRecord> Snapshot() => _byId.Values.OrderBy(r => r.CreatedAt).ThenBy(r => r.ClientId, StringComparer.Ordinal).ToList();

    /// <summary>Inserts unless the id exists or the key collides under the given rule (checked atomically per index).</summary>
    public InsertOutcome TryInsert(EsignetClientRecord record, KeyUniquenessRule rule)
    {
        if (_byId.ContainsKey(record.ClientId)) return InsertOutcome.DuplicateClientId;
        var (index, identity) = IndexFor(record, rule);
        if (identity is not null && !index.TryAdd(identity, record.ClientId)) return InsertOutcome.DuplicateKey;
        if (!_byId.TryAdd(record.ClientId, record))
        {
            if (identity is not null) index.TryRemove(new KeyValuePair<string, string>(identity, record.ClientId));
            return InsertOutcome.DuplicateClientId;
        }
        AddToOtherIndexes(record);
        Changed?.Invoke();
        return InsertOutcome.Inserted;
    }

    /// <summary>Replaces an existing row (update paths never change the key or id).</summary>
    public void Replace(EsignetClientRecord record)
    {
        _byId[record.ClientId] = record;
        Changed?.Invoke();
    }

    public void Clear()
    {
        _byId.Clear();
        _byNormalisedKey.Clear();
        _byModulus.Clear();
        _byHash.Clear();
        Changed?.Invoke();
    }

    /// <summary>Loads persisted rows without uniqueness checks (they were checked when stored).</summary>
    public void Load(IEnumerable<EsignetClientRecord> records)
    {
        foreach (var record in records)
        {
            _byId[record.ClientId] = record;
            AddToOtherIndexes(record);
        }
    }

    private (ConcurrentDictionary<string, string> Index, string? Identity) IndexFor(EsignetClientRecord record, KeyUniquenessRule rule) => rule switch
    {
        KeyUniquenessRule.NormalisedJwk => (_byNormalisedKey, record.PublicKey),
        // EC keys have no 'n' and are not constrained by the v1.5.1–v1.7.1 index.
        KeyUniquenessRule.RsaModulus => (_byModulus, record.PublicKeyType == "RSA" ? record.PublicKeyModulusOrPoint : null),
        _ => (_byHash, record.PublicKeyHash),
    };

    private void AddToOtherIndexes(EsignetClientRecord record)
    {
        _byNormalisedKey.TryAdd(record.PublicKey, record.ClientId);
        if (record.PublicKeyType == "RSA") _byModulus.TryAdd(record.PublicKeyModulusOrPoint, record.ClientId);
        _byHash.TryAdd(record.PublicKeyHash, record.ClientId);
    }
}
