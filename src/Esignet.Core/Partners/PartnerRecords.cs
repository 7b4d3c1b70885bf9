using System.Collections.Generic;

namespace Esignet.Core.Partners
{
    /// <summary>A policy group as <c>GET /policies/group/all</c> lists it, with its policies (pms-partner-onboarding.md §6).</summary>
    public sealed record PolicyGroupInfo(string Id, string Name, bool IsActive, IReadOnlyList<PolicySummary> Policies);

    /// <summary>
    /// One policy of a group entry. Published means <c>schema != null</c> (the status label comes from is_active only,
    /// so a 1.2.2-deactivated policy reads "DRAFTED" but has a schema).
    /// </summary>
    public sealed record PolicySummary(string Id, string Name, bool Published, bool IsActive);

    /// <summary><c>GET /policies/{id}</c>: the type is stored as sent, and OIDC create needs exactly "Auth".</summary>
    public sealed record PolicyDetail(string Id, string Name, string? Type, string GroupId, bool Published, bool IsActive);

    /// <summary><c>GET /partners/{id}</c> (§6): the stored organisation name is what a certificate's O= must match.</summary>
    public sealed record PartnerInfo(string Id, string? OrganizationName, string? PartnerType, string? PolicyGroup, bool IsActive, string? EmailId);

    /// <summary>One row of <c>GET /partners/apikey</c>: <see cref="Key"/> is the mappingkey (apiKeyReqNo).</summary>
    public sealed record MappingInfo(string Key, string PartnerId, string PolicyId, string Status);

    /// <summary>What self-registration sends (§3.4).</summary>
    public sealed record PartnerRegistration(string PartnerId, string OrganizationName, string Address, string ContactNumber, string EmailId, string PolicyGroup)
    {
        public string PartnerType { get; init; } = "Auth_Partner";
    }

    /// <summary>What policy create sends (§3.2); <see cref="PoliciesJson"/> is the policy document.</summary>
    public sealed record AuthPolicyRequest(string GroupName, string Name, string Description, string Version, string PoliciesJson);
}
