namespace Esignet.Sandbox.Hosting;

/// <summary>
/// A clock set <c>--clock-offset-seconds</c> away from this machine's: the sandbox then behaves like a server whose
/// clock is skewed (requestTime checks, responseTime, token times and the Date header all follow it).
/// </summary>
public sealed class OffsetClock(TimeProvider inner, TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + offset;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;
}
