using System.Text.Json;
using Esignet.Sandbox.Control;
using Esignet.Sandbox.Hosting;
using Esignet.Sandbox.Json;
using Esignet.Sandbox.Tokens;

namespace Esignet.Sandbox.Pms.Onboarding;

/// <summary>
/// What every onboarding endpoint does before its service: the cookie token (401 KER-ATH-401), the role table of
/// pms-partner-onboarding.md §1 (403 KER-ATH-403), and the request wrapper (415/400, null request → PMS_COR_001).
/// The wrapper's <c>id</c>/<c>version</c> are kept: several success answers copy them (§1 "Envelopes").
/// </summary>
public static class OnboardingHttp
{
    public sealed record Body(string? Id, string? Version, BoundFields Request);

    /// <summary>The caller, or null when the 401/403 has been written. Null <paramref name="roles"/>: any valid token.</summary>
    public static async Task<TokenPrincipal?> AdmitAsync(HttpContext context, IReadOnlyCollection<string>? roles)
    {
        var caller = await PmsCookieAuthentication.AuthenticateAsync(context);
        if (caller is null) return null;
        if (roles is not null && !caller.Roles.Any(roles.Contains))
        {
            await PmsResponses.WriteKernelErrorAsync(context, StatusCodes.Status403Forbidden, "KER-ATH-403", "Forbidden", Clock(context));
            return null;
        }
        return caller;
    }

    /// <summary>
    /// Spring's binding of the wrapper and the DTO: 415 without JSON, 400 for unreadable JSON or a member of the wrong
    /// type, a requesttime outside the pattern 400; a missing request is PMS_COR_001 (written with <paramref name="writeError"/>).
    /// </summary>
    public static async Task<Body?> ReadAsync(HttpContext context, IReadOnlyList<JsonField> shape, Func<PmsError, Task> writeError)
    {
        if (!HttpJson.HasJsonContentType(context.Request)) return Refuse(context, StatusCodes.Status415UnsupportedMediaType);
        var (document, _) = await HttpJson.ReadAsync(context);
        if (document is null) return Refuse(context, StatusCodes.Status400BadRequest);
        using (document)
        {
            if (!LenientJsonBinder.TryBind(document.RootElement, PmsRequestShapes.Wrapper, out var wrapper)) return Refuse(context, 400);
            if (wrapper.Text("requesttime") is { } time && time.Trim().Length > 0 && !UtcTimestamp.TryParse(time, out _)) return Refuse(context, 400);
            if (wrapper.Element("request") is not { ValueKind: not JsonValueKind.Null } body)
            {
                await writeError(PmsErrors.Validation("must not be null", "request"));
                return null;
            }
            if (!LenientJsonBinder.TryBind(body.Clone(), shape, out var request)) return Refuse(context, 400);
            return new Body(wrapper.Text("id"), wrapper.Text("version"), request);
        }
    }

    /// <summary>The policy manager's ResponseWrapper: no metadata; errors as HTTP 200 with the request's id/version ("" when absent).</summary>
    public static Task WritePolicyAsync(HttpContext context, Body? body, Action<Utf8JsonWriter>? writeResponse, PmsError? error)
    {
        if (error is null) RequestOutcome.Success(context);
        else RequestOutcome.Error(context, error.Code);
        return HttpJson.WriteAsync(context, 200, w =>
        {
            w.WriteStartObject();
            if (error is not null)
            {
                w.WriteString("id", body?.Id ?? "");
                w.WriteString("version", body?.Version ?? "");
            }
            else
            {
                WriteNullable(w, "id", body?.Id);
                WriteNullable(w, "version", body?.Version);
            }
            w.WriteString("responsetime", UtcTimestamp.Now(Clock(context)));
            w.WritePropertyName("response");
            if (error is null && writeResponse is not null) writeResponse(w);
            else w.WriteNullValue();
            w.WriteStartArray("errors");
            if (error is not null)
            {
                w.WriteStartObject();
                w.WriteString("errorCode", error.Code);
                w.WriteString("message", error.Message);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>The partnermanager's ResponseWrapper for a success, with the given id/version (copied or fixed per endpoint).</summary>
    public static Task WritePartnerAsync(HttpContext context, string? id, string? version, Action<Utf8JsonWriter> writeResponse)
    {
        RequestOutcome.Success(context);
        return HttpJson.WriteAsync(context, 200, w =>
        {
            w.WriteStartObject();
            WriteNullable(w, "id", id);
            WriteNullable(w, "version", version);
            w.WriteString("responsetime", UtcTimestamp.Now(Clock(context)));
            w.WriteNull("metadata");
            w.WritePropertyName("response");
            writeResponse(w);
            w.WriteStartArray("errors");
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    public static Task WritePartnerErrorAsync(HttpContext context, PmsError error) => PmsResponses.WriteErrorAsync(context, error, Clock(context));

    public static TimeProvider Clock(HttpContext context) => context.RequestServices.GetRequiredService<SandboxRuntime>().Clock;

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    private static Body? Refuse(HttpContext context, int status)
    {
        RequestOutcome.Set(context, "http:" + status);
        context.Response.StatusCode = status;
        return null;
    }
}
