using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Esignet.Sandbox.Json;

/// <summary>
/// Compact JSON as jose4j's copy of json-simple writes it for <c>JsonWebKey.toJson()</c>: no spaces, json-simple's
/// escaping, but <c>/</c> left as it is: jose4j stopped escaping it in 0.3.7 (commit a06b6b7, "no longer escape
/// forward slashes in produced JSON"; <c>json/internal/json_simple/JSONValue.java</c>@jose4j-0.5.2). The exact bytes
/// matter because PMS 1.2.0 hashes them into the Client ID (pms-api.md §5.2).
/// </summary>
public static class JsonSimpleWriter
{
    public static string Object(IEnumerable<KeyValuePair<string, JsonElement>> members)
    {
        var sb = new StringBuilder("{");
        var first = true;
        foreach (var (name, value) in members)
        {
            if (!first) sb.Append(',');
            first = false;
            AppendString(sb, name);
            sb.Append(':');
            AppendValue(sb, value);
        }
        return sb.Append('}').ToString();
    }

    private static void AppendValue(StringBuilder sb, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                AppendString(sb, value.GetString()!);
                break;
            case JsonValueKind.Object:
                sb.Append(Object(value.EnumerateObject().Select(p => new KeyValuePair<string, JsonElement>(p.Name, p.Value))));
                break;
            case JsonValueKind.Array:
                sb.Append('[');
                var first = true;
                foreach (var item in value.EnumerateArray())
                {
                    if (!first) sb.Append(',');
                    first = false;
                    AppendValue(sb, item);
                }
                sb.Append(']');
                break;
            default:
                sb.Append(value.GetRawText());
                break;
        }
    }

    /// <summary>
    /// The original json-simple's <c>JSONArray.toJSONString(List)</c>: how eSignet 1.8 stores the list columns
    /// (ClientManagementServiceImpl.java@v1.8.0), so what their varchar limits measure. Unlike jose4j's copy, the
    /// original json-simple writes "/" as "\/".
    /// </summary>
    public static string Array(IEnumerable<string?> values)
    {
        var sb = new StringBuilder("[");
        var first = true;
        foreach (var value in values)
        {
            if (!first) sb.Append(',');
            first = false;
            if (value is null) sb.Append("null");
            else AppendString(sb, value, escapeSlash: true);
        }
        return sb.Append(']').ToString();
    }

    /// <summary>
    /// json-simple's <c>JSONValue.escape</c>; jose4j's copy (the default here) leaves "/" alone, the original
    /// json-simple escapes it (<paramref name="escapeSlash"/>).
    /// </summary>
    public static void AppendString(StringBuilder sb, string text, bool escapeSlash = false)
    {
        sb.Append('"');
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '/' when escapeSlash: sb.Append("\\/"); break;
                default:
                    if (ch <= '\u001F' || (ch >= '\u007F' && ch <= '\u009F') || (ch >= '\u2000' && ch <= '\u20FF'))
                        sb.Append("\\u").Append(((int)ch).ToString("X4", CultureInfo.InvariantCulture));
                    else
                        sb.Append(ch);
                    break;
            }
        }
        sb.Append('"');
    }
}
