using Esignet.Sandbox.Hosting;

namespace Esignet.Sandbox.Faults;

/// <summary>
/// The sequence of fault decisions. One seeded generator draws two numbers per faultable request (which fault, and
/// 500 vs 503), so the n-th request gets the same fault on every run with the same seed and the same rates,
/// whatever the outcome of earlier requests. A new seed (or a reset) restarts the sequence.
/// </summary>
public sealed class FaultPlan
{
    private readonly Lock _gate = new();
    private Random _random;

    public FaultPlan(SandboxRuntime runtime)
    {
        Seed = runtime.Settings.Seed ?? Random.Shared.NextInt64(1, int.MaxValue);
        _random = new Random(unchecked((int)Seed));
        runtime.SettingsChanged += (previous, next) =>
        {
            if (previous.Seed != next.Seed) Restart(next.Seed);
        };
    }

    /// <summary>The seed in use (the configured one, or the random one picked at start).</summary>
    public long Seed { get; private set; }

    /// <summary>Starts the sequence again from <paramref name="seed"/> (or the current seed).</summary>
    public void Restart(long? seed)
    {
        lock (_gate)
        {
            Seed = seed ?? Seed;
            _random = new Random(unchecked((int)Seed));
        }
    }

    public FaultKind Decide(SandboxSettings settings)
    {
        double which, status;
        lock (_gate)
        {
            which = _random.NextDouble();
            status = _random.NextDouble();
        }
        var threshold = settings.DropRate;
        if (which < threshold) return FaultKind.Drop;
        threshold += settings.CommitThenDropRate;
        if (which < threshold) return FaultKind.CommitThenDrop;
        threshold += settings.FailRate;
        if (which < threshold) return status < 0.5 ? FaultKind.InternalServerError : FaultKind.ServiceUnavailable;
        threshold += settings.ThrottleRate;
        if (which < threshold) return FaultKind.Throttle;
        return FaultKind.None;
    }

    /// <summary>PMS: does the step after the eSignet create (keymanager/WebSub) fail this time?</summary>
    public bool PublishFails(double rate)
    {
        if (rate <= 0) return false;
        lock (_gate) return _random.NextDouble() < rate;
    }
}
