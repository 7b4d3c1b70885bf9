using Esignet.Sandbox.Control;
using Esignet.Sandbox.Json;

namespace Esignet.Sandbox.Esignet;

/// <summary>
/// eSignet's <c>ResponseWrapper</c> (esignet-api.md §1.5): always HTTP 200 here, <c>responseTime</c>, <c>response</c>
/// (null on error) and <c>errors</c> (<c>[]</c> on success).
/// </summary>
public static class EsignetResponses
{
    public static Task WriteAsync(HttpContext context, EsignetOutcome outcome, TimeProvider clock)
    {
        if (outcome.Succeeded) RequestOutcome.Success(context);
        else RequestOutcome.Error(context, outcome.Errors[0].ErrorCode);
        return HttpJson.WriteAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteString("responseTime", UtcTimestamp.Now(clock));
            if (outcome.Succeeded)
            {
                w.WriteStartObject("response");
                w.WriteString("clientId", outcome.ClientId);
                w.WriteString("status", outcome.Status);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("response");
            }
            WriteErrors(w, outcome.Errors);
            w.WriteEndObject();
        });
    }

    /// <summary>The same wrapper with any response object (used by oauth-details).</summary>
    public static Task WriteAsync(HttpContext context, Action<System.Text.Json.Utf8JsonWriter>? writeResponse, IReadOnlyList<EsignetError> errors, TimeProvider clock)
    {
        if (errors.Count == 0) RequestOutcome.Success(context);
        else RequestOutcome.Error(context, errors[0].ErrorCode);
        return HttpJson.WriteAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteString("responseTime", UtcTimestamp.Now(clock));
            w.WritePropertyName("response");
            if (writeResponse is null || errors.Count > 0) w.WriteNullValue();
            else writeResponse(w);
            WriteErrors(w, errors);
            w.WriteEndObject();
        });
    }

    private static void WriteErrors(System.Text.Json.Utf8JsonWriter w, IReadOnlyList<EsignetError> errors)
    {
        w.WriteStartArray("errors");
        foreach (var e in errors)
        {
            w.WriteStartObject();
            w.WriteString("errorCode", e.ErrorCode);
            w.WriteString("errorMessage", e.ErrorMessage);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
