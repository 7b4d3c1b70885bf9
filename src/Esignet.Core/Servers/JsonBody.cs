using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Esignet.Core.Servers
{
    /// <summary>Small helpers to write request bodies with exactly the members an endpoint's DTO has.</summary>
    internal static class JsonBody
    {
        /// <summary>The server's time format: yyyy-MM-dd'T'HH:mm:ss.SSS'Z' (esignet-api.md §1.4, pms-api.md §2.1).</summary>
        public static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

        public static string Write(Action<Utf8JsonWriter> body)
        {
            using (var stream = new MemoryStream())
            {
                using (var w = new Utf8JsonWriter(stream))
                {
                    body(w);
                }

                return Encoding.UTF8.GetString(stream.ToArray());
            }
        }

        public static void List(Utf8JsonWriter w, string name, IEnumerable<string> values)
        {
            w.WriteStartArray(name);
            foreach (string v in values)
            {
                w.WriteStringValue(v);
            }

            w.WriteEndArray();
        }

        public static void Map(Utf8JsonWriter w, string name, IDictionary<string, string> map)
        {
            w.WriteStartObject(name);
            foreach (var kv in map)
            {
                w.WriteString(kv.Key, kv.Value);
            }

            w.WriteEndObject();
        }

        public static void Raw(Utf8JsonWriter w, string name, string json)
        {
            using (JsonDocument doc = JsonDocument.Parse(json))
            {
                w.WritePropertyName(name);
                doc.RootElement.WriteTo(w);
            }
        }

        public static string? String(JsonElement e, string name)
        {
            return e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? Common.ServerText.Clean(v.GetString()) : null; // server text: never raw to a terminal
        }

        public static List<string> Strings(JsonElement e, string name)
        {
            var list = new List<string>();
            if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement item in v.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String)
                    {
                        list.Add(Common.ServerText.Clean(item.GetString())!);
                    }
                }
            }

            return list;
        }
    }
}
