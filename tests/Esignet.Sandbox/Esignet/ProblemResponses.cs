using Esignet.Sandbox.Versions;

namespace Esignet.Sandbox.Esignet;

/// <summary>
/// Unknown path or method under /v1/esignet (esignet-api.md §1.6): an empty 404/405 up to v1.7 [inference], an
/// RFC 7807 ProblemDetail from v1.8.0; a wrong Content-Type is 415.
/// </summary>
public static class ProblemResponses
{
    public static Task WriteAsync(HttpContext context, int status, EsignetLine line)
    {
        Control.RequestOutcome.Set(context, "http:" + status);
        context.Response.StatusCode = status;
        if (!line.AnswersProblemDetailFor404And405) return Task.CompletedTask;
        var title = status switch { 404 => "Not Found", 405 => "Method Not Allowed", 415 => "Unsupported Media Type", _ => "Error" };
        return Json.HttpJson.WriteAsync(context, status, w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "about:blank");
            w.WriteString("title", title);
            w.WriteNumber("status", status);
            w.WriteString("instance", context.Request.Path.Value);
            w.WriteEndObject();
        }, "application/problem+json");
    }
}
