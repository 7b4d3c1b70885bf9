using Esignet.Sandbox.Versions;

namespace Esignet.Sandbox.Pms.Onboarding;

/// <summary>
/// The partnermanager's onboarding codes: partner/constant/ErrorCode.java and manager/constant/ErrorCode.java
/// @v1.2.0.1 and @v1.2.2.2 (texts differ per line where noted; pms-partner-onboarding.md §3.4–§3.9).
/// </summary>
public static class PartnerManagerErrors
{
    public static readonly PmsError GroupNotFound = new("PMS_PRT_002", "Policy group does not exist");
    public static readonly PmsError PartnerNotFound = new("PMS_PRT_005", "Partner does not exist");
    public static readonly PmsError TypeNotFound = new("PMS_PRT_010", "Partner Type does not exist");
    public static readonly PmsError EmailExists = new("PMS_PRT_011", "Email is already exists.");
    public static readonly PmsError InvalidEmail = new("PMS_PRT_012", "Invalid emailId.");
    public static readonly PmsError InvalidMobile = new("PMS_PRT_013", "Invalid mobile number.Length should be less than .16");
    public static readonly PmsError PartnerNoGroup = new("PMS_PRT_047", "Partner is not mapped to policy group");
    public static readonly PmsError AlreadyRegistered = new("PMS_PRT_051", "A Partner is already registered with the same Id");
    public static readonly PmsError IdTooLong = new("PMS_PRT_052", "PartnerId max length should be 36");
    public static readonly PmsError GroupNotMapped = new("PMS_PRT_054", "Policy group not mapped for given partner");
    public static readonly PmsError NotAuthorized = new("PMS_PRT_055", "User not authorized.");
    public static readonly PmsError LangNotSupported = new("PMS_PRT_056", "Given langCode is not supported");
    public static readonly PmsError IdHasSpaces = new("PMS_PRT_066", "PartnerId should not have any spaces36");
    public static readonly PmsError PolicyNotExists = new("PMS_PRT_073", "Policy not exists.");
    public static readonly PmsError CertificateNotUploaded = new("PMS_PRT_108", "Certficate is not uploaded for the selected partner.");
    public static readonly PmsError CannotActivateWithoutCertificate = new("PMS_PRT_108", "Certficate is not uploaded for the given partner.Cannot activate the same.");
    public static PmsError GroupMandatory(string type) => new("PMS_PRT_108", "Policy group is Mandatory for " + type);

    public static readonly PmsError PartnerIdNotFound = new("PMS_PMP_005", "Partner ID does not exist");
    public static readonly PmsError ApiKeyNotFound = new("PMS_PMP_007", "Partner api key does not exist");
    public static readonly PmsError NoApiKeyRequests = new("PMS_PMP_015", "No Partner api key requests for the Policy Group");
    public static readonly PmsError PartnerInactive = new("PMS_PMP_016", "Partner is not active.");
    public static readonly PmsError MappedPolicyMissing = new("PMS_PMP_017", "Partner is not mapped to any policy.");
    public static readonly PmsError PolicyInactive = new("PMS_PMP_019", "Policy is not active.");
    public static readonly PmsError MappedPolicyInactive = new("PMS_PMP_019", "Partner policy is not active.");
    public static readonly PmsError MappedGroupMissing = new("PMS_PMP_022", "Policy group not exists.");
    public static readonly PmsError GroupInactive = new("PMS_PMP_023", "Policy group is not active.");

    public static readonly PmsError AlreadyApproved = new("PMS_PM_034", "Policy request already approved.");
    public static readonly PmsError AlreadyRejected = new("PMS_PM_035", "Policy request already rejected.");
    public static readonly PmsError BadApprovalStatus = new("PMS_PM_045", "Status should be either Approved or Rejected");
    public static readonly PmsError BadActivationStatus = new("PMS_PM_058", "Status should be either Active or De-Active");
    public static readonly PmsError AlreadyDeactivated = new("PMS_PM_063", "The selected partner has already been deactivated.");

    public static PmsError PolicyNotInGroup(PmsLine line) => new("PMS_PRT_098", line.MappingChecksActiveNameFirst
        ? "Given policy doesn't exists under partner's policy group."
        : "Given policy under partner's policy group not exists.");

    public static PmsError MappingPending(PmsLine line) => new("PMS_PRT_053", line.MappingChecksActiveNameFirst
        ? "This policy is already pending for approval against your partner ID."
        : "Mapping exists for given policy and partner and is in InProgress state.");

    public static PmsError MappingApproved(PmsLine line) => line.MappingChecksActiveNameFirst
        ? new("PMS_PRT_060", "This policy has already been approved against your partner ID.")
        : new("PMS_PRT_053", "Mapping exists for given policy and partner and is in approved state.");
}
