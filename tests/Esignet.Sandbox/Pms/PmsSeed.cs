namespace Esignet.Sandbox.Pms;

/// <summary>
/// A PMS partner (pms-api.md §5.1 #4–#8; pms-partner-onboarding.md §2). <see cref="UserId"/> is the Keycloak user that
/// owns it. The init-only members are what self-registration stores; seed partners without them stand for partners
/// onboarded before the sandbox started (approved, with a certificate already in keymanager).
/// </summary>
public sealed record PmsPartner(string Id, string Type, bool Active, string UserId, string OrganizationName, string PolicyGroupId)
{
    public string? EmailId { get; init; }
    public string? Address { get; init; }
    public string? ContactNumber { get; init; }

    /// <summary><c>approval_status</c>: "InProgress" after registration, "approved" after a certificate upload (PSI@v1.2.0.1).</summary>
    public string ApprovalStatus { get; init; } = "approved";

    /// <summary><c>certificate_alias</c>, the keymanager certId; null until a partner certificate was uploaded.</summary>
    public string? CertificateAlias { get; init; } = SeedCertificate;

    /// <summary>The alias a seed partner gets: its certificate was uploaded before the sandbox started.</summary>
    public const string SeedCertificate = "seed-certificate";

    /// <summary>1.2.2's "deactivated": approved once, now inactive (pms-partner-onboarding.md §2).</summary>
    public bool Deactivated => !Active && ApprovalStatus != "InProgress";
}

/// <summary>A policy group; <c>name</c> is unique and case-sensitive (pms-partner-onboarding.md §2).</summary>
public sealed record PmsPolicyGroup(string Id, string Name, string Description)
{
    public bool Active { get; init; } = true;
}

/// <summary>One <c>allowedAuthTypes</c> entry of an Auth policy (§5.3).</summary>
public sealed record PmsAuthType(string AuthType, string? AuthSubType, bool Mandatory);

/// <summary>
/// A policy; <see cref="Type"/> must be exactly "Auth" for OIDC clients (§5.1 #10). Draft: not <see cref="Published"/>
/// and not active; published: schema set and active; deactivated (1.2.2): published but not active.
/// </summary>
public sealed record PmsPolicy(
    string Id,
    string Name,
    string Description,
    string Type,
    bool Active,
    string PolicyGroupId,
    IReadOnlyList<string> AllowedKycAttributes,
    IReadOnlyList<PmsAuthType> AllowedAuthTypes)
{
    /// <summary><c>policy_schema != null</c>: seed policies were published before the sandbox started.</summary>
    public bool Published { get; init; } = true;

    public string Version { get; init; } = "1.0";

    /// <summary>The <c>policies</c> JSON as sent on create (null for seed policies).</summary>
    public string? PoliciesJson { get; init; }
}

/// <summary>
/// A <c>partner_policy_request</c> row; approved means status "approved" (§5.1 #11–#12). <see cref="Id"/> is the
/// <c>mappingkey</c> (a random int below 1 000 000, PartnerUtil@v1.2.0.1).
/// </summary>
public sealed record PmsPolicyMapping(string PartnerId, string PolicyId, string Status)
{
    public string Id { get; init; } = "";
}

/// <summary>The shape of <c>Data/pms-seed.json</c> and of a <c>--pms-seed</c> file.</summary>
public sealed record PmsSeed(
    IReadOnlyList<PmsPolicyGroup>? PolicyGroups,
    IReadOnlyList<PmsPartner>? Partners,
    IReadOnlyList<PmsPolicy>? Policies,
    IReadOnlyList<PmsPolicyMapping>? Mappings);
