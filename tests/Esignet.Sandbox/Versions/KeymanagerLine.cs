namespace Esignet.Sandbox.Versions;

/// <summary>
/// The keymanager line PMS forwards certificate uploads to (pms-partner-onboarding.md §4, §8). "1.2" stands for
/// 1.2.0.1 / 1.2.1.x, "1.3" for 1.3.0; every per-version certificate rule is a property here.
/// </summary>
public sealed class KeymanagerLine
{
    private KeymanagerLine(bool is13) => Is13 = is13;

    public static readonly KeymanagerLine V12 = new(false);
    public static readonly KeymanagerLine V13 = new(true);

    private bool Is13 { get; }

    public string Name => Is13 ? "1.3" : "1.2";

    public static KeymanagerLine Parse(string text)
    {
        var t = text?.Trim().TrimStart('v', 'V') ?? "";
        if (t is "1.3" || t.StartsWith("1.3.", StringComparison.Ordinal)) return V13;
        if (t is "1.2" || t.StartsWith("1.2.", StringComparison.Ordinal)) return V12;
        throw new ArgumentException($"Unknown keymanager version '{text}'. Use 1.2 or 1.3.");
    }

    /// <summary>KER-PMS-020 for a notBefore after today (PartnerCertificateManagerServiceImpl.java@v1.3.0, absent @v1.2.0.1).</summary>
    public bool RejectsFutureDated => Is13;

    /// <summary>CA upload: v3 only (KER-PCM-007) and at least 12 months left (KER-PCM-017), KPS@v1.3.0.</summary>
    public bool ChecksCaVersionAndMinimumValidity => Is13;

    /// <summary>Short partner validity: KER-PCM-004 on 1.2.x, KER-KMS-021 on 1.3.0 (KPS@v1.3.0 line 599).</summary>
    public string ShortPartnerValidityCode => Is13 ? "KER-KMS-021" : "KER-PCM-004";

    public string ShortPartnerValidityMessage => Is13
        ? "The PARTNER Certificate validity is less than required minimum validity"
        : "Certificate Dates are not valid.";

    public override string ToString() => Name;
}
