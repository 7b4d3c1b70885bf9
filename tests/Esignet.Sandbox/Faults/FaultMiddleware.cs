using Esignet.Sandbox.Control;
using Esignet.Sandbox.Hosting;

namespace Esignet.Sandbox.Faults;

/// <summary>
/// Applies latency and the fault plan to routes marked with <see cref="FaultScope"/>: client APIs always, token
/// endpoints only with <see cref="SandboxSettings.FaultTokenEndpoints"/>. <c>/_sandbox/</c>, discovery and the OIDC
/// UI endpoints are never faulted.
/// </summary>
public sealed class FaultMiddleware
{
    /// <summary>Seconds announced in Retry-After on a 429.</summary>
    public const int RetryAfterSeconds = 1;

    private readonly RequestDelegate _next;
    private readonly SandboxRuntime _runtime;
    private readonly FaultPlan _plan;

    public FaultMiddleware(RequestDelegate next, SandboxRuntime runtime, FaultPlan plan)
    {
        _next = next;
        _runtime = runtime;
        _plan = plan;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var scope = context.GetEndpoint()?.Metadata.GetMetadata<FaultScope>();
        var settings = _runtime.Settings;
        if (scope is null || (scope.Target == FaultTarget.TokenEndpoint && !settings.FaultTokenEndpoints))
        {
            await _next(context);
            return;
        }
        if (settings.LatencyMs > 0) await Task.Delay(settings.LatencyMs, context.RequestAborted);

        var fault = _plan.Decide(settings);
        switch (fault)
        {
            case FaultKind.None:
                await _next(context);
                return;
            case FaultKind.Drop:
                RequestOutcome.Set(context, "fault:drop");
                ConnectionAbort.Request(context);
                return;
            case FaultKind.InternalServerError:
            case FaultKind.ServiceUnavailable:
                RequestOutcome.Set(context, fault == FaultKind.InternalServerError ? "fault:500" : "fault:503");
                context.Response.StatusCode = fault == FaultKind.InternalServerError ? 500 : 503;
                return;
            case FaultKind.Throttle:
                RequestOutcome.Set(context, "fault:429");
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return;
            case FaultKind.CommitThenDrop:
                // Process fully into a buffer that is never sent, then have the connection cut: the state changed, the
                // caller learns nothing.
                context.Response.Body = new MemoryStream();
                await _next(context);
                RequestOutcome.Set(context, "fault:commit-then-drop:" + (RequestOutcome.Get(context) ?? "http:" + context.Response.StatusCode));
                ConnectionAbort.Request(context);
                return;
        }
    }
}
