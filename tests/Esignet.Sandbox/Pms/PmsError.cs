namespace Esignet.Sandbox.Pms;

/// <summary>How PMS renders an error (pms-api.md §2.2): each exception handler builds a slightly different body.</summary>
public enum PmsErrorStyle
{
    /// <summary>PartnerServiceException and friends: id "mosip.partnermanagement", version "1.0".</summary>
    Business,
    /// <summary>MethodArgumentNotValidException: PMS_COR_001, id/version null, responsetime after response.</summary>
    Validation,
    /// <summary>The catch-all handler: id/version null, errorCode possibly null.</summary>
    Generic,
}

/// <summary>One PMS error, with the exact code and message spellings of pms-api.md §8.</summary>
public sealed record PmsError(string? Code, string? Message, PmsErrorStyle Style = PmsErrorStyle.Business);
