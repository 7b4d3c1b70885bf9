using System.Text.Json;

namespace Esignet.Sandbox.Json;

/// <summary>
/// Binds a JSON object the way Spring Boot's default ObjectMapper does for PMS (pms-api.md §2.1): unknown members are
/// ignored; a declared member of the wrong JSON type fails the whole body (HTTP 400 in PMS).
/// </summary>
public static class LenientJsonBinder
{
    /// <summary>True and the bound members, or false when a declared member has the wrong type or the value is no object.</summary>
    public static bool TryBind(JsonElement element, IReadOnlyList<JsonField> fields, out BoundFields bound)
    {
        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        bound = new BoundFields(members);
        if (element.ValueKind != JsonValueKind.Object) return false;
        foreach (var property in element.EnumerateObject())
        {
            var field = fields.FirstOrDefault(f => f.Name == property.Name);
            if (field is null) continue;
            if (StrictJsonBinder.CheckType(property.Value, field.Kind) is not null) return false;
            members[property.Name] = property.Value;
        }
        return true;
    }
}
