using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace Esignet.Core.Definitions
{
    /// <summary>
    /// Reads list, map and JSON values from what a CSV cell or a parameter holds (issue 4): lists as <c>a;b</c>,
    /// <c>a|b</c> or a JSON array; maps as <c>eng=Name;fra=Nom</c> or a JSON object; already-structured values
    /// (arrays, dictionaries) as they are. Commas never separate: redirect URIs may contain them.
    /// </summary>
    public static class CellParser
    {
        /// <summary>A list of trimmed, non-empty strings. Null, an empty cell and <c>[]</c> give an empty list.</summary>
        public static List<string> ParseList(object? value, string field)
        {
            var result = new List<string>();
            switch (value)
            {
                case null:
                    return result;
                case string text:
                    string t = text.Trim();
                    if (t.Length == 0) return result;
                    if (t.StartsWith("[", StringComparison.Ordinal))
                    {
                        foreach (JsonElement e in ParseJson(t, field, JsonValueKind.Array).EnumerateArray())
                        {
                            if (e.ValueKind != JsonValueKind.String)
                                throw new CellFormatException(field, $"the JSON array must hold strings, but it holds a {e.ValueKind.ToString().ToLowerInvariant()}.");
                            Add(result, e.GetString());
                        }

                        return result;
                    }

                    CommaListHint.Check(t, field);
                    char separator = t.IndexOf(';') >= 0 ? ';' : '|';
                    foreach (string part in t.Split(separator)) Add(result, part);
                    return result;
                case IDictionary<string, object?> _:
                    throw new CellFormatException(field, "a list was expected, not a map.");
                case System.Collections.IEnumerable items:
                    foreach (object? item in items)
                    {
                        if (item is string s && (s.IndexOf(';') >= 0 || s.IndexOf('|') >= 0 || s.IndexOf(',') >= 0 || s.TrimStart().StartsWith("[", StringComparison.Ordinal)))
                            result.AddRange(ParseList(s, field));
                        else
                            Add(result, Convert.ToString(item, CultureInfo.InvariantCulture));
                    }

                    return result;
                default:
                    Add(result, Convert.ToString(value, CultureInfo.InvariantCulture));
                    return result;
            }
        }

        /// <summary>A string-to-string map. Null and an empty cell give an empty map; keys are trimmed, values kept.</summary>
        public static Dictionary<string, string> ParseMap(object? value, string field)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            switch (value)
            {
                case null:
                    return result;
                case string text:
                    string t = text.Trim();
                    if (t.Length == 0) return result;
                    if (t.StartsWith("{", StringComparison.Ordinal))
                    {
                        foreach (JsonProperty p in ParseJson(t, field, JsonValueKind.Object).EnumerateObject())
                        {
                            if (p.Value.ValueKind != JsonValueKind.String)
                                throw new CellFormatException(field, $"the value of '{p.Name}' must be a string.");
                            Put(result, p.Name, p.Value.GetString() ?? string.Empty, field);
                        }

                        return result;
                    }

                    char separator = t.IndexOf(';') >= 0 ? ';' : '|';
                    foreach (string pair in t.Split(separator))
                    {
                        if (pair.Trim().Length == 0) continue;
                        int eq = pair.IndexOf('=');
                        if (eq <= 0)
                            throw new CellFormatException(field, $"'{pair.Trim()}' is not key=value. Write eng=Name;fra=Nom or a JSON object.");
                        Put(result, pair.Substring(0, eq).Trim(), pair.Substring(eq + 1).Trim(), field);
                    }

                    return result;
                case IDictionary<string, object?> map:
                    foreach (KeyValuePair<string, object?> e in map)
                    {
                        Put(result, e.Key.Trim(), Convert.ToString(e.Value, CultureInfo.InvariantCulture) ?? string.Empty, field);
                    }

                    return result;
                default:
                    throw new CellFormatException(field, "a map was expected: eng=Name;fra=Nom, a JSON object or a hashtable.");
            }
        }

        /// <summary>A JSON value as compact text, or null when not given. Text must be valid JSON; maps are serialised.</summary>
        public static string? ParseJsonObject(object? value, string field)
        {
            switch (value)
            {
                case null:
                    return null;
                case string text:
                    string t = text.Trim();
                    if (t.Length == 0) return null;
                    return ParseJson(t, field, null).GetRawText();
                default:
                    try
                    {
                        return JsonSerializer.Serialize(value);
                    }
                    catch (NotSupportedException ex)
                    {
                        throw new CellFormatException(field, "the value cannot be written as JSON: " + ex.Message);
                    }
            }
        }

        private static JsonElement ParseJson(string text, string field, JsonValueKind? expected)
        {
            JsonElement root;
            try
            {
                using (JsonDocument doc = JsonDocument.Parse(text))
                {
                    root = doc.RootElement.Clone();
                }
            }
            catch (JsonException ex)
            {
                throw new CellFormatException(field, DescribeJsonError(text, ex));
            }

            if (expected.HasValue && root.ValueKind != expected.Value)
                throw new CellFormatException(field, $"a JSON {expected.Value.ToString().ToLowerInvariant()} was expected.");
            return root;
        }

        /// <summary>
        /// Where the JSON breaks, in words a CSV editor can act on: the parser's own text names payload depths and
        /// byte positions, which mean little to someone looking at a spreadsheet cell.
        /// </summary>
        private static string DescribeJsonError(string text, JsonException ex)
        {
            long at = ex.BytePositionInLine ?? -1;
            if (at < 0 || at >= System.Text.Encoding.UTF8.GetByteCount(text))
                return "the JSON ends too early: a closing ], } or quote is missing.";
            string detail = ex.Message;
            int stop = detail.IndexOf(". ", StringComparison.Ordinal);
            if (stop > 0) detail = detail.Substring(0, stop + 1);
            return $"the JSON is malformed at character {at + 1}: {detail}";
        }

        private static void Add(List<string> list, string? item)
        {
            string t = (item ?? string.Empty).Trim();
            if (t.Length > 0) list.Add(t);
        }

        private static void Put(Dictionary<string, string> map, string key, string value, string field)
        {
            if (map.ContainsKey(key)) throw new CellFormatException(field, $"the key '{key}' appears twice.");
            map[key] = value;
        }
    }
}
