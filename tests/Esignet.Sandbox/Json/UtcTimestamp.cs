using System.Globalization;

namespace Esignet.Sandbox.Json;

/// <summary>
/// The one timestamp format of both servers: <c>yyyy-MM-dd'T'HH:mm:ss.SSS'Z'</c> (esignet-api.md §1.4,
/// pms-api.md §2.1): exactly three fractional digits and a literal Z, no offsets.
/// </summary>
public static class UtcTimestamp
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string ToText(DateTimeOffset time) => time.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static string Now(TimeProvider clock) => ToText(clock.GetUtcNow());

    /// <summary>Parses exactly the pattern; anything else (offsets, other precisions, no Z) fails.</summary>
    public static bool TryParse(string? text, out DateTime utc) =>
        DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out utc);
}
