using System;
using System.Collections.Generic;
using System.Linq;

namespace Esignet.Core.Definitions
{
    /// <summary>
    /// How long the text eSignet writes into a database column is, in the characters (code points) a PostgreSQL
    /// varchar counts. The server writes two JSON dialects, and their escaping decides what fits.
    /// </summary>
    internal static class StoredTextLength
    {
        /// <summary>
        /// A language-map name as Jackson's <c>ObjectMapper.writeValueAsString(Map)</c> writes it
        /// (getClientNameLanguageMapAsJsonString, ClientManagementServiceImpl.java@v1.5.1, @v1.8.0): only '"', '\' and
        /// characters below U+0020 are escaped, so a name in Khmer or Arabic costs one character a letter.
        /// </summary>
        public static int JacksonObject(IEnumerable<KeyValuePair<string, string>> members) =>
            Enclosed(members.Select(m => JacksonString(m.Key) + 1 + JacksonString(m.Value)).ToList()); // "key":"value"

        /// <summary>
        /// A list as json-simple's <c>JSONArray.toJSONString</c> writes it, which is how eSignet 1.8 stores redirect URIs,
        /// claims, ACRs, grant types and auth methods (ClientManagementServiceImpl.java@v1.8.0): <c>JSONValue.escape</c>
        /// also writes "/" as "\/", and U+007F-U+009F and U+2000-U+20FF as \uXXXX.
        /// </summary>
        public static int JsonSimpleArray(IEnumerable<string> values) =>
            Enclosed(values.Where(v => v != null).Select(JsonSimpleString).ToList()); // the service drops null elements before storing (esignet-api.md §2.1)

        /// <summary>A JSON object or array of items of these lengths: the brackets, the items, a comma between each two.</summary>
        private static int Enclosed(List<int> items) => 2 + items.Sum() + Math.Max(0, items.Count - 1);

        private static int JacksonString(string text)
        {
            int length = 2;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '"' || c == '\\' || c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t') length += 2;
                else if (c < ' ') length += 6;
                else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { length++; i++; }
                else length++;
            }

            return length;
        }

        /// <summary>The escaped text's length in code points, as the varchar counts it.</summary>
        private static int JsonSimpleString(string text)
        {
            string escaped = Servers.JsonSimpleEscaping.Escape(text, escapeSlash: true);
            int length = 2;
            for (int i = 0; i < escaped.Length; i++)
            {
                if (char.IsHighSurrogate(escaped[i]) && i + 1 < escaped.Length && char.IsLowSurrogate(escaped[i + 1])) i++;
                length++;
            }

            return length;
        }
    }
}
