using Esignet.Sandbox.Versions;

namespace Esignet.Sandbox.Hosting;

/// <summary>
/// <see cref="SandboxSettings"/> resolved once per change: parsed version lines and lookup sets, so the hot path
/// reads one reference and never parses or allocates for configuration.
/// </summary>
public sealed class ActiveConfig
{
    public ActiveConfig(SandboxSettings settings)
    {
        settings.Validate();
        Settings = settings;
        Esignet = EsignetLine.Parse(settings.EsignetVersion);
        Pms = PmsLine.Parse(settings.PmsVersion);
        Keymanager = KeymanagerLine.Parse(settings.KeymanagerVersion);
        Claims = settings.Claims ?? Esignet.DefaultClaims;
        Acrs = settings.Acrs ?? Esignet.DefaultRegistrationAcrs;
        DiscoveryAcrs = settings.Acrs ?? Esignet.DefaultDiscoveryAcrs;
        GrantTypes = settings.GrantTypes ?? EsignetLine.DefaultGrantTypes;
        AuthMethods = settings.AuthMethods ?? EsignetLine.DefaultAuthMethods;
        ClaimSet = new HashSet<string>(Claims, StringComparer.Ordinal);
        AcrSet = new HashSet<string>(Acrs, StringComparer.Ordinal);
        GrantTypeSet = new HashSet<string>(GrantTypes, StringComparer.Ordinal);
        AuthMethodSet = new HashSet<string>(AuthMethods, StringComparer.Ordinal);
    }

    public SandboxSettings Settings { get; }
    public EsignetLine Esignet { get; }
    public PmsLine Pms { get; }
    public KeymanagerLine Keymanager { get; }
    public IReadOnlyList<string> Claims { get; }
    public IReadOnlyList<string> Acrs { get; }
    public IReadOnlyList<string> DiscoveryAcrs { get; }
    public IReadOnlyList<string> GrantTypes { get; }
    public IReadOnlyList<string> AuthMethods { get; }
    public IReadOnlySet<string> ClaimSet { get; }
    public IReadOnlySet<string> AcrSet { get; }
    public IReadOnlySet<string> GrantTypeSet { get; }
    public IReadOnlySet<string> AuthMethodSet { get; }
}
