using Esignet.Sandbox.Json;
using Esignet.Sandbox.Validation;

namespace Esignet.Sandbox.Esignet;

/// <summary>
/// <c>RequestTimeValidator</c> (esignet-api.md §1.4): non-blank, exactly <c>yyyy-MM-dd'T'HH:mm:ss.SSS'Z'</c>, and
/// strictly inside now ± 2 minutes (<c>mosip.esignet.reqtime.leeway-minutes</c>).
/// </summary>
public static class RequestTimeRule
{
    public static readonly TimeSpan Leeway = TimeSpan.FromMinutes(2);

    public static bool IsValid(string? requestTime, DateTimeOffset now)
    {
        if (JavaText.IsWhitespaceBlank(requestTime)) return false;
        if (!UtcTimestamp.TryParse(requestTime, out var time)) return false;
        var utcNow = now.UtcDateTime;
        return time > utcNow - Leeway && time < utcNow + Leeway;
    }
}
