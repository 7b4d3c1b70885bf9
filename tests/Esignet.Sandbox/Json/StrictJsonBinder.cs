using System.Text.Json;

namespace Esignet.Sandbox.Json;

/// <summary>The Java type a DTO member is declared with, which decides which JSON values bind to it.</summary>
public enum JsonFieldKind
{
    /// <summary><c>String</c>: a JSON string or null.</summary>
    Text,
    /// <summary><c>List&lt;String&gt;</c>: an array of strings/nulls, or null.</summary>
    TextList,
    /// <summary><c>Map&lt;String,Object&gt;</c>: an object (any member values), or null.</summary>
    Object,
    /// <summary><c>Map&lt;String,String&gt;</c>: an object whose members are strings/nulls, or null.</summary>
    TextMap,
    /// <summary><c>JsonNode</c>: any JSON value.</summary>
    Any,
}

/// <summary>One declared DTO member.</summary>
public sealed record JsonField(string Name, JsonFieldKind Kind);

/// <summary>The members of one JSON object after binding, keyed by name (explicit nulls included).</summary>
public sealed class BoundFields
{
    private readonly Dictionary<string, JsonElement> _members;

    internal BoundFields(Dictionary<string, JsonElement> members) => _members = members;

    /// <summary>The member was sent, even as JSON null.</summary>
    public bool IsPresent(string name) => _members.ContainsKey(name);

    /// <summary>True when the member is present and not JSON null (Java: the field is non-null).</summary>
    public bool HasValue(string name) => _members.TryGetValue(name, out var e) && e.ValueKind != JsonValueKind.Null;

    public string? Text(string name) => HasValue(name) ? Scalar(_members[name]) : null;

    /// <summary>
    /// A scalar as Jackson's StringDeserializer gives it to a String field: the text of a string, and the token's own
    /// text for a number or a boolean (coercion to String is allowed by default), so "clientName": 123 is "123".
    /// </summary>
    internal static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    public List<string?>? TextList(string name)
    {
        if (!HasValue(name)) return null;
        var list = new List<string?>();
        foreach (var item in _members[name].EnumerateArray()) list.Add(Scalar(item));
        return list;
    }

    public JsonElement? Element(string name) => HasValue(name) ? _members[name] : null;

    public List<KeyValuePair<string, string?>>? TextMap(string name)
    {
        if (!HasValue(name)) return null;
        var map = new Dictionary<string, string?>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var p in _members[name].EnumerateObject())
        {
            // Jackson keeps the last value of a repeated key, in first-seen position (LinkedHashMap.put).
            if (!map.ContainsKey(p.Name)) order.Add(p.Name);
            map[p.Name] = Scalar(p.Value);
        }
        return order.Select(k => new KeyValuePair<string, string?>(k, map[k])).ToList();
    }
}

/// <summary>
/// Binds a JSON object to a declared member list the way Jackson's defaults do for eSignet's DTOs
/// (esignet-api.md §1.6, §2.9 [inference]): an unknown member or a value of the wrong JSON type fails the whole
/// request with a Jackson-like message, which eSignet reports as <c>unknown_error</c>.
/// A number or boolean where a string belongs is coerced to its text, as Jackson's StringDeserializer does by default;
/// an array or object there is a type error (issue 16, rule 11).
/// </summary>
public static class StrictJsonBinder
{
    /// <summary>Returns null and the bound members, or the parse-error message.</summary>
    public static string? Bind(JsonElement element, string javaClass, IReadOnlyList<JsonField> fields, out BoundFields bound)
    {
        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        bound = new BoundFields(members);
        if (element.ValueKind != JsonValueKind.Object)
            return $"JSON parse error: Cannot construct instance of `{javaClass}`: no {Describe(element)} value deserializer";

        foreach (var property in element.EnumerateObject())
        {
            JsonField? field = null;
            foreach (var f in fields)
            {
                if (string.Equals(f.Name, property.Name, StringComparison.Ordinal)) { field = f; break; }
            }
            if (field is null)
                return $"JSON parse error: Unrecognized field \"{property.Name}\" (class {javaClass}), not marked as ignorable";
            var typeError = CheckType(property.Value, field.Kind);
            if (typeError is not null) return $"JSON parse error: Cannot deserialize value of type `{typeError}` from {Describe(property.Value)} value";
            members[property.Name] = property.Value;
        }
        return null;
    }

    /// <summary>Null when <paramref name="value"/> binds to <paramref name="kind"/>; else the Java type it failed to become.</summary>
    internal static string? CheckType(JsonElement value, JsonFieldKind kind)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        switch (kind)
        {
            case JsonFieldKind.Text:
                return IsStringLike(value) ? null : "java.lang.String";
            case JsonFieldKind.TextList:
                if (value.ValueKind != JsonValueKind.Array) return "java.util.ArrayList<java.lang.String>";
                foreach (var item in value.EnumerateArray())
                {
                    if (!IsStringLike(item) && item.ValueKind != JsonValueKind.Null) return "java.lang.String";
                }
                return null;
            case JsonFieldKind.Object:
                return value.ValueKind == JsonValueKind.Object ? null : "java.util.LinkedHashMap<java.lang.String,java.lang.Object>";
            case JsonFieldKind.TextMap:
                if (value.ValueKind != JsonValueKind.Object) return "java.util.LinkedHashMap<java.lang.String,java.lang.String>";
                foreach (var p in value.EnumerateObject())
                {
                    if (!IsStringLike(p.Value) && p.Value.ValueKind != JsonValueKind.Null) return "java.lang.String";
                }
                return null;
            default:
                return null;
        }
    }

    private static bool IsStringLike(JsonElement value) =>
        value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False;

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "Object",
        JsonValueKind.Array => "Array",
        JsonValueKind.String => "String",
        JsonValueKind.Number => "Number",
        JsonValueKind.True or JsonValueKind.False => "Boolean",
        _ => "Null",
    };
}
