using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Esignet.Sandbox.Hosting;
using Esignet.Sandbox.Json;

namespace Esignet.Sandbox.Pms.Onboarding;

/// <summary>
/// PolicyManagementService.java@v1.2.0.1 (same checks @v1.2.2.2) after authentication: group create (§3.1), policy
/// create as a draft (§3.2) and publish (§3.3) of pms-partner-onboarding.md, first failure wins, each check and its
/// write under the directory's lock.
/// </summary>
public sealed class PolicyManagerService(SandboxRuntime runtime, PmsDirectory directory)
{
    /// <summary><c>pmp.allowed.policy.types</c> (mosip-config partner-management-default.properties@v1.2.0.1), compared ignoring case.</summary>
    private static readonly string[] AllowedTypes = ["Auth", "DataShare", "CredentialIssuance", "MISP"];

    private const string Empty = "value is empty or null";

    public PmsDirectory Directory => directory;

    public PmsResult<PmsPolicyGroup> CreateGroup(BoundFields r)
    {
        var max = runtime.Active.Pms.DescriptionMaxLength;
        var invalid = new BeanValidation(r)
            .NotBlank("name", Empty, 128, "Length should be in between 1 and 128 chars")
            .NotBlank("desc", Empty, max, $"Length should be in between 1 and {max} chars").Error;
        if (invalid is not null) return invalid;
        var name = r.Text("name")!;
        return directory.Locked<PmsResult<PmsPolicyGroup>>(() =>
        {
            if (directory.GroupByName(name) is not null) return PolicyManagerErrors.GroupExists(name);
            var group = new PmsPolicyGroup(NewId(id => directory.Group(id) is null), name, r.Text("desc")!);
            directory.Put(group);
            return group;
        });
    }

    public PmsResult<PmsPolicy> CreatePolicy(BoundFields r)
    {
        var max = runtime.Active.Pms.DescriptionMaxLength;
        var invalid = new BeanValidation(r)
            .NotBlank("policyGroupName", Empty, 128, "Length should be in between 1 and 128 chars")
            .NotBlank("policyType", Empty + ". Allowed values Auth/DataShare/CredentialIssuance", 128, "Length should be in between 1 and 128 chars")
            .NotBlank("name", Empty, 128, "Length should be in between 1 and 128 chars")
            .NotBlank("desc", Empty, max, $"Length should be in between 1 and {max} chars")
            .NotBlank("version", Empty).Error;
        if (invalid is not null) return invalid;
        var type = r.Text("policyType")!;
        if (!AllowedTypes.Any(t => string.Equals(t, type, StringComparison.OrdinalIgnoreCase))) return PolicyManagerErrors.TypeNotAllowed;
        var groupName = r.Text("policyGroupName")!;
        var name = r.Text("name")!;
        return directory.Locked<PmsResult<PmsPolicy>>(() =>
        {
            var group = directory.GroupByName(groupName);
            if (group is null) return PolicyManagerErrors.GroupNameNotFound;
            if (!group.Active) return PolicyManagerErrors.GroupInactive;
            if (directory.PoliciesIn(group.Id).Any(p => p.Name == name)) return PolicyManagerErrors.PolicyExists(name);
            var policies = r.Element("policies");
            // Only Auth policies are validated against the Auth schema here; other types are stored unchecked.
            if (string.Equals(type, "Auth", StringComparison.OrdinalIgnoreCase) && AuthPolicySchema.Validate(policies) is { } schemaError) return schemaError;
            var isAuthShape = policies is { ValueKind: JsonValueKind.Object } p && AuthPolicySchema.Validate(p) is null;
            var version = r.Text("version")!;
            // version varchar(8): a longer one fails in the database, the catch-all answer (pms-partner-onboarding.md §3.2).
            if (version.Length > 8) return new PmsError("PMS_COR_003", "Could not process the request");
            // policyId from the caller is used as the id and would overwrite (JPA merge); honoured as the service does.
            var id = r.Text("policyId") is { Length: > 0 } given ? given : NewId(x => directory.Policy(x) is null);
            var policy = new PmsPolicy(id, name, r.Text("desc")!, type, false, group.Id,
                isAuthShape ? AuthPolicySchema.KycAttributes(policies!.Value) : [],
                isAuthShape ? AuthPolicySchema.AuthTypes(policies!.Value) : [])
            {
                Published = false,
                Version = version,
                PoliciesJson = policies?.GetRawText(),
            };
            directory.Put(policy);
            return policy;
        });
    }

    /// <summary>§3.3: both path values are ids; publishing sets the schema and is_active.</summary>
    public PmsResult<PmsPolicy> Publish(string policyId, string groupId) => directory.Locked<PmsResult<PmsPolicy>>(() =>
    {
        var group = directory.Group(groupId);
        if (group is null) return PolicyManagerErrors.GroupIdNotFound;
        if (!group.Active) return PolicyManagerErrors.GroupInactive;
        var policy = directory.Policy(policyId);
        if (policy is null) return PolicyManagerErrors.PolicyNotFound;
        if (policy.PolicyGroupId != group.Id) return PolicyManagerErrors.NotMapped;
        if (policy.Published) return PolicyManagerErrors.AlreadyPublished;
        var published = policy with { Published = true, Active = true };
        directory.Put(published);
        return published;
    });

    /// <summary>PolicyUtil.generateId@v1.2.0.1: SecureRandom.nextInt(100000) as a string (retried here on a collision).</summary>
    private static string NewId(Func<string, bool> free)
    {
        while (true)
        {
            var id = RandomNumberGenerator.GetInt32(100000).ToString(CultureInfo.InvariantCulture);
            if (free(id)) return id;
        }
    }
}
