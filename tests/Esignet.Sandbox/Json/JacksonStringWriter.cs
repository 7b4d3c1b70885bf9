using System.Globalization;
using System.Text;

namespace Esignet.Sandbox.Json;

/// <summary>
/// Jackson's default string escaping (<c>ObjectMapper.writeValueAsString</c>): only '"', '\' and control characters
/// below U+0020 are escaped; every other character, non-ASCII included, is written as it is. eSignet stores a
/// language-map name this way (getClientNameLanguageMapAsJsonString, ClientManagementServiceImpl.java@v1.5.1, @v1.8.0),
/// so the name column's limit counts the characters of this text.
/// </summary>
public static class JacksonStringWriter
{
    public static string Object(IEnumerable<KeyValuePair<string, string?>> members)
    {
        var sb = new StringBuilder("{");
        var first = true;
        foreach (var (key, value) in members)
        {
            if (!first) sb.Append(',');
            first = false;
            AppendString(sb, key);
            sb.Append(':');
            if (value is null) sb.Append("null");
            else AppendString(sb, value);
        }
        return sb.Append('}').ToString();
    }

    private static void AppendString(StringBuilder sb, string text)
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
                default:
                    if (ch < ' ') sb.Append("\\u").Append(((int)ch).ToString("X4", CultureInfo.InvariantCulture));
                    else sb.Append(ch);
                    break;
            }
        }
        sb.Append('"');
    }
}
