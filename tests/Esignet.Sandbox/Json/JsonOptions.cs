using System.Text.Encodings.Web;
using System.Text.Json;

namespace Esignet.Sandbox.Json;

/// <summary>Serializer options shared by every response: compact, camelCase-free (names are written as given),
/// and escaping like Jackson (only quotes, backslashes and control characters).</summary>
public static class JsonOptions
{
    public static readonly JsonSerializerOptions Compact = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly JsonSerializerOptions Indented = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
