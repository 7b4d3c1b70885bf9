namespace Esignet.Sandbox.Versions;

/// <summary>
/// One emulated PMS release line (pms-api.md §0): "1.2.0" stands for 1.2.0.1 / 1.2.1.x, "1.2.2" for 1.2.2.x
/// (the newest, 1.2.2.2, with the OIDC feature flag). Every per-version rule is a property here.
/// </summary>
public sealed class PmsLine
{
    public static readonly IReadOnlyList<string> Lines = ["1.2.0", "1.2.2"];

    private PmsLine(bool is122) => Is122 = is122;

    public static readonly PmsLine V120 = new(false);
    public static readonly PmsLine V122 = new(true);

    private bool Is122 { get; }

    public string Name => Is122 ? "1.2.2" : "1.2.0";

    public static bool TryParse(string? text, out PmsLine line)
    {
        line = V122;
        var t = text?.Trim().TrimStart('v', 'V');
        if (string.IsNullOrEmpty(t)) return false;
        if (t is "1.2.2" || t.StartsWith("1.2.2.", StringComparison.Ordinal)) { line = V122; return true; }
        if (t is "1.2.0" or "1.2.1" || t.StartsWith("1.2.0.", StringComparison.Ordinal) || t.StartsWith("1.2.1.", StringComparison.Ordinal)) { line = V120; return true; }
        return false;
    }

    public static PmsLine Parse(string text) =>
        TryParse(text, out var line) ? line : throw new ArgumentException($"Unknown PMS version '{text}'. Use 1.2.0 or 1.2.2.");

    /// <summary>§8: the PMS_IDP_* family became PMS_ESI_*.</summary>
    public string Code(int number) => (Is122 ? "PMS_ESI_" : "PMS_IDP_") + number.ToString("000", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>§8: "no ACRs" shares PMS_IDP_005 with "no claims" in 1.2.0.x; PMS_ESI_006 in 1.2.2.</summary>
    public string NoAcrCode => Is122 ? "PMS_ESI_006" : "PMS_IDP_005";

    /// <summary>§3: /oauth/client endpoints (POST/GET/PUT and the list) exist in 1.2.2.x.</summary>
    public bool HasOAuthEndpoints => Is122;

    /// <summary>§5.2: 1.2.2 hashes the SPKI of the key; 1.2.0 hashes jose4j's public JSON.</summary>
    public bool ClientIdFromSubjectPublicKeyInfo => Is122;

    /// <summary>§5.1 #2: 1.2.2 parses with Nimbus (PMS_ESI_007 on failure); 1.2.0 with jose4j (errorCode null).</summary>
    public bool ParsesKeyWithNimbus => Is122;

    /// <summary>§5.1 #4/#5, §6, §7: ownership checks for callers without PARTNER_ADMIN (1.2.2).</summary>
    public bool ChecksOwnership => Is122;

    /// <summary>§5.1 #8: partner is_active checked in 1.2.2.</summary>
    public bool ChecksPartnerActive => Is122;

    /// <summary>§5.1 #12: 1.2.2 looks mappings up by partner user id and exact status 'approved'.</summary>
    public bool ApprovalQueryByUserId => Is122;

    /// <summary>§5.1 #0b: the OIDC feature flag exists from 1.2.2.2.</summary>
    public bool HasFeatureFlag => Is122;

    /// <summary>§6: 1.2.2 refuses to update an INACTIVE client and changes only the status when it differs.</summary>
    public bool RejectsUpdateOfInactiveClient => Is122;
    public bool StatusChangeUpdatesOnlyStatus => Is122;

    /// <summary>Group and policy <c>desc</c> limit: @Size(1,128) in 1.2.0.1, (1,256) in 1.2.2.2 (pms-partner-onboarding.md §3.1, §8).</summary>
    public int DescriptionMaxLength => Is122 ? 256 : 128;

    /// <summary>
    /// 1.2.2's mapping request first needs the policy name active in some group (PMS_PRT_073), the duplicate-approved code
    /// becomes PMS_PRT_060 with new texts (PartnerServiceImpl.java@v1.2.2.2 requestForPolicyMapping; §3.8).
    /// </summary>
    public bool MappingChecksActiveNameFirst => Is122;

    /// <summary>1.2.2 treats approved-but-inactive as final: PMS_PMP_016 on certificate upload, PMS_PM_063 on PATCH (§3.6, §3.7).</summary>
    public bool DeactivationIsFinal => Is122;

    public override string ToString() => Name;
}
