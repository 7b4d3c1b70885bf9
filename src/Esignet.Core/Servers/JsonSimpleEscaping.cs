using System.Globalization;
using System.Text;

namespace Esignet.Core.Servers
{
    /// <summary>
    /// json-simple's <c>JSONValue.escape</c>, which the servers' own JSON goes through in two places: jose4j's copy
    /// writes the JWK JSON that PMS 1.2.0 hashes into the Client ID (<see cref="Jose4jJson"/>), and the original
    /// json-simple writes eSignet 1.8's list columns (ClientManagementServiceImpl.java@v1.8.0), whose varchar limits
    /// count this text. Hand-written on purpose: it reproduces a server's escaping, which no .NET library writes.
    /// <c>"</c> <c>\</c> and \b \f \n \r \t by their short forms; U+0000–U+001F, U+007F–U+009F and U+2000–U+20FF as
    /// <c>\uXXXX</c> in upper-case hex; everything else, non-ASCII included, as it is
    /// (<c>json/internal/json_simple/JSONValue.java</c>@jose4j-0.5.2). The original json-simple also writes <c>/</c>
    /// as <c>\/</c>; jose4j dropped that in 0.3.7 (commit a06b6b7, "no longer escape forward slashes in produced JSON").
    /// </summary>
    internal static class JsonSimpleEscaping
    {
        public static string Escape(string text, bool escapeSlash)
        {
            var sb = new StringBuilder(text.Length + 8);
            foreach (char ch in text)
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
                        {
                            sb.Append("\\u").Append(((int)ch).ToString("X4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            sb.Append(ch);
                        }

                        break;
                }
            }

            return sb.ToString();
        }
    }
}
