using Esignet.Sandbox.Versions;

namespace Esignet.Sandbox.Hosting;

/// <summary>
/// The settings that can change while the sandbox runs (command line at start, <c>PUT /_sandbox/config</c> or
/// <see cref="SandboxHost.Settings"/> later). Immutable: a change swaps the whole record atomically, so a request
/// always sees one consistent set.
/// </summary>
public sealed record SandboxSettings
{
    /// <summary>eSignet release line, "1.0" … "1.8" (or a patch such as "1.5.0"). Default "1.8".</summary>
    public string EsignetVersion { get; init; } = "1.8";

    /// <summary>PMS release line, "1.2.0" or "1.2.2". Default "1.2.2".</summary>
    public string PmsVersion { get; init; } = "1.2.2";

    /// <summary>
    /// Keymanager release line behind PMS's certificate uploads, "1.2" (1.2.0.1 / 1.2.1.x) or "1.3" (1.3.0): versioned
    /// apart from PMS (pms-partner-onboarding.md §4.4, §8). Default "1.2".
    /// </summary>
    public string KeymanagerVersion { get; init; } = "1.2";

    /// <summary>Delay added to every non-<c>/_sandbox/</c> request, in milliseconds.</summary>
    public int LatencyMs { get; init; }

    /// <summary>Fraction of API requests answered 500 or 503.</summary>
    public double FailRate { get; init; }

    /// <summary>Fraction of API requests answered 429 with <c>Retry-After: 1</c>.</summary>
    public double ThrottleRate { get; init; }

    /// <summary>Fraction of API requests whose connection is aborted before anything is processed.</summary>
    public double DropRate { get; init; }

    /// <summary>Fraction of API requests that are processed (and stored) and then aborted, losing the response.</summary>
    public double CommitThenDropRate { get; init; }

    /// <summary>Seed of the fault decisions; null picks a random seed at start.</summary>
    public long? Seed { get; init; }

    /// <summary>Apply the fault rates to the token endpoints (Keycloak, authmanager, eSignet /oauth/*token) too.</summary>
    public bool FaultTokenEndpoints { get; init; }

    /// <summary>Lifetime of tokens from the sandbox token servers, in seconds. Default 300.</summary>
    public int TokenLifetimeSeconds { get; init; } = 300;

    /// <summary>eSignet 1.0/1.1-era CSRF protection on client-mgmt (esignet-api.md §5.4).</summary>
    public bool Csrf { get; init; }

    /// <summary>Supported claims; null means the shipped default of the eSignet line.</summary>
    public IReadOnlyList<string>? Claims { get; init; }

    /// <summary>Supported ACR values; null means the shipped default of the eSignet line.</summary>
    public IReadOnlyList<string>? Acrs { get; init; }

    /// <summary>Supported grant types; null means <c>authorization_code</c>.</summary>
    public IReadOnlyList<string>? GrantTypes { get; init; }

    /// <summary>Supported client auth methods; null means <c>private_key_jwt</c>.</summary>
    public IReadOnlyList<string>? AuthMethods { get; init; }

    /// <summary>Also accept the OpenG2P scope <c>esignet_admin_access</c> for POST and PUT (pms-api.md §11).</summary>
    public bool AcceptEsignetAdminAccess { get; init; }

    /// <summary>PMS 1.2.2.2 feature flag <c>mosip.pms.oidc.client.available</c>; false gives PMS_FEATURE_002.</summary>
    public bool PmsOidcFeatureAvailable { get; init; } = true;

    /// <summary>
    /// Fraction of PMS creates that fail after the eSignet create (the keymanager/WebSub step, pms-api.md §5.1 #17),
    /// leaving the client in eSignet but not in PMS.
    /// </summary>
    public double PmsPublishFailRate { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> when a value is out of range.</summary>
    public void Validate()
    {
        _ = EsignetLine.Parse(EsignetVersion);
        _ = PmsLine.Parse(PmsVersion);
        _ = KeymanagerLine.Parse(KeymanagerVersion);
        if (LatencyMs < 0) throw new ArgumentException("latency-ms must be >= 0.");
        if (TokenLifetimeSeconds <= 0) throw new ArgumentException("token-lifetime-seconds must be > 0.");
        foreach (var (name, rate) in new[] { ("fail-rate", FailRate), ("throttle-rate", ThrottleRate), ("drop-rate", DropRate), ("commit-then-drop-rate", CommitThenDropRate), ("pms-publish-fail-rate", PmsPublishFailRate) })
        {
            if (double.IsNaN(rate) || rate < 0 || rate > 1) throw new ArgumentException($"{name} must be between 0 and 1.");
        }
        if (FailRate + ThrottleRate + DropRate + CommitThenDropRate > 1.0000001)
            throw new ArgumentException("fail-rate + throttle-rate + drop-rate + commit-then-drop-rate must not exceed 1.");
    }
}
