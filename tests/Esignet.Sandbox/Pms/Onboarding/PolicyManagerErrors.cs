namespace Esignet.Sandbox.Pms.Onboarding;

/// <summary>
/// The policy manager's codes met during onboarding, spelled as in ErrorMessages.java@v1.2.0.1 (unchanged @v1.2.2.2)
/// and policy-validator PolicyValidatorErrorConstant.java (pms-partner-onboarding.md §3.1–§3.3).
/// </summary>
public static class PolicyManagerErrors
{
    public static PmsError GroupExists(string name) => new("PMS_POL_014", "Policy group exists with name : " + name);

    public static PmsError PolicyExists(string name) => new("PMS_POL_009", "Auth policy exists with name : " + name);

    public static readonly PmsError PolicyNotFound = new("PMS_POL_008", "Policy ID does not exist");
    public static readonly PmsError GroupIdNotFound = new("PMS_POL_016", "Policy Group ID does not exist");
    public static readonly PmsError NotMapped = new("PMS_POL_015", "Policy group and policy not mapped.");
    public static readonly PmsError GroupNameNotFound = new("PMS_POL_019", "Policy group name does not exist");
    public static readonly PmsError AlreadyPublished = new("PMS_POL_020", "Can not publish the published policy");
    public static readonly PmsError TypeNotAllowed = new("PMS_POL_023", "Given policy type is not allowed ");
    public static readonly PmsError GroupInactive = new("PMS_POL_053", "Policy group is not active.");

    public static PmsError Missing(string path) => new("PMS_PV_006", $"Missing input parameter - {path} in policy data");

    public static PmsError Invalid(string path) => new("PMS_PV_005", $"Invalid input parameter - {path} in policy data");
}
