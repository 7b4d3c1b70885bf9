using System.Globalization;
using System.Text.Json;
using Esignet.Sandbox.Control;
using Esignet.Sandbox.Faults;
using Esignet.Sandbox.Hosting;
using Esignet.Sandbox.Json;
using Esignet.Sandbox.State;
using Esignet.Sandbox.Tokens;

namespace Esignet.Sandbox.Pms;

/// <summary>
/// The HTTP face of PMS's OIDC client API under <c>/v1/partnermanager</c> (pms-api.md §3): <c>/oidc/client</c> on every
/// line, <c>/oauth/client</c> and its list on 1.2.2. Each request goes through the auth cookie (401), the endpoint's
/// existence on the line (404), the 1.2.2.2 feature flag, body binding (400/415) and bean validation (PMS_COR_001)
/// before <see cref="PmsClientService"/>.
/// </summary>
public static class PmsEndpoints
{
    private const string Base = "/v1/partnermanager";
    private const string ListId = "mosip.pms.oauth.partners.clients.get";

    public static void Map(WebApplication app)
    {
        foreach (var oauth in new[] { false, true })
        {
            var path = Base + (oauth ? "/oauth/client" : "/oidc/client");
            app.MapPost(path, (HttpContext c) => CreateAsync(c, oauth)).WithMetadata(new FaultScope(FaultTarget.ClientApi));
            app.MapPut(path + "/{client_id}", (HttpContext c, string client_id) => UpdateAsync(c, client_id, oauth)).WithMetadata(new FaultScope(FaultTarget.ClientApi));
            app.MapGet(path + "/{client_id}", (HttpContext c, string client_id) => GetAsync(c, client_id, oauth)).WithMetadata(new FaultScope(FaultTarget.ClientApi));
        }
        app.MapGet(Base + "/oauth/client", ListAsync).WithMetadata(new FaultScope(FaultTarget.ClientApi));
    }

    private static async Task CreateAsync(HttpContext context, bool oauth)
    {
        var (caller, request) = await AdmitAsync(context, oauth, withBody: true);
        if (caller is null || request is null) return;
        var runtime = Runtime(context);
        if (PmsRequestValidator.ValidateCreate(request, oauth) is { } invalid)
        {
            await PmsResponses.WriteErrorAsync(context, invalid, runtime.Clock);
            return;
        }
        var result = Service(context).Create(request, oauth, caller);
        await WriteClientStatusAsync(context, result, runtime.Clock);
    }

    private static async Task UpdateAsync(HttpContext context, string clientId, bool oauth)
    {
        var (caller, request) = await AdmitAsync(context, oauth, withBody: true);
        if (caller is null || request is null) return;
        var runtime = Runtime(context);
        if (PmsRequestValidator.ValidateUpdate(request, oauth) is { } invalid)
        {
            await PmsResponses.WriteErrorAsync(context, invalid, runtime.Clock);
            return;
        }
        var result = Service(context).Update(clientId, request, oauth, caller);
        await WriteClientStatusAsync(context, result, runtime.Clock);
    }

    private static async Task GetAsync(HttpContext context, string clientId, bool oauth)
    {
        var (caller, _) = await AdmitAsync(context, oauth, withBody: false);
        if (caller is null) return;
        var service = Service(context);
        var result = service.Get(clientId, caller);
        var clock = Runtime(context).Clock;
        if (result.Error is not null)
        {
            await PmsResponses.WriteErrorAsync(context, result.Error, clock);
            return;
        }
        var c = result.Value!;
        var policy = service.Directory.Policy(c.PolicyId);
        await PmsResponses.WriteSuccessAsync(context, w =>
        {
            // ClientDetail (§4.6): publicKey is a JSON string; redirectUris are split on ','.
            w.WriteStartObject();
            w.WriteString("id", c.Id);
            w.WriteString("name", c.Name);
            w.WriteString("policyId", c.PolicyId);
            w.WriteString("policyName", policy?.Name ?? "");
            w.WriteString("relyingPartyId", c.RelyingPartyId);
            w.WriteString("logoUri", c.LogoUri);
            WriteArray(w, "redirectUris", c.RedirectUris.Split(','));
            w.WriteString("publicKey", c.PublicKey);
            WriteArray(w, "claims", c.Claims);
            WriteArray(w, "acrValues", c.AcrValues);
            w.WriteString("status", c.Status);
            WriteArray(w, "grantTypes", c.GrantTypes);
            WriteArray(w, "clientAuthMethods", c.ClientAuthMethods);
            w.WriteEndObject();
        }, clock);
    }

    /// <summary>§4.7: roles PARTNER_ADMIN or AUTH_PARTNER (else 403 KER-ATH-403), filters, sort and optional paging.</summary>
    private static async Task ListAsync(HttpContext context)
    {
        var (caller, _) = await AdmitAsync(context, oauth: true, withBody: false);
        if (caller is null) return;
        var clock = Runtime(context).Clock;
        if (!caller.Roles.Any(r => r is "PARTNER_ADMIN" or "AUTH_PARTNER"))
        {
            await PmsResponses.WriteKernelErrorAsync(context, StatusCodes.Status403Forbidden, "KER-ATH-403", "Forbidden", clock);
            return;
        }
        var service = Service(context);
        var result = service.List(caller);
        if (result.Error is not null)
        {
            await PmsResponses.WriteV2Async(context, ListId, null, result.Error, clock);
            return;
        }
        var query = context.Request.Query;
        var rows = result.Value!.Select(c => ClientSummary.Of(c, service.Directory)).Where(s => s.Matches(query)).ToList();
        rows = ClientSummary.Sort(rows, query["sortFieldName"].ToString(), query["sortType"].ToString());
        var total = rows.Count;
        var paged = int.TryParse(query["pageNo"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var pageNo) &
                    int.TryParse(query["pageSize"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var pageSize) && pageSize > 0 && pageNo >= 0;
        if (paged) rows = rows.Skip(pageNo * pageSize).Take(pageSize).ToList();
        await PmsResponses.WriteV2Async(context, ListId, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("pageNo", paged ? pageNo : 0);
            w.WriteNumber("pageSize", paged ? pageSize : total);
            w.WriteNumber("totalResults", total);
            w.WriteStartArray("data");
            foreach (var row in rows) row.Write(w);
            w.WriteEndArray();
            w.WriteEndObject();
        }, null, clock);
    }

    /// <summary>
    /// Authentication, endpoint existence, feature flag and (for POST/PUT) the body. Null caller or request means the
    /// answer has been written.
    /// </summary>
    private static async Task<(TokenPrincipal? Caller, BoundFields? Request)> AdmitAsync(HttpContext context, bool oauth, bool withBody)
    {
        var caller = await PmsCookieAuthentication.AuthenticateAsync(context);
        if (caller is null) return (null, null);
        var runtime = Runtime(context);
        var line = runtime.Active.Pms;
        if (oauth && !line.HasOAuthEndpoints)
        {
            RequestOutcome.Set(context, "http:404");
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return (null, null);
        }
        if (line.HasFeatureFlag && !runtime.Settings.PmsOidcFeatureAvailable)
        {
            await PmsResponses.WriteErrorAsync(context, PmsErrors.FeatureUnavailable, runtime.Clock);
            return (null, null);
        }
        if (!withBody) return (caller, null);
        return (caller, await ReadRequestAsync(context, oauth, runtime));
    }

    /// <summary>
    /// Spring's binding: wrong Content-Type 415, unreadable JSON / wrong member types / a requesttime not in the pattern 400
    /// with an empty body (§2.2 [inference]); a null request is the first bean-validation error.
    /// </summary>
    private static async Task<BoundFields?> ReadRequestAsync(HttpContext context, bool oauth, SandboxRuntime runtime)
    {
        if (!HttpJson.HasJsonContentType(context.Request)) return Refuse(context, StatusCodes.Status415UnsupportedMediaType);
        var (document, _) = await HttpJson.ReadAsync(context);
        if (document is null) return Refuse(context, StatusCodes.Status400BadRequest);
        using (document)
        {
            if (!LenientJsonBinder.TryBind(document.RootElement, PmsRequestShapes.Wrapper, out var wrapper)) return Refuse(context, 400);
            // requesttime is a LocalDateTime (pms-common RequestWrapper.java@v1.2.2.2); Jackson's jsr310 deserializer
            // turns a blank string into null, so "" goes on to normal validation; any other non-pattern text is 400.
            if (wrapper.Text("requesttime") is { } time && time.Trim().Length > 0 && !UtcTimestamp.TryParse(time, out _)) return Refuse(context, 400);
            if (wrapper.Element("request") is not { } body)
            {
                await PmsResponses.WriteErrorAsync(context, PmsErrors.Validation("must not be null", "request"), runtime.Clock);
                return null;
            }
            var method = context.Request.Method;
            var shape = method == "POST" ? PmsRequestShapes.Create(oauth) : PmsRequestShapes.Update(oauth);
            // Clone: the bound elements must outlive the document.
            return LenientJsonBinder.TryBind(body.Clone(), shape, out var request) ? request : Refuse(context, 400);
        }
    }

    private static BoundFields? Refuse(HttpContext context, int status)
    {
        RequestOutcome.Set(context, "http:" + status);
        context.Response.StatusCode = status;
        return null;
    }

    private static Task WriteClientStatusAsync(HttpContext context, PmsResult<PmsClientRecord> result, TimeProvider clock) =>
        result.Error is not null
            ? PmsResponses.WriteErrorAsync(context, result.Error, clock)
            : PmsResponses.WriteSuccessAsync(context, w =>
            {
                w.WriteStartObject();
                w.WriteString("clientId", result.Value!.Id);
                w.WriteString("status", result.Value.Status);
                w.WriteEndObject();
            }, clock);

    private static void WriteArray(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static SandboxRuntime Runtime(HttpContext context) => context.RequestServices.GetRequiredService<SandboxRuntime>();

    private static PmsClientService Service(HttpContext context) => context.RequestServices.GetRequiredService<PmsClientService>();
}
