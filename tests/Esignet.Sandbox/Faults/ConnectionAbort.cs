namespace Esignet.Sandbox.Faults;

/// <summary>
/// A dropped connection is requested by the fault middleware but carried out by the outermost middleware, after the
/// request has been counted: a caller that sees the reset and then reads <c>/_sandbox/requests</c> must find it there.
/// </summary>
public static class ConnectionAbort
{
    private const string Key = "sandbox.abort";

    public static void Request(HttpContext context) => context.Items[Key] = true;

    public static bool IsRequested(HttpContext context) => context.Items.ContainsKey(Key);
}
