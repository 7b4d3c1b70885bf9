using System.Text.Json;
using System.Text.Json.Nodes;

namespace Esignet.Sandbox.Json;

/// <summary>Writes JSON responses straight into the response pipe (no intermediate strings on the hot path).</summary>
public static class HttpJson
{
    public static async Task WriteAsync(HttpContext context, int status, Action<Utf8JsonWriter> write, string contentType = "application/json")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        using (var writer = new Utf8JsonWriter(context.Response.BodyWriter, JsonOptions.Writer))
        {
            write(writer);
            writer.Flush();
        }
        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    public static Task WriteAsync(HttpContext context, int status, JsonNode body, string contentType = "application/json") =>
        WriteAsync(context, status, w => body.WriteTo(w), contentType);

    /// <summary>Reads the request body as one JSON document; null with the parser message when malformed or empty.</summary>
    public static async Task<(JsonDocument? Document, string? Error)> ReadAsync(HttpContext context)
    {
        try
        {
            var document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
            return (document, null);
        }
        catch (JsonException e)
        {
            return (null, e.Message);
        }
    }

    /// <summary>True for application/json and application/*+json (charset allowed), as Spring's consumes does.</summary>
    public static bool HasJsonContentType(HttpRequest request)
    {
        var type = request.ContentType;
        if (string.IsNullOrEmpty(type)) return false;
        var mediaType = type.Split(';')[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) ||
               (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The base URL the caller used (scheme://host[:port]), for issuers and discovery.</summary>
    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}";
}
