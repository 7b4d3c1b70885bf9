using Esignet.Sandbox.Faults;
using Esignet.Sandbox.Hosting;
using Esignet.Sandbox.Json;
using Esignet.Sandbox.Versions;

namespace Esignet.Sandbox.Esignet;

/// <summary>
/// The HTTP face of eSignet client management, E1–E7 under <c>/v1/esignet/client-mgmt</c> (esignet-api.md §1.2).
/// All routes are mapped on every line; each request checks, in Spring's order, CSRF (when on), the bearer token,
/// whether the endpoint exists on the active line (404/405), the Content-Type (415), then the body.
/// </summary>
public static class ClientManagementEndpoints
{
    private const string Base = "/v1/esignet/client-mgmt";

    public static void Map(WebApplication app)
    {
        MapEndpoint(app, "POST", "/oidc-client", ClientEndpoint.CreateOidcClient);
        MapEndpoint(app, "PUT", "/oidc-client/{client_id}", ClientEndpoint.UpdateOidcClient);
        MapEndpoint(app, "POST", "/oauth-client", ClientEndpoint.CreateOAuthClient);
        MapEndpoint(app, "PUT", "/oauth-client/{client_id}", ClientEndpoint.UpdateOAuthClient);
        MapEndpoint(app, "POST", "/client", ClientEndpoint.CreateClient);
        MapEndpoint(app, "PUT", "/client/{client_id}", ClientEndpoint.UpdateClient);
        MapEndpoint(app, "PATCH", "/client/{client_id}", ClientEndpoint.PatchClient);
        // Anything else under client-mgmt (e.g. GET: there is no read API, §1.3): security first, then 404/405.
        app.Map(Base + "/{**rest}", HandleUnknownAsync).WithMetadata(new FaultScope(FaultTarget.ClientApi));
    }

    private static void MapEndpoint(WebApplication app, string method, string path, ClientEndpoint endpoint)
    {
        var route = $"{method} {Base}{path}";
        app.MapMethods(Base + path, [method], (HttpContext context) => HandleAsync(context, endpoint, route))
            .WithMetadata(new FaultScope(FaultTarget.ClientApi));
    }

    private static async Task HandleAsync(HttpContext context, ClientEndpoint endpoint, string route)
    {
        var services = context.RequestServices;
        var runtime = services.GetRequiredService<SandboxRuntime>();
        var line = runtime.Active.Esignet;
        if (!await PassSecurityAsync(context, runtime)) return;

        if (!line.Has(endpoint))
        {
            await ProblemResponses.WriteAsync(context, SameShapeExists(line, endpoint) ? 405 : 404, line);
            return;
        }
        if (!HttpJson.HasJsonContentType(context.Request))
        {
            await ProblemResponses.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, line);
            return;
        }
        var (document, parseError) = await HttpJson.ReadAsync(context);
        if (document is null)
        {
            // HttpMessageNotReadableException → unknown_error (§1.6).
            var message = parseError is null ? "Required request body is missing" : "JSON parse error: " + parseError;
            await EsignetResponses.WriteAsync(context, EsignetOutcome.Failure(new EsignetError("unknown_error", message)), runtime.Clock);
            return;
        }
        using (document)
        {
            var clientId = context.Request.RouteValues["client_id"] as string;
            var outcome = services.GetRequiredService<ClientManagementService>().Execute(endpoint, clientId, document.RootElement, route);
            await EsignetResponses.WriteAsync(context, outcome, runtime.Clock);
        }
    }

    private static async Task HandleUnknownAsync(HttpContext context)
    {
        var runtime = context.RequestServices.GetRequiredService<SandboxRuntime>();
        if (!await PassSecurityAsync(context, runtime)) return;
        var rest = (context.Request.RouteValues["rest"] as string ?? "").Trim('/');
        var line = runtime.Active.Esignet;
        var shapeExists = Enum.GetValues<ClientEndpoint>().Any(e => line.Has(e) && ShapeOf(e) == ShapeOfPath(rest));
        await ProblemResponses.WriteAsync(context, shapeExists ? 405 : 404, line);
    }

    /// <summary>CSRF (1.0/1.1-era mode) then the bearer token, as Spring Security's filter chain runs them.</summary>
    private static async Task<bool> PassSecurityAsync(HttpContext context, SandboxRuntime runtime)
    {
        var method = context.Request.Method;
        if (runtime.Settings.Csrf && method is "POST" or "PUT" or "PATCH" or "DELETE" && !CsrfGate.IsSatisfied(context))
        {
            CsrfGate.Refuse(context);
            return false;
        }
        var gate = context.RequestServices.GetRequiredService<BearerTokenGate>();
        return await gate.AuthorizeAsync(context, BearerTokenGate.RequiredScope(method));
    }

    /// <summary>405 when another method is mapped on the same path in this line, else 404.</summary>
    private static bool SameShapeExists(EsignetLine line, ClientEndpoint endpoint) =>
        Enum.GetValues<ClientEndpoint>().Any(e => e != endpoint && line.Has(e) && ShapeOf(e) == ShapeOf(endpoint));

    private static string ShapeOf(ClientEndpoint e) => e switch
    {
        ClientEndpoint.CreateOidcClient => "oidc-client",
        ClientEndpoint.UpdateOidcClient => "oidc-client/*",
        ClientEndpoint.CreateOAuthClient => "oauth-client",
        ClientEndpoint.UpdateOAuthClient => "oauth-client/*",
        ClientEndpoint.CreateClient => "client",
        _ => "client/*",
    };

    private static string ShapeOfPath(string rest)
    {
        var segments = rest.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length switch
        {
            1 => segments[0],
            2 => segments[0] + "/*",
            _ => rest,
        };
    }
}
