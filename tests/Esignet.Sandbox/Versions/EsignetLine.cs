using System.Globalization;

namespace Esignet.Sandbox.Versions;

/// <summary>How a release line decides that two public keys are "the same" (esignet-api.md §3.2).</summary>
public enum KeyUniquenessRule
{
    /// <summary>v1.0.0 – v1.5.0: UNIQUE on the normalised JWK string.</summary>
    NormalisedJwk,
    /// <summary>v1.5.1 – v1.7.1: unique index on the RSA modulus <c>n</c>; EC keys unconstrained.</summary>
    RsaModulus,
    /// <summary>v1.8.0+: unique SHA-256 of <c>n</c> (RSA) or <c>x‖y</c> (EC).</summary>
    PublicKeyHash,
}

/// <summary>The eSignet client-management endpoints E1–E7 (esignet-api.md §1.2).</summary>
public enum ClientEndpoint
{
    CreateOidcClient = 1,   // E1 POST /client-mgmt/oidc-client
    UpdateOidcClient = 2,   // E2 PUT  /client-mgmt/oidc-client/{id}
    CreateOAuthClient = 3,  // E3 POST /client-mgmt/oauth-client
    UpdateOAuthClient = 4,  // E4 PUT  /client-mgmt/oauth-client/{id}
    CreateClient = 5,       // E5 POST /client-mgmt/client
    UpdateClient = 6,       // E6 PUT  /client-mgmt/client/{id}
    PatchClient = 7,        // E7 PATCH /client-mgmt/client/{id}
}

/// <summary>
/// One emulated eSignet release (esignet-api.md §0.2). "1.5" means the last patch of the line (1.5.1);
/// a patch can be named where patches differ ("1.5.0", "1.7.0"). Every per-version rule is a property here,
/// so the rest of the sandbox never compares version numbers itself.
/// </summary>
public sealed class EsignetLine
{
    /// <summary>The release lines accepted by <c>--esignet-version</c>.</summary>
    public static readonly IReadOnlyList<string> Lines = ["1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8"];

    private static readonly int[] LastPatch = [0, 0, 0, 0, 2, 1, 2, 1, 0];

    private EsignetLine(int minor, int patch, string name)
    {
        Minor = minor;
        Patch = patch;
        Name = name;
    }

    /// <summary>1 for every supported line; kept for clarity when printing.</summary>
    public int Major => 1;
    public int Minor { get; }
    public int Patch { get; }
    /// <summary>The name as configured, e.g. "1.7" or "1.5.0".</summary>
    public string Name { get; }

    public static bool TryParse(string? text, out EsignetLine line)
    {
        line = null!;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var parts = text.Trim().TrimStart('v', 'V').Split('.');
        if (parts.Length is < 2 or > 3 || parts[0] != "1") return false;
        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor) || minor is < 0 or > 8) return false;
        var patch = LastPatch[minor];
        if (parts.Length == 3)
        {
            if (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out patch) || patch > LastPatch[minor]) return false;
        }
        line = new EsignetLine(minor, patch, parts.Length == 3 ? $"1.{minor}.{patch}" : $"1.{minor}");
        return true;
    }

    public static EsignetLine Parse(string text) =>
        TryParse(text, out var line) ? line : throw new ArgumentException($"Unknown eSignet version '{text}'. Use one of {string.Join(", ", Lines)} (or a patch such as 1.5.0).");

    private bool AtLeast(int minor, int patch = 0) => Minor > minor || (Minor == minor && Patch >= patch);

    // ---- endpoints (§1.2) ----
    public bool Has(ClientEndpoint endpoint) => endpoint switch
    {
        ClientEndpoint.CreateOidcClient or ClientEndpoint.UpdateOidcClient => true,
        ClientEndpoint.CreateOAuthClient or ClientEndpoint.UpdateOAuthClient => AtLeast(2),
        ClientEndpoint.CreateClient or ClientEndpoint.UpdateClient => AtLeast(6),
        ClientEndpoint.PatchClient => AtLeast(8),
        _ => false,
    };

    /// <summary>v1.8.0+ answers unknown paths and methods with an RFC 7807 ProblemDetail (§1.6).</summary>
    public bool AnswersProblemDetailFor404And405 => AtLeast(8);

    // ---- field rules (§2) ----
    /// <summary>§2.1/§4: the grant-type error code was renamed in v1.7.0.</summary>
    public string GrantTypeErrorCode => AtLeast(7) ? "unsupported_grant_type" : "invalid_grant_type";

    /// <summary>§2.6: v1.0–v1.1 use Hibernate @URL (java.net.URL), later lines commons-validator UrlValidator.</summary>
    public bool RedirectUrisUseJavaUrl => !AtLeast(2);

    /// <summary>§2.2: v1.2–v1.3 only check that a language key has 3 characters; v1.4+ need a JVM ISO-639-2 code.</summary>
    public bool LanguageKeysMustBeIso639 => AtLeast(4);

    /// <summary>§2.2: clientNameLangMap is optional from v1.6.0.</summary>
    public bool LanguageMapOptional => AtLeast(6);

    /// <summary>§2.2: language-map values are limited to 50 characters from v1.6.0.</summary>
    public bool LanguageValuesLimitedTo50 => AtLeast(6);

    /// <summary>§2.4: from v1.8.0 an update may carry an empty userClaims list.</summary>
    public bool UpdateAllowsEmptyUserClaims => AtLeast(8);

    /// <summary>§2.3: the additionalConfig schema gained PAR/DPoP keys in v1.7.0 and require_pkce in v1.8.0.</summary>
    public bool AdditionalConfigHasParAndDpop => AtLeast(7);
    public bool AdditionalConfigHasRequirePkce => AtLeast(8);

    // ---- keys (§3) ----
    /// <summary>§3.1: v1.7.0+ check kty (RSA or EC); earlier lines parse as RSA whatever kty says.</summary>
    public bool ChecksKeyTypeAndAcceptsEc => AtLeast(7);

    /// <summary>§3.1: v1.8.0+ reject a JWK whose alg or use is present but blank.</summary>
    public bool RejectsBlankAlgOrUse => AtLeast(8);

    public KeyUniquenessRule KeyUniqueness =>
        AtLeast(8) ? KeyUniquenessRule.PublicKeyHash : AtLeast(5, 1) ? KeyUniquenessRule.RsaModulus : KeyUniquenessRule.NormalisedJwk;

    /// <summary>§3.2 second table: which error a duplicate key yields on each create endpoint.</summary>
    public string DuplicateKeyErrorCode(ClientEndpoint endpoint) => endpoint switch
    {
        ClientEndpoint.CreateOidcClient => AtLeast(4) ? "duplicate_public_key" : "unknown_error",
        ClientEndpoint.CreateClient => AtLeast(7) ? "duplicate_public_key" : "unknown_error",
        _ => "unknown_error",
    };

    /// <summary>§2.8 [inference]: which create paths turn any DB integrity error into duplicate_public_key.</summary>
    public bool ReportsDataIntegrityAsDuplicateKey(ClientEndpoint endpoint) => DuplicateKeyErrorCode(endpoint) == "duplicate_public_key";

    /// <summary>§2.8: name column is varchar(256) up to v1.5.x, varchar(600) from v1.6.0.</summary>
    public int NameColumnLength => AtLeast(6) ? 600 : 256;

    /// <summary>§2.8: v1.8.0 bounded the list, key and config columns.</summary>
    public bool HasBoundedListColumns => AtLeast(8);

    /// <summary>The DB constraint named in an unknown_error message for a duplicate key (§3.2).</summary>
    public string KeyConstraintName => KeyUniqueness switch
    {
        KeyUniquenessRule.NormalisedJwk => "uk_clntdtl_key",
        KeyUniquenessRule.RsaModulus => "unique_n_value",
        _ => "uk_clntdtl_public_key_hash",
    };

    // ---- shipped defaults (§2.5, §6.1) ----
    public IReadOnlyList<string> DefaultClaims => AtLeast(5)
        ? ["name", "address", "gender", "birthdate", "picture", "email", "phone_number", "individual_id", "phone_number_verified", "registration_type", "updated_at"]
        : ["name", "address", "gender", "birthdate", "picture", "email", "phone_number", "individual_id"];

    /// <summary>§2.5: ACRs accepted at registration come from the AMR/ACR mapping file of the line.</summary>
    public IReadOnlyList<string> DefaultRegistrationAcrs => AtLeast(5)
        ? ["mosip:idp:acr:knowledge", "mosip:idp:acr:password", "mosip:idp:acr:static-code", "mosip:idp:acr:generated-code", "mosip:idp:acr:linked-wallet", "mosip:idp:acr:biometrics", "mosip:idp:acr:id-token"]
        : AtLeast(3)
            ? ["mosip:idp:acr:password", "mosip:idp:acr:static-code", "mosip:idp:acr:generated-code", "mosip:idp:acr:linked-wallet", "mosip:idp:acr:biometrics"]
            : ["mosip:idp:acr:static-code", "mosip:idp:acr:generated-code", "mosip:idp:acr:linked-wallet", "mosip:idp:acr:biometrics"];

    /// <summary>§6.1: discovery acr_values_supported (props v1.5.0+); earlier lines show the registration list.</summary>
    public IReadOnlyList<string> DefaultDiscoveryAcrs => AtLeast(5)
        ? ["mosip:idp:acr:knowledge", "mosip:idp:acr:password", "mosip:idp:acr:static-code", "mosip:idp:acr:generated-code", "mosip:idp:acr:linked-wallet", "mosip:idp:acr:biometrics"]
        : DefaultRegistrationAcrs;

    public static IReadOnlyList<string> DefaultGrantTypes => ["authorization_code"];
    public static IReadOnlyList<string> DefaultAuthMethods => ["private_key_jwt"];

    /// <summary>§6.1: token_endpoint_auth_signing_alg_values_supported.</summary>
    public IReadOnlyList<string> ClientAssertionAlgorithms => AtLeast(7) ? ["RS256", "PS256", "ES256"] : ["RS256"];

    // ---- discovery and token endpoint (§6) ----
    /// <summary>§6.1: POST /oauth/v2/token exists from v1.2.0.</summary>
    public bool HasV2TokenEndpoint => AtLeast(2);

    /// <summary>§6.1: discovery token_endpoint is /oauth/v2/token in configs from v1.4 on, /oauth/token before.</summary>
    public bool DiscoveryAdvertisesV2TokenEndpoint => AtLeast(4);

    /// <summary>§6.1: issuer is ${domain.url}${servlet.path} up to v1.7, ${domain.url} from v1.8.0.</summary>
    public bool IssuerIncludesServletPath => !AtLeast(8);

    /// <summary>§6.1: the PAR endpoint exists from v1.7.0.</summary>
    public bool HasParEndpoint => AtLeast(7);

    /// <summary>§6.2: error code for a rejected client assertion.</summary>
    public string AssertionErrorCode => AtLeast(7) ? "invalid_client" : "invalid_assertion";

    /// <summary>§6.2: exp/nbf leeway in seconds.</summary>
    public int AssertionLeewaySeconds => !AtLeast(2) ? 60 : !AtLeast(5, 1) ? 0 : 5;

    /// <summary>§6.2: jti required and replay-checked from v1.7.0.</summary>
    public bool RequiresUniqueJti => AtLeast(7);

    /// <summary>§6.2: /oauth/token audience is <c>issuer-id/oauth/token</c> from v1.3.0 (before: the discovery token_endpoint).</summary>
    public bool V1TokenAudienceDerivedFromIssuer => AtLeast(3);

    /// <summary>§6.2: from v1.7.0 the audience list may also name the issuer; v1.7.0 checks "contains", v1.7.1+ "any of".</summary>
    public bool AudienceMayBeIssuer => AtLeast(7);

    /// <summary>§6.2: up to v1.6 the audience must be exactly one value.</summary>
    public bool AudienceMustBeSingleValue => !AtLeast(7);

    /// <summary>§5.4: CookieCsrfTokenRepository.withHttpOnlyFalse() up to v1.6, the HttpOnly default from v1.7.0.</summary>
    public bool CsrfCookieHttpOnly => AtLeast(7);

    /// <summary>§2.6: v1.0.0 compares protocol and host case-insensitively and Ant-matches only the path.</summary>
    public bool MatchesRedirectByPathOnly => !AtLeast(2);

    /// <summary>The registration endpoint shown in discovery: the newest create endpoint of the line.</summary>
    public string RegistrationPath => AtLeast(6) ? "/client-mgmt/client" : AtLeast(2) ? "/client-mgmt/oauth-client" : "/client-mgmt/oidc-client";

    public override string ToString() => Name;
}
