using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Esignet.Sandbox.Hosting;
using Esignet.Sandbox.Json;
using Esignet.Sandbox.Tokens;

namespace Esignet.Sandbox.Pms.Onboarding;

/// <summary>
/// The partnermanager's onboarding calls after authentication and role checks (pms-partner-onboarding.md §3.4–§3.9):
/// PartnerServiceImpl.java (register, uploads, mapping request) and PartnerManagementServiceImpl.java (activation,
/// approval) @v1.2.0.1 and @v1.2.2.2, first failure wins, with the version switches of §8.
/// </summary>
public sealed partial class PartnerOnboardingService(SandboxRuntime runtime, PmsDirectory directory, KeymanagerStore keymanager)
{
    /// <summary>dml/pms-partner_type.csv@v1.2.0.1: code → is_policy_required.</summary>
    private static readonly (string Code, bool NeedsGroup)[] PartnerTypes =
    [
        ("Auth_Partner", true), ("Device_Provider", false), ("Credential_Partner", true), ("Partner_Admin", false),
        ("FTM_Provider", false), ("Online_Verification_Partner", true), ("ABIS_Partner", true), ("Manual_Adjudication", true),
        ("MISP_Partner", false), ("Internal_Partner", true), ("SDK_Partner", false), ("Print_Partner", true),
    ];

    /// <summary>Languages of the sandbox's MOSIP (mosip.mandatory-languages + optional), for PMS_PRT_056.</summary>
    private static readonly string[] Languages = ["eng", "ara", "fra", "hin", "kan", "tam"];

    private const string Empty = "value is empty or null";

    public KeymanagerStore Keymanager => keymanager;

    public PmsDirectory Directory => directory;

    /// <summary>§3.4 (PSI registerPartner, identical @v1.2.2.2).</summary>
    public PmsResult<PmsPartner> Register(BoundFields r)
    {
        var invalid = new BeanValidation(r)
            .NotBlank("partnerId", Empty)
            .NotBlank("organizationName", Empty, 128, "Length should be between 1 and 128 chars")
            .NotBlank("address", Empty, 2000, "Length should be between 1 and 2000 chars")
            .NotBlank("contactNumber", Empty, 16, "Length should be between 1 and 16 chars")
            .NotBlank("emailId", Empty, 254, "Length should be between 1 and 254 chars")
            .NotBlank("partnerType", Empty).Error;
        if (invalid is not null) return invalid;
        // The token's email claim rule (#2) is not emulated: sandbox tokens carry no email claim.
        var id = r.Text("partnerId")!;
        var email = r.Text("emailId")!;
        if (r.Text("contactNumber")!.Length > 16) return PartnerManagerErrors.InvalidMobile;
        if (!EmailPattern().IsMatch(email)) return PartnerManagerErrors.InvalidEmail;
        if (id.Any(char.IsWhiteSpace)) return PartnerManagerErrors.IdHasSpaces;
        if (id.Length > 36) return PartnerManagerErrors.IdTooLong;
        return directory.Locked<PmsResult<PmsPartner>>(() =>
        {
            if (directory.Partners().Any(p => p.EmailId == email)) return PartnerManagerErrors.EmailExists;
            if (r.Text("langCode") is { Length: > 0 } lang && !Languages.Contains(lang)) return PartnerManagerErrors.LangNotSupported;
            if (directory.Partner(id) is not null) return PartnerManagerErrors.AlreadyRegistered;
            var type = PartnerTypes.FirstOrDefault(t => string.Equals(t.Code, r.Text("partnerType"), StringComparison.OrdinalIgnoreCase));
            if (type.Code is null) return PartnerManagerErrors.TypeNotFound;
            var groupName = r.Text("policyGroup");
            var groupId = "";
            if (type.NeedsGroup)
            {
                if (string.IsNullOrEmpty(groupName)) return PartnerManagerErrors.GroupMandatory(type.Code);
                var group = directory.GroupByName(groupName);
                if (group is null) return PartnerManagerErrors.GroupNotFound;
                if (!group.Active) return PartnerManagerErrors.GroupInactive;
                groupId = group.Id;
            }
            var partner = new PmsPartner(id, type.Code, false, id, r.Text("organizationName")!, groupId)
            {
                EmailId = email,
                Address = r.Text("address"),
                ContactNumber = r.Text("contactNumber"),
                ApprovalStatus = "InProgress",
                CertificateAlias = null,
            };
            directory.Put(partner);
            return partner;
        });
    }

    /// <summary>§3.5: forwarded to keymanager as-is; no partner check.</summary>
    public PmsError? UploadCa(BoundFields r)
    {
        var invalid = new BeanValidation(r).NotBlank("certificateData").NotBlank("partnerDomain").Error;
        if (invalid is not null) return invalid;
        return Rules().UploadCa(r.Text("certificateData"), r.Text("partnerDomain"), runtime.Active.Keymanager);
    }

    /// <summary>§3.6: ownership, partner, (1.2.2) deactivated, group, keymanager, then active + approved.</summary>
    public PmsResult<UploadedCertificate> UploadCertificate(BoundFields r, TokenPrincipal caller)
    {
        var invalid = new BeanValidation(r).NotBlank("partnerId").NotBlank("certificateData").NotBlank("partnerDomain").Error;
        if (invalid is not null) return invalid;
        var id = r.Text("partnerId")!;
        if (Ownership(caller, id) is { } notOwner) return notOwner;
        return directory.Locked<PmsResult<UploadedCertificate>>(() =>
        {
            var partner = directory.Partner(id);
            if (partner is null) return PartnerManagerErrors.PartnerNotFound;
            if (runtime.Active.Pms.DeactivationIsFinal && partner.Deactivated) return PartnerManagerErrors.PartnerInactive;
            if (NeedsGroup(partner.Type) && partner.PolicyGroupId.Length == 0) return PartnerManagerErrors.GroupNotMapped;
            var (certId, signedPem, error) = Rules().UploadPartner(partner.Id, r.Text("certificateData"), partner.OrganizationName, r.Text("partnerDomain"), runtime.Active.Keymanager);
            if (error is not null) return error;
            directory.Put(partner with { CertificateAlias = certId, Active = true, ApprovalStatus = "approved" });
            return new UploadedCertificate(certId!, signedPem!);
        });
    }

    public sealed record UploadedCertificate(string CertificateId, string SignedPem);

    /// <summary>§3.7 (PMI activateDeactivateAuthEKYCPartner): the response message, or the error.</summary>
    public PmsResult<string> SetStatus(string partnerId, BoundFields r)
    {
        var invalid = new BeanValidation(r).NotBlank("status").Error;
        if (invalid is not null) return invalid;
        var status = r.Text("status")!;
        return directory.Locked<PmsResult<string>>(() =>
        {
            var partner = directory.Partner(partnerId);
            if (partner is null) return PartnerManagerErrors.PartnerIdNotFound;
            if (runtime.Active.Pms.DeactivationIsFinal && partner.Deactivated) return PartnerManagerErrors.AlreadyDeactivated;
            if (string.Equals(status, "Active", StringComparison.OrdinalIgnoreCase))
            {
                if (partner.CertificateAlias is null) return PartnerManagerErrors.CannotActivateWithoutCertificate;
                if (!partner.Active) directory.Put(partner with { Active = true });
                return "Partner activated successfully";
            }
            if (string.Equals(status, "De-active", StringComparison.OrdinalIgnoreCase))
            {
                directory.Put(partner with { Active = false });
                return "Partner de-activated successfully";
            }
            return PartnerManagerErrors.BadActivationStatus;
        });
    }

    /// <summary>§3.8: the new mapping row, or the error; the check order differs between 1.2.0.1 and 1.2.2.2.</summary>
    public PmsResult<PmsPolicyMapping> RequestMapping(string partnerId, BoundFields r, TokenPrincipal caller)
    {
        var invalid = new BeanValidation(r).NotNull("policyName").NotNull("useCaseDescription").Error;
        if (invalid is not null) return invalid;
        if (Ownership(caller, partnerId) is { } notOwner) return notOwner;
        var line = runtime.Active.Pms;
        var policyName = r.Text("policyName")!;
        return directory.Locked<PmsResult<PmsPolicyMapping>>(() =>
        {
            var partner = directory.Partner(partnerId);
            if (partner is null) return PartnerManagerErrors.PartnerNotFound;
            if (!partner.Active) return PartnerManagerErrors.PartnerInactive;
            if (line.MappingChecksActiveNameFirst)
            {
                if (!directory.Policies().Any(p => p.Name == policyName && p.Active)) return PartnerManagerErrors.PolicyNotExists;
            }
            else if (partner.PolicyGroupId.Length == 0)
            {
                return PartnerManagerErrors.PartnerNoGroup;
            }
            var policy = directory.PoliciesIn(partner.PolicyGroupId).FirstOrDefault(p => p.Name == policyName);
            if (policy is null) return PartnerManagerErrors.PolicyNotInGroup(line);
            if (!policy.Active) return PartnerManagerErrors.PolicyInactive;
            if (directory.Group(partner.PolicyGroupId) is { Active: false }) return PartnerManagerErrors.GroupInactive;
            var rows = directory.Mappings(partner.Id, policy.Id);
            if (rows.Any(m => m.Status == "InProgress")) return PartnerManagerErrors.MappingPending(line);
            if (rows.Any(m => m.Status == "approved")) return PartnerManagerErrors.MappingApproved(line);
            var key = NewMappingKey();
            var mapping = new PmsPolicyMapping(partner.Id, policy.Id, "InProgress") { Id = key };
            directory.Put(mapping);
            return mapping;
        });
    }

    /// <summary>§3.9 (PMI approveRejectPartnerPolicyMapping, unchanged @v1.2.2.2): the response text, or the error.</summary>
    public PmsResult<string> Decide(string mappingKey, BoundFields r)
    {
        var invalid = new BeanValidation(r).NotBlank("status").Error;
        if (invalid is not null) return invalid;
        var status = r.Text("status")!;
        return directory.Locked<PmsResult<string>>(() =>
        {
            var mapping = directory.Mapping(mappingKey);
            if (mapping is null) return PartnerManagerErrors.ApiKeyNotFound;
            if (mapping.Status.Equals("approved", StringComparison.OrdinalIgnoreCase)) return PartnerManagerErrors.AlreadyApproved;
            if (mapping.Status.Equals("rejected", StringComparison.OrdinalIgnoreCase)) return PartnerManagerErrors.AlreadyRejected;
            var policy = directory.Policy(mapping.PolicyId);
            if (policy is null) return PartnerManagerErrors.MappedPolicyMissing;
            if (!policy.Active) return PartnerManagerErrors.MappedPolicyInactive;
            var group = directory.Group(policy.PolicyGroupId);
            if (group is null) return PartnerManagerErrors.MappedGroupMissing;
            if (!group.Active) return PartnerManagerErrors.GroupInactive;
            if (status.Equals("approved", StringComparison.OrdinalIgnoreCase))
            {
                directory.Put(mapping with { Status = "approved" });
                return "Policy mapping approved successfully";
            }
            if (status.Equals("rejected", StringComparison.OrdinalIgnoreCase))
            {
                directory.Put(mapping with { Status = "rejected" });
                return "Policy mapping rejected successfully";
            }
            return PartnerManagerErrors.BadApprovalStatus;
        });
    }

    /// <summary>§6 GET /partners/{id}: ownership first, then PMS_PRT_005.</summary>
    public PmsResult<PmsPartner> Get(string partnerId, TokenPrincipal caller)
    {
        if (Ownership(caller, partnerId) is { } notOwner) return notOwner;
        return directory.Partner(partnerId) is { } partner ? partner : PartnerManagerErrors.PartnerNotFound;
    }

    /// <summary>§6 GET /partners/{id}/certificate: the MOSIP-signed PEM, PMS_PRT_108 when none was uploaded.</summary>
    public PmsResult<string> Certificate(string partnerId)
    {
        var partner = directory.Partner(partnerId);
        if (partner is null) return PartnerManagerErrors.PartnerNotFound;
        var stored = keymanager.PartnerCertificate(partner.CertificateAlias);
        return stored is null ? PartnerManagerErrors.CertificateNotUploaded : stored.SignedPem;
    }

    /// <summary>§6 GET /partners/apikey: every mapping row; PMS_PMP_015 when there is none.</summary>
    public PmsResult<IReadOnlyList<PmsPolicyMapping>> MappingRequests()
    {
        var all = directory.AllMappings();
        return all.Count == 0 ? PartnerManagerErrors.NoApiKeyRequests : new PmsResult<IReadOnlyList<PmsPolicyMapping>>(all, null);
    }

    /// <summary>PSI validateLoggedInUserAuthorization@v1.2.0.1: non-admins only for their own partner id.</summary>
    private static PmsError? Ownership(TokenPrincipal caller, string partnerId) =>
        caller.IsPartnerAdmin || caller.UserId == partnerId ? null : PartnerManagerErrors.NotAuthorized;

    private static bool NeedsGroup(string type) => PartnerTypes.Any(t => t.NeedsGroup && string.Equals(t.Code, type, StringComparison.OrdinalIgnoreCase));

    private KeymanagerCertificateRules Rules() => new(keymanager, runtime.Clock);

    /// <summary>PartnerUtil.createPartnerPolicyRequestId@v1.2.0.1: a random int below 1 000 000.</summary>
    private string NewMappingKey()
    {
        while (true)
        {
            var key = RandomNumberGenerator.GetInt32(1_000_000).ToString(CultureInfo.InvariantCulture);
            if (directory.Mapping(key) is null) return key;
        }
    }

    /// <summary>mosip.pms.email.regex (mosip-config partner-management-default.properties@v1.2.0.1); Java's \w is ASCII.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_+-]+(\.[A-Za-z0-9_]+)*@[A-Za-z0-9_-]+(\.[A-Za-z0-9_]+)*(\.[a-z]{2,})$")]
    private static partial Regex EmailPattern();
}
