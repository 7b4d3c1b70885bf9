using System.Text.Json;

namespace Esignet.Sandbox.Pms.Onboarding;

/// <summary>
/// The Auth policy JSON schema (mosip-config auth-policy-schema.json@v1.2.0.1, draft-04, additionalProperties false at
/// every level), checked as PolicySchemaValidator.java@v1.2.0.1 reports it: PMS_PV_006 for a missing member,
/// PMS_PV_005 for an unknown member, a wrong type or a bad enum value, each naming the JSON pointer without its
/// leading "/" (pms-partner-onboarding.md §3.2 #6).
/// </summary>
public static class AuthPolicySchema
{
    private static readonly string[] TokenTypes = ["random", "partner", "policy"];

    public static PmsError? Validate(JsonElement? policies)
    {
        if (policies is not { ValueKind: JsonValueKind.Object } root) return PolicyManagerErrors.Invalid("");
        if (Unknown(root, "", "authTokenType", "allowedAuthTypes", "allowedKycAttributes", "kycLanguages") is { } u) return u;
        foreach (var required in new[] { "authTokenType", "allowedAuthTypes", "allowedKycAttributes" })
        {
            if (!root.TryGetProperty(required, out _)) return PolicyManagerErrors.Missing(required);
        }
        var tokenType = root.GetProperty("authTokenType");
        if (tokenType.ValueKind != JsonValueKind.String || !TokenTypes.Contains(tokenType.GetString())) return PolicyManagerErrors.Invalid("authTokenType");

        if (root.GetProperty("allowedAuthTypes") is not { ValueKind: JsonValueKind.Array } authTypes) return PolicyManagerErrors.Invalid("allowedAuthTypes");
        var i = 0;
        foreach (var entry in authTypes.EnumerateArray())
        {
            var path = "allowedAuthTypes/" + i++;
            if (entry.ValueKind != JsonValueKind.Object) return PolicyManagerErrors.Invalid(path);
            if (Unknown(entry, path + "/", "authType", "authSubType", "mandatory") is { } bad) return bad;
            if (!entry.TryGetProperty("authType", out var type)) return PolicyManagerErrors.Missing(path + "/authType");
            if (!entry.TryGetProperty("mandatory", out var mandatory)) return PolicyManagerErrors.Missing(path + "/mandatory");
            if (type.ValueKind != JsonValueKind.String) return PolicyManagerErrors.Invalid(path + "/authType");
            if (mandatory.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) return PolicyManagerErrors.Invalid(path + "/mandatory");
            if (entry.TryGetProperty("authSubType", out var sub) && sub.ValueKind != JsonValueKind.String) return PolicyManagerErrors.Invalid(path + "/authSubType");
        }

        if (root.GetProperty("allowedKycAttributes") is not { ValueKind: JsonValueKind.Array } kyc) return PolicyManagerErrors.Invalid("allowedKycAttributes");
        i = 0;
        foreach (var entry in kyc.EnumerateArray())
        {
            var path = "allowedKycAttributes/" + i++;
            if (entry.ValueKind != JsonValueKind.Object) return PolicyManagerErrors.Invalid(path);
            if (Unknown(entry, path + "/", "attributeName") is { } bad) return bad;
            if (entry.TryGetProperty("attributeName", out var name) && name.ValueKind != JsonValueKind.String) return PolicyManagerErrors.Invalid(path + "/attributeName");
        }
        return null;
    }

    /// <summary>The KYC attribute names of a policy that passed <see cref="Validate"/>.</summary>
    public static IReadOnlyList<string> KycAttributes(JsonElement policies) =>
        policies.GetProperty("allowedKycAttributes").EnumerateArray()
            .Select(e => e.TryGetProperty("attributeName", out var n) ? n.GetString() ?? "" : "").ToList();

    public static IReadOnlyList<PmsAuthType> AuthTypes(JsonElement policies) =>
        policies.GetProperty("allowedAuthTypes").EnumerateArray()
            .Select(e => new PmsAuthType(e.GetProperty("authType").GetString()!, e.TryGetProperty("authSubType", out var s) ? s.GetString() : null, e.GetProperty("mandatory").GetBoolean()))
            .ToList();

    private static PmsError? Unknown(JsonElement element, string prefix, params string[] allowed)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!allowed.Contains(property.Name)) return PolicyManagerErrors.Invalid(prefix + property.Name);
        }
        return null;
    }
}
