namespace Esignet.Sandbox.Control;

/// <summary>
/// Lets an endpoint name the outcome of a request ("success", "error:duplicate_client_id", …) for the
/// per-route counters of <c>GET /_sandbox/requests</c>; without one the HTTP status is used.
/// </summary>
public static class RequestOutcome
{
    private const string Key = "sandbox.outcome";

    public static void Set(HttpContext context, string outcome) => context.Items[Key] = outcome;

    public static void Success(HttpContext context) => Set(context, "success");

    public static void Error(HttpContext context, string? code) => Set(context, "error:" + (code ?? "null"));

    public static string? Get(HttpContext context) => context.Items.TryGetValue(Key, out var v) ? v as string : null;
}
