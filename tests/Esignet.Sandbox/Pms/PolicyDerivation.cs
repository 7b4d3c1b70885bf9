namespace Esignet.Sandbox.Pms;

/// <summary>
/// How PMS turns an Auth policy into eSignet userClaims and authContextRefs (pms-api.md §5.3), with the mapping files of
/// mosip-config v1.2.0.1: <c>identity-mapping.json</c> (claim → identity attributes) and <c>amr-acr-mapping.json</c>
/// (ACR → auth factor types).
/// </summary>
public static class PolicyDerivation
{
    /// <summary>claim → the identity attributes its mapping value lists (comma-split), in file order.</summary>
    private static readonly (string Claim, string[] Attributes)[] IdentityMapping =
    [
        ("name", ["fullName"]),
        ("birthdate", ["dateOfBirth"]),
        ("phone_number", ["phone"]),
        ("email", ["email"]),
        ("picture", ["face"]),
        ("gender", ["gender"]),
        ("address", ["addressLine1", "addressLine2", "addressLine3", "city", "province", "region", "postalCode"]),
        ("individual_id", ["individual_id"]),
    ];

    /// <summary>ACR → the factor types of its single AMR (PIN, OTP, WLA, BIO, PWD).</summary>
    private static readonly (string Acr, string[] FactorTypes)[] AcrMapping =
    [
        ("mosip:idp:acr:static-code", ["pin"]),
        ("mosip:idp:acr:generated-code", ["otp"]),
        ("mosip:idp:acr:linked-wallet", ["wla"]),
        ("mosip:idp:acr:biometrics", ["bio"]),
        ("mosip:idp:acr:password", ["pwd"]),
    ];

    /// <summary>Claims whose mapping names one of the policy's KYC attributes (case-insensitive) and that eSignet supports.</summary>
    public static IReadOnlyList<string> Claims(PmsPolicy policy, IReadOnlySet<string> claimsSupported)
    {
        var attributes = policy.AllowedKycAttributes.Select(a => a.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        return IdentityMapping
            .Where(m => claimsSupported.Contains(m.Claim) && m.Attributes.Any(a => attributes.Contains(a.ToLowerInvariant())))
            .Select(m => m.Claim)
            .ToList();
    }

    /// <summary>ACRs all of whose factor types are among the policy's auth types (lower-cased).</summary>
    public static IReadOnlyList<string> Acrs(PmsPolicy policy)
    {
        var authTypes = policy.AllowedAuthTypes.Select(t => t.AuthType.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        return AcrMapping.Where(m => m.FactorTypes.All(authTypes.Contains)).Select(m => m.Acr).ToList();
    }

    public static bool HasMandatoryAuth(PmsPolicy policy) => policy.AllowedAuthTypes.Any(t => t.Mandatory);
}
