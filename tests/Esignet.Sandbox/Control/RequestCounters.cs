using System.Collections.Concurrent;

namespace Esignet.Sandbox.Control;

/// <summary>
/// Per-route request counts for <c>GET /_sandbox/requests</c>: keyed by "METHOD /route/{template}", each with a
/// total and counts per outcome ("success", "error:duplicate_client_id", "http:401", "fault:drop", ...). Lets tests
/// prove that a retry did not create a client twice.
/// </summary>
public sealed class RequestCounters
{
    private readonly ConcurrentDictionary<string, RouteCounter> _routes = new(StringComparer.Ordinal);

    public void Record(string route, string outcome) => _routes.GetOrAdd(route, _ => new RouteCounter()).Record(outcome);

    public void Clear() => _routes.Clear();

    public IReadOnlyDictionary<string, (long Count, IReadOnlyDictionary<string, long> Outcomes)> Snapshot() =>
        _routes.OrderBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(p => p.Key, p => p.Value.Snapshot(), StringComparer.Ordinal);

    private sealed class RouteCounter
    {
        private readonly ConcurrentDictionary<string, long> _outcomes = new(StringComparer.Ordinal);
        private long _count;

        public void Record(string outcome)
        {
            Interlocked.Increment(ref _count);
            _outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
        }

        public (long, IReadOnlyDictionary<string, long>) Snapshot() =>
            (Interlocked.Read(ref _count), _outcomes.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
    }
}
