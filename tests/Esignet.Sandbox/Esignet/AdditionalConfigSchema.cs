using System.Text.Json;
using Esignet.Sandbox.Versions;

namespace Esignet.Sandbox.Esignet;

/// <summary>
/// The JSON Schema (draft 2020-12) that eSignet validates <c>additionalConfig</c> against (esignet-api.md §2.3),
/// hand-coded from shared/contracts/openapi/esignet-additional_config_request_schema_v1.{6,7,8}.x.json so that
/// no schema library is needed. Null or absent is valid; any violation is one <c>invalid_additional_config</c>.
/// </summary>
public static class AdditionalConfigSchema
{
    public static bool IsValid(JsonElement? value, EsignetLine line)
    {
        if (value is null || value.Value.ValueKind == JsonValueKind.Null) return true;
        var config = value.Value;
        if (config.ValueKind != JsonValueKind.Object) return false;
        foreach (var property in config.EnumerateObject())
        {
            var v = property.Value;
            var ok = property.Name switch
            {
                "userinfo_response_type" => v.ValueKind == JsonValueKind.String && v.GetString() is "JWS" or "JWE",
                "purpose" => IsValidPurpose(v),
                "signup_banner_required" or "forgot_pwd_link_required" => IsBoolean(v),
                "consent_expire_in_mins" => v.ValueKind == JsonValueKind.Number && v.GetDouble() >= 10,
                "require_pushed_authorization_requests" or "dpop_bound_access_tokens" => line.AdditionalConfigHasParAndDpop && IsBoolean(v),
                "require_pkce" => line.AdditionalConfigHasRequirePkce && IsBoolean(v),
                _ => false, // additionalProperties: false
            };
            if (!ok) return false;
        }
        return true;
    }

    private static bool IsBoolean(JsonElement v) => v.ValueKind is JsonValueKind.True or JsonValueKind.False;

    /// <summary>purpose: null, or {type (required): none|verify|link|login, title, subTitle}, nothing else.</summary>
    private static bool IsValidPurpose(JsonElement v)
    {
        if (v.ValueKind == JsonValueKind.Null) return true;
        if (v.ValueKind != JsonValueKind.Object) return false;
        var hasType = false;
        foreach (var property in v.EnumerateObject())
        {
            switch (property.Name)
            {
                case "type":
                    hasType = true;
                    if (property.Value.ValueKind != JsonValueKind.String || property.Value.GetString() is not ("none" or "verify" or "link" or "login")) return false;
                    break;
                case "title":
                case "subTitle":
                    if (!IsValidLocalisedText(property.Value)) return false;
                    break;
                default:
                    return false;
            }
        }
        return hasType;
    }

    /// <summary>title/subTitle: null, or an object with a required "@none" string and only string members.</summary>
    private static bool IsValidLocalisedText(JsonElement v)
    {
        if (v.ValueKind == JsonValueKind.Null) return true;
        if (v.ValueKind != JsonValueKind.Object) return false;
        var hasNone = false;
        foreach (var property in v.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String) return false;
            if (property.Name == "@none") hasNone = true;
        }
        return hasNone;
    }
}
