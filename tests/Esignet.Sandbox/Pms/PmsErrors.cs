using Esignet.Sandbox.Versions;

namespace Esignet.Sandbox.Pms;

/// <summary>The OIDC-related error catalogue of pms-api.md §8, spelled exactly (typos included).</summary>
public static class PmsErrors
{
    public const string ApiAccessMessage = "Error while accessing the API.Please check the logs.";

    public static PmsError Validation(string message, string path) => new("PMS_COR_001", $"Invalid request parameter - {message} :{path}", PmsErrorStyle.Validation);

    public static readonly PmsError FeatureUnavailable = new("PMS_FEATURE_002", "OIDC client related features are not available in the current deployment.");

    public static PmsError KeyAlreadyExists(PmsLine line) => new(line.Code(1), "Client public key already exists.");

    public static PmsError MappingNotApproved(PmsLine line) => new(line.Code(2), "Partner policy mapping is not approved. Please check mapping status.");

    public static PmsError MandatoryAuths(PmsLine line) => new(line.Code(3), "Policy having mandatory auths. So client can't be created for the same.");

    public static PmsError ClientNotFound(PmsLine line) => new(line.Code(4), "Client not exists with given id.");

    public static PmsError NoUserClaims(PmsLine line) => new(line.Code(5), "Partner has no user claims");

    public static PmsError NoAcrs(PmsLine line) => new(line.NoAcrCode, "Partner has no Authentication Context Refrences");

    public static readonly PmsError KeyNotProcessable = new("PMS_ESI_007", "Failed to process the Public Key");

    public static readonly PmsError ClientDeactivated = new("PMS_ESI_008", "Client already deactivated.");

    public static PmsError PartnerNotFound(string id) => new("PMS_PRT_058", $"AuthPartner doesn't exists with this Id - {id}.");

    public static PmsError NotAuthPartner(string type) => new("PMS_PRT_059", $"Only Auth_partner can Create OIDC Client. {type} is not allowed to create OIDC Client.");

    public static readonly PmsError PartnerInactive = new("PMS_PMP_016", "Partner is not active.");

    public static readonly PmsError PolicyNotFound = new("PMS_PRT_073", "Policy not exists.");

    public static readonly PmsError PolicyTypeMismatch = new("PMS_PRT_057", "Policy Type Mismatch. Only Auth policy can be used to create OIDC Client.");

    public static readonly PmsError MappingNotFound = new("PMS_PRT_061", "Partner policy mapping not exists.");

    public static readonly PmsError UserHasNoPartners = new("PMS_CERTIFICATE_ERROR_002", "User Id does not exists.");

    public static readonly PmsError NotOwnerCreate = new("PMS_POLICY_ERROR_009", "The given partner ID does not belong to the user.So unable to create OIDC client");

    public static readonly PmsError NotOwnerUpdate = new("PMS_POLICY_ERROR_010", "The given partner ID does not belong to the user.So unable to update OIDC client details");

    public static readonly PmsError NotOwnerGet = new("PMS_POLICY_ERROR_011", "The given partner ID does not belong to the user.So unable to get OIDC client details");

    public static readonly PmsError ListFailed = new("PMS_POLICY_ERROR_006", "Error while fetching OIDC clients list.");

    public static readonly PmsError ApiNotAccessible = new("PMS_KKS_001", ApiAccessMessage);

    public static PmsError UnableToProcess(string? detail = null) => new("PMS_PRT_500", "Unable to process the request." + detail);

    /// <summary>The catch-all handler, e.g. jose4j's bare <c>new Exception()</c> on 1.2.0 (§5.1 #2).</summary>
    public static PmsError Unexpected(string? message) => new(null, message, PmsErrorStyle.Generic);
}
