using System.Collections.Concurrent;

namespace Esignet.Sandbox.Oidc;

/// <summary>
/// The <c>jti</c> cache of v1.7.0+ (esignet-api.md §6.2, <c>mosip.esignet.client-assertion.unique.jti.required</c>):
/// a jti seen within 86 400 s is a replay.
/// </summary>
public sealed class AssertionReplayCache
{
    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(86400);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    private long _inserts;

    public AssertionReplayCache(TimeProvider clock) => _clock = clock;

    /// <summary>Records the jti; false when it was already recorded and has not expired.</summary>
    public bool TryRecord(string clientId, string jti)
    {
        var now = _clock.GetUtcNow();
        if (Interlocked.Increment(ref _inserts) % 1024 == 0) Evict(now);
        var key = clientId + "\n" + jti;
        if (_seen.TryAdd(key, now + TimeToLive)) return true;
        if (_seen.TryGetValue(key, out var expiry) && expiry <= now)
        {
            _seen[key] = now + TimeToLive;
            return true;
        }
        return false;
    }

    public void Clear() => _seen.Clear();

    private void Evict(DateTimeOffset now)
    {
        foreach (var (key, expiry) in _seen)
        {
            if (expiry <= now) _seen.TryRemove(key, out _);
        }
    }
}
