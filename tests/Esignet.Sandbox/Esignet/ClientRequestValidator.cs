using System.Text.Json;
using Esignet.Sandbox.Hosting;
using Esignet.Sandbox.Json;
using Esignet.Sandbox.Validation;
using Esignet.Sandbox.Versions;

namespace Esignet.Sandbox.Esignet;

/// <summary>
/// Bean Validation of the client-management DTOs (esignet-api.md §2.1–§2.7): one error per violated constraint,
/// so a field can appear twice (e.g. a clientId that is both too long and contains a space, §1.6).
/// Errors are listed in member declaration order (the real order is unspecified).
/// </summary>
public sealed class ClientRequestValidator
{
    private readonly ActiveConfig _config;
    private readonly EsignetLine _line;
    private readonly List<EsignetError> _errors = [];

    private ClientRequestValidator(ActiveConfig config)
    {
        _config = config;
        _line = config.Esignet;
    }

    public static List<EsignetError> Validate(ClientEndpoint endpoint, BoundFields request, ActiveConfig config)
    {
        var v = new ClientRequestValidator(config);
        if (ClientRequestShapes.IsCreate(endpoint)) v.ValidateCreate(endpoint, request);
        else if (endpoint == ClientEndpoint.PatchClient) v.ValidatePatch(request);
        else v.ValidateUpdate(endpoint, request);
        return v._errors;
    }

    private void Add(string field, string code) => _errors.Add(EsignetError.Field("request." + field, code));

    // §2.1 ClientDetailCreateRequest (+ §2.2 V2, §2.3 V3).
    private void ValidateCreate(ClientEndpoint endpoint, BoundFields r)
    {
        IdFormat(r, "clientId", "invalid_client_id");
        NotBlankMax256(r, "clientName", "invalid_client_name");
        var key = r.Element("publicKey");
        if (key is null || !key.Value.EnumerateObject().Any()) Add("publicKey", "invalid_public_key"); // @NotEmpty
        IdFormat(r, "relyingPartyId", "invalid_rp_id");
        Claims(r, minimum: 0);
        Acrs(r, required: true);
        LogoUri(r, required: true);
        RedirectUris(r, required: true);
        ListOf(r, "grantTypes", _config.GrantTypeSet, _line.GrantTypeErrorCode, required: true);
        ListOf(r, "clientAuthMethods", _config.AuthMethodSet, "invalid_client_auth", required: true);
        if (ClientRequestShapes.HasLanguageMap(endpoint)) LanguageMap(r, required: !_line.LanguageMapOptional);
        if (ClientRequestShapes.HasAdditionalConfig(endpoint)) AdditionalConfig(r);
    }

    // §2.4 ClientDetailUpdateRequest (+ V2, V3).
    private void ValidateUpdate(ClientEndpoint endpoint, BoundFields r)
    {
        LogoUri(r, required: true);
        RedirectUris(r, required: true);
        Claims(r, minimum: _line.UpdateAllowsEmptyUserClaims ? 0 : 1);
        Acrs(r, required: true);
        Status(r, required: true);
        ListOf(r, "grantTypes", _config.GrantTypeSet, _line.GrantTypeErrorCode, required: true);
        NotBlankMax256(r, "clientName", "invalid_client_name");
        ListOf(r, "clientAuthMethods", _config.AuthMethodSet, "invalid_client_auth", required: true);
        if (ClientRequestShapes.HasLanguageMap(endpoint)) LanguageMap(r, required: !_line.LanguageMapOptional);
        if (ClientRequestShapes.HasAdditionalConfig(endpoint)) AdditionalConfig(r);
    }

    // §2.7 ClientDetailPatchRequest: every member optional, constraints only when present.
    private void ValidatePatch(BoundFields r)
    {
        if (r.HasValue("logoUri")) LogoUri(r, required: false);
        if (r.HasValue("redirectUris")) RedirectUris(r, required: false);
        if (r.HasValue("userClaims")) Claims(r, minimum: 1);
        if (r.HasValue("authContextRefs")) Acrs(r, required: false);
        if (r.HasValue("status")) Status(r, required: false);
        if (r.HasValue("grantTypes")) ListOf(r, "grantTypes", _config.GrantTypeSet, _line.GrantTypeErrorCode, required: false);
        if (r.Text("clientName") is { Length: > 256 }) Add("clientName", "invalid_client_name"); // @Size only, no @NotBlank
        if (r.HasValue("clientAuthMethods")) ListOf(r, "clientAuthMethods", _config.AuthMethodSet, "invalid_client_auth", required: false);
        if (r.HasValue("clientNameLangMap")) LanguageMap(r, required: false);
        AdditionalConfig(r);
    }

    /// <summary>@IdFormat (non-blank, whole match of <c>\S*</c>) and @Size(max=100), each its own error.</summary>
    private void IdFormat(BoundFields r, string field, string code)
    {
        var value = r.Text(field);
        if (value is null || JavaText.IsWhitespaceBlank(value) || !JavaText.HasNoAsciiWhitespace(value)) Add(field, code);
        if (value is { Length: > 100 }) Add(field, code);
    }

    /// <summary>@NotBlank and @Size(max=256).</summary>
    private void NotBlankMax256(BoundFields r, string field, string code)
    {
        var value = r.Text(field);
        if (JavaText.IsTrimBlank(value)) Add(field, code);
        if (value is { Length: > 256 }) Add(field, code);
    }

    /// <summary>
    /// userClaims: @NotNull, @Size(min, max=30), every element non-null, non-blank and in claims_supported
    /// (OIDCClaimValidator.isValid returns false for null: OIDCClaimValidator.java@v1.0.0 ... @v1.8.0).
    /// </summary>
    private void Claims(BoundFields r, int minimum)
    {
        var list = r.TextList("userClaims");
        if (list is null) { Add("userClaims", "invalid_claim"); return; }
        if (list.Count < minimum || list.Count > 30) Add("userClaims", "invalid_claim");
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not { } claim || !_config.ClaimSet.Contains(claim)) Add($"userClaims[{i}]", "invalid_claim");
        }
    }

    /// <summary>
    /// authContextRefs: @NotNull, @Size(1..30); each non-null element split on single spaces (Java split, trailing
    /// empties dropped) and every token, trimmed, a supported ACR (AuthContextRefValidator.java@v1.5.1, @v1.8.0;
    /// IdentityProviderUtil.splitAndTrimValue). A null element passes (the validator returns true for null).
    /// </summary>
    private void Acrs(BoundFields r, bool required)
    {
        var list = r.TextList("authContextRefs");
        if (list is null)
        {
            if (required) Add("authContextRefs", "invalid_acr");
            return;
        }
        if (list.Count is < 1 or > 30) Add("authContextRefs", "invalid_acr");
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not { } value) continue;
            if (JavaText.Split(value, ' ').Any(token => !_config.AcrSet.Contains(JavaText.Trim(token)))) Add($"authContextRefs[{i}]", "invalid_acr");
        }
    }

    /// <summary>logoUri: @NotBlank (create/PUT) and Hibernate @URL (java.net.URL; empty passes @URL).</summary>
    private void LogoUri(BoundFields r, bool required)
    {
        var value = r.Text("logoUri");
        if (required && JavaText.IsTrimBlank(value)) Add("logoUri", "invalid_uri");
        if (!string.IsNullOrEmpty(value) && !JavaUrl.IsValid(value)) Add("logoUri", "invalid_uri");
    }

    /// <summary>redirectUris: @NotNull, @Size(1..5), elements @NotBlank + the line's URL rule (§2.6).</summary>
    private void RedirectUris(BoundFields r, bool required)
    {
        var list = r.TextList("redirectUris");
        if (list is null)
        {
            if (required) Add("redirectUris", "invalid_redirect_uri");
            return;
        }
        if (list.Count is < 1 or > 5) Add("redirectUris", "invalid_redirect_uri");
        for (var i = 0; i < list.Count; i++)
        {
            var uri = list[i];
            if (JavaText.IsTrimBlank(uri)) Add($"redirectUris[{i}]", "invalid_redirect_uri");
            var valid = _line.RedirectUrisUseJavaUrl
                ? string.IsNullOrEmpty(uri) || JavaUrl.IsValid(uri) // Hibernate @URL passes null and ""
                : CommonsUrlValidator.IsValid(uri);
            if (!valid) Add($"redirectUris[{i}]", "invalid_redirect_uri");
        }
    }

    /// <summary>grantTypes / clientAuthMethods: @NotNull, @Size(1..3), elements non-blank and configured.</summary>
    private void ListOf(BoundFields r, string field, IReadOnlySet<string> allowed, string code, bool required)
    {
        var list = r.TextList(field);
        if (list is null)
        {
            if (required) Add(field, code);
            return;
        }
        if (list.Count is < 1 or > 3) Add(field, code);
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not { } value || !allowed.Contains(value)) Add($"{field}[{i}]", code);
        }
    }

    /// <summary>status: @NotNull and a full match of ACTIVE|INACTIVE (case-sensitive), §2.4.</summary>
    private void Status(BoundFields r, bool required)
    {
        var value = r.Text("status");
        if (value is null)
        {
            if (required) Add("status", "invalid_status");
            return;
        }
        if (value is not ("ACTIVE" or "INACTIVE")) Add("status", "invalid_status");
    }

    /// <summary>clientNameLangMap per line (§2.2): required+non-empty up to v1.5, key rule, value rules.</summary>
    private void LanguageMap(BoundFields r, bool required)
    {
        var map = r.TextMap("clientNameLangMap");
        if (map is null || map.Count == 0)
        {
            if (required) Add("clientNameLangMap", "invalid_client_name");
            if (map is null) return;
        }
        foreach (var (key, value) in map)
        {
            var keyValid = _line.LanguageKeysMustBeIso639 ? LanguageCodes.IsJvmIso639(key, _line) : key.Length == 3;
            if (!keyValid) Add($"clientNameLangMap[{key}]", "invalid_language_code");
            if (JavaText.IsTrimBlank(value)) Add($"clientNameLangMap[{key}]", "invalid_client_name_value");
            if (_line.LanguageValuesLimitedTo50 && value is { Length: > 50 }) Add($"clientNameLangMap[{key}]", "invalid_client_name_length");
        }
    }

    private void AdditionalConfig(BoundFields r)
    {
        JsonElement? config = r.Element("additionalConfig");
        if (!AdditionalConfigSchema.IsValid(config, _line)) Add("additionalConfig", "invalid_additional_config");
    }
}
