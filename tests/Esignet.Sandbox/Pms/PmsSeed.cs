namespace Esignet.Sandbox.Pms;

/// <summary>A PMS partner (pms-api.md §5.1 #4–#8). <see cref="UserId"/> is the Keycloak user that owns it.</summary>
public sealed record PmsPartner(string Id, string Type, bool Active, string UserId, string OrganizationName, string PolicyGroupId);

public sealed record PmsPolicyGroup(string Id, string Name, string Description);

/// <summary>One <c>allowedAuthTypes</c> entry of an Auth policy (§5.3).</summary>
public sealed record PmsAuthType(string AuthType, string? AuthSubType, bool Mandatory);

/// <summary>A policy; <see cref="Type"/> must be exactly "Auth" for OIDC clients (§5.1 #10).</summary>
public sealed record PmsPolicy(
    string Id,
    string Name,
    string Description,
    string Type,
    bool Active,
    string PolicyGroupId,
    IReadOnlyList<string> AllowedKycAttributes,
    IReadOnlyList<PmsAuthType> AllowedAuthTypes);

/// <summary>A <c>partner_policy_request</c> row; approved means status "approved" (§5.1 #11–#12).</summary>
public sealed record PmsPolicyMapping(string PartnerId, string PolicyId, string Status);

/// <summary>The shape of <c>Data/pms-seed.json</c> and of a <c>--pms-seed</c> file.</summary>
public sealed record PmsSeed(
    IReadOnlyList<PmsPolicyGroup>? PolicyGroups,
    IReadOnlyList<PmsPartner>? Partners,
    IReadOnlyList<PmsPolicy>? Policies,
    IReadOnlyList<PmsPolicyMapping>? Mappings);
