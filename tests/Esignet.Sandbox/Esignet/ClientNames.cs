using System.Text.Json;
using System.Text.Json.Nodes;
using Esignet.Sandbox.Json;
using Esignet.Sandbox.Versions;

namespace Esignet.Sandbox.Esignet;

/// <summary>How eSignet stores a client name (esignet-api.md §2.2, §2.4, §2.7).</summary>
public static class ClientNames
{
    /// <summary>E1/E2 store the plain name; the others the language map plus "@none" as a JSON string.</summary>
    public static string ForWrite(ClientEndpoint endpoint, string clientName, List<KeyValuePair<string, string?>>? langMap)
    {
        if (!ClientRequestShapes.HasLanguageMap(endpoint)) return clientName;
        return ToJson(langMap ?? [], clientName);
    }

    /// <summary>
    /// PATCH (ClientManagementServiceImpl.buildClient@v1.8.0): rebuild from (new or existing "@none") and (new or
    /// existing map). The existing name is read as a JSON map; a plain name (stored through oidc-client) does not parse,
    /// so it counts as an empty map: a PATCH with only clientNameLangMap then stores "@none": "" and the display name is lost.
    /// </summary>
    public static string Merge(string storedName, string? newName, List<KeyValuePair<string, string?>>? newMap)
    {
        var existing = ReadJsonMapOrEmpty(storedName);
        var none = newName ?? existing.FirstOrDefault(p => p.Key == "@none").Value ?? "";
        var map = newMap ?? existing.Where(p => p.Key != "@none").ToList();
        return ToJson(map, none);
    }

    private static List<KeyValuePair<string, string?>> ReadJsonMapOrEmpty(string storedName)
    {
        try
        {
            if (JsonNode.Parse(storedName) is JsonObject obj)
                return obj.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value?.GetValueKind() == JsonValueKind.String ? p.Value.GetValue<string>() : p.Value?.ToJsonString())).ToList();
        }
        catch (JsonException)
        {
            // objectMapper.readValue failed: the server logs a warning and uses an empty map
        }
        return [];
    }

    /// <summary>The stored name as a map: a JSON object, or {"@none": plain} for a plain name.</summary>
    public static List<KeyValuePair<string, string?>> Read(string storedName)
    {
        if (storedName.StartsWith('{'))
        {
            try
            {
                if (JsonNode.Parse(storedName) is JsonObject obj)
                    return obj.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value?.GetValueKind() == JsonValueKind.String ? p.Value.GetValue<string>() : p.Value?.ToJsonString())).ToList();
            }
            catch (JsonException)
            {
                // a plain name that happens to start with '{'
            }
        }
        return [new("@none", storedName)];
    }

    /// <summary>The display name: "@none" of the map, or the plain name.</summary>
    public static string Display(string storedName) => Read(storedName).FirstOrDefault(p => p.Key == "@none").Value ?? storedName;

    private static string ToJson(List<KeyValuePair<string, string?>> map, string? none)
    {
        // A LinkedHashMap/HashMap written by Jackson; a repeated key keeps its last value.
        var members = new List<KeyValuePair<string, string?>>();
        foreach (var (key, value) in map)
        {
            if (key == "@none") continue;
            members.RemoveAll(m => m.Key == key);
            members.Add(new(key, value));
        }
        if (none is not null) members.Add(new("@none", none));
        return JacksonStringWriter.Object(members);
    }
}
