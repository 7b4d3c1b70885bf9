namespace Esignet.Sandbox.Control;

/// <summary>
/// Counts every request outside <c>/_sandbox/</c> under its route template, after the response (or the fault)
/// decided its outcome. Runs before the fault middleware so that dropped and throttled requests are counted too, and
/// performs a requested connection abort only after counting (<see cref="Faults.ConnectionAbort"/>).
/// </summary>
public sealed class RequestCountingMiddleware
{
    private readonly RequestDelegate _next;
    private readonly RequestCounters _counters;

    public RequestCountingMiddleware(RequestDelegate next, RequestCounters counters)
    {
        _next = next;
        _counters = counters;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (ControlEndpoints.IsControlPath(context.Request.Path))
        {
            await _next(context);
            return;
        }
        try
        {
            await _next(context);
        }
        finally
        {
            _counters.Record(RouteName(context), RequestOutcome.Get(context) ?? "http:" + context.Response.StatusCode);
        }
        if (Faults.ConnectionAbort.IsRequested(context)) context.Abort();
    }

    /// <summary>"POST /v1/esignet/client-mgmt/client", "PUT /v1/partnermanager/oidc/client/{client_id}", or the raw path when unrouted.</summary>
    public static string RouteName(HttpContext context)
    {
        var template = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        if (template is not null && !template.StartsWith('/')) template = "/" + template;
        return context.Request.Method + " " + (template ?? context.Request.Path.Value);
    }
}
