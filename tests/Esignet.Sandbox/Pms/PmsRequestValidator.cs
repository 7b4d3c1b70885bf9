using System.Text.Json;
using System.Text.RegularExpressions;
using Esignet.Sandbox.Json;
using Esignet.Sandbox.Validation;

namespace Esignet.Sandbox.Pms;

/// <summary>
/// Bean Validation of the PMS DTOs (pms-api.md §4) with Hibernate's default messages. PMS reports only the first
/// field error (§2.2); the sandbox checks members in declaration order and constraints in annotation order.
/// Redirect URI items, grant types and auth methods are not checked by PMS on create (eSignet does that).
/// </summary>
public static partial class PmsRequestValidator
{
    [GeneratedRegex("^((ACTIVE)|(INACTIVE))$", RegexOptions.IgnoreCase)]
    private static partial Regex StatusPattern();

    public static PmsError? ValidateCreate(BoundFields r, bool oauth) =>
        NotBlank(r, "name") ?? Size(r.Text("name"), "name", 1, 256)
        ?? NotBlank(r, "policyId") ?? Size(r.Text("policyId"), "policyId", 1, 36)
        ?? PublicKey(r)
        ?? NotBlank(r, "authPartnerId") ?? Size(r.Text("authPartnerId"), "authPartnerId", 1, 100)
        ?? NotBlank(r, "logoUri") ?? Url(r, "logoUri") ?? Size(r.Text("logoUri"), "logoUri", 0, 2048)
        ?? List(r, "redirectUris", 5, itemsNotBlank: false)
        ?? List(r, "grantTypes", 3, itemsNotBlank: false)
        ?? List(r, "clientAuthMethods", 3, itemsNotBlank: false)
        ?? (oauth ? LanguageMap(r) : null);

    public static PmsError? ValidateUpdate(BoundFields r, bool oauth) =>
        NotNull(r, "logoUri") ?? NotBlank(r, "logoUri") ?? Url(r, "logoUri") ?? Size(r.Text("logoUri"), "logoUri", 0, 2048)
        ?? List(r, "redirectUris", 5, itemsNotBlank: true)
        ?? NotNull(r, "status") ?? NotBlank(r, "status") ?? Status(r)
        ?? List(r, "grantTypes", 3, itemsNotBlank: false)
        ?? NotNull(r, "clientName") ?? NotBlank(r, "clientName")
        ?? List(r, "clientAuthMethods", 3, itemsNotBlank: false)
        ?? (oauth ? LanguageMap(r) : null);

    private static PmsError Error(string message, string field) => PmsErrors.Validation(message, "request." + field);

    private static PmsError? NotNull(BoundFields r, string field) => r.HasValue(field) ? null : Error("must not be null", field);

    private static PmsError? NotBlank(BoundFields r, string field) => JavaText.IsTrimBlank(r.Text(field)) ? Error("must not be blank", field) : null;

    private static PmsError? Size(string? value, string field, int min, int max) =>
        value is not null && (value.Length < min || value.Length > max) ? Error($"size must be between {min} and {max}", field) : null;

    /// <summary>Hibernate @URL: null and "" pass; anything else must be a java.net.URL.</summary>
    private static PmsError? Url(BoundFields r, string field) =>
        r.Text(field) is { Length: > 0 } value && !JavaUrl.IsValid(value) ? Error("must be a valid URL", field) : null;

    private static PmsError? List(BoundFields r, string field, int max, bool itemsNotBlank)
    {
        var list = r.TextList(field);
        if (list is null) return Error("must not be null", field);
        if (list.Count < 1 || list.Count > max) return Error($"size must be between 1 and {max}", field);
        if (!itemsNotBlank) return null;
        for (var i = 0; i < list.Count; i++)
        {
            if (JavaText.IsTrimBlank(list[i])) return Error("must not be blank", $"{field}[{i}].<list element>");
        }
        return null;
    }

    /// <summary>@NotEmpty Map&lt;String, @NotNull Object&gt;.</summary>
    private static PmsError? PublicKey(BoundFields r)
    {
        if (r.Element("publicKey") is not { } key || !key.EnumerateObject().Any()) return Error("must not be empty", "publicKey");
        foreach (var member in key.EnumerateObject())
        {
            if (member.Value.ValueKind == JsonValueKind.Null) return Error("must not be null", $"publicKey[{member.Name}].<map value>");
        }
        return null;
    }

    private static PmsError? Status(BoundFields r) =>
        StatusPattern().IsMatch(r.Text("status")!) ? null : Error("must match \"(ACTIVE)|(INACTIVE)\"", "status");

    /// <summary>@NotEmpty Map&lt;@Size(min=3,max=3) String, @NotBlank String&gt; (§4.2).</summary>
    private static PmsError? LanguageMap(BoundFields r)
    {
        var map = r.TextMap("clientNameLangMap");
        if (map is null || map.Count == 0) return Error("must not be empty", "clientNameLangMap");
        foreach (var (key, value) in map)
        {
            if (key.Length != 3) return Error("size must be between 3 and 3", $"clientNameLangMap<K>[{key}].<map key>");
            if (JavaText.IsTrimBlank(value)) return Error("must not be blank", $"clientNameLangMap[{key}].<map value>");
        }
        return null;
    }
}
