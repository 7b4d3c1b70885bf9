using System.Text.Json;
using Esignet.Sandbox.Control;
using Esignet.Sandbox.Json;

namespace Esignet.Sandbox.Pms;

/// <summary>
/// PMS's response bodies (pms-api.md §2.2): the <c>ResponseWrapper</c> for success, the per-handler error shapes,
/// the kernel auth adapter's 401/403, and <c>ResponseWrapperV2</c> (camelCase responseTime) for the list endpoint.
/// Business and validation errors are HTTP 200.
/// </summary>
public static class PmsResponses
{
    public static Task WriteSuccessAsync(HttpContext context, Action<Utf8JsonWriter> writeResponse, TimeProvider clock)
    {
        RequestOutcome.Success(context);
        return HttpJson.WriteAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteNull("id");
            w.WriteNull("version");
            w.WriteString("responsetime", UtcTimestamp.Now(clock));
            w.WriteNull("metadata");
            w.WritePropertyName("response");
            writeResponse(w);
            w.WriteStartArray("errors");
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    public static Task WriteErrorAsync(HttpContext context, PmsError error, TimeProvider clock)
    {
        RequestOutcome.Error(context, error.Code);
        return HttpJson.WriteAsync(context, 200, w =>
        {
            w.WriteStartObject();
            switch (error.Style)
            {
                case PmsErrorStyle.Business:
                    w.WriteString("id", "mosip.partnermanagement");
                    w.WriteString("version", "1.0");
                    w.WriteString("responsetime", UtcTimestamp.Now(clock));
                    w.WriteNull("metadata");
                    w.WriteNull("response");
                    break;
                case PmsErrorStyle.Validation:
                    // A LinkedHashMap built by hand in the handler: this key order.
                    w.WriteNull("id");
                    w.WriteNull("version");
                    w.WriteNull("metadata");
                    w.WriteNull("response");
                    w.WriteString("responsetime", UtcTimestamp.Now(clock));
                    break;
                default:
                    w.WriteNull("id");
                    w.WriteNull("version");
                    w.WriteString("responsetime", UtcTimestamp.Now(clock));
                    w.WriteNull("metadata");
                    w.WriteNull("response");
                    break;
            }
            WriteErrors(w, error.Code, error.Message);
            w.WriteEndObject();
        });
    }

    /// <summary>The kernel auth adapter's answer (KER-ATH-401 / KER-ATH-403), also used by authmanager.</summary>
    public static Task WriteKernelErrorAsync(HttpContext context, int status, string code, string message, TimeProvider clock)
    {
        RequestOutcome.Error(context, code);
        return HttpJson.WriteAsync(context, status, w =>
        {
            w.WriteStartObject();
            w.WriteNull("id");
            w.WriteNull("version");
            w.WriteString("responsetime", UtcTimestamp.Now(clock));
            w.WriteNull("metadata");
            w.WriteNull("response");
            WriteErrors(w, code, message);
            w.WriteEndObject();
        });
    }

    /// <summary><c>ResponseWrapperV2</c> (§2.2, §4.7): success when <paramref name="error"/> is null.</summary>
    public static Task WriteV2Async(HttpContext context, string id, Action<Utf8JsonWriter>? writeResponse, PmsError? error, TimeProvider clock)
    {
        if (error is null) RequestOutcome.Success(context);
        else RequestOutcome.Error(context, error.Code);
        return HttpJson.WriteAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("id", id);
            w.WriteString("version", "1.0");
            w.WriteString("responseTime", UtcTimestamp.Now(clock));
            w.WriteNull("metadata");
            w.WritePropertyName("response");
            if (error is null && writeResponse is not null) writeResponse(w);
            else w.WriteNullValue();
            if (error is null)
            {
                w.WriteStartArray("errors");
                w.WriteEndArray();
            }
            else
            {
                WriteErrors(w, error.Code, error.Message);
            }
            w.WriteEndObject();
        });
    }

    private static void WriteErrors(Utf8JsonWriter w, string? code, string? message)
    {
        w.WriteStartArray("errors");
        w.WriteStartObject();
        w.WriteString("errorCode", code);
        w.WriteString("message", message);
        w.WriteEndObject();
        w.WriteEndArray();
    }
}
