using Esignet.Core.Auth;
using Esignet.Core.Partners;
using Esignet.Core.Transport;
using Esignet.Core.Versions;
using Esignet.Sandbox.Control;
using Esignet.Sandbox.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Esignet.Core.Tests.Partners;

/// <summary>A sandbox with an empty PMS, the module's PMS partner API on it (mosip-pms-client, PARTNER_ADMIN), and a certificate folder.</summary>
public sealed class OnboardingRig : IAsyncDisposable
{
    private OnboardingRig(SandboxHost host, string line, TempFolder folder, string clientId = "mosip-pms-client")
    {
        Host = host;
        Folder = folder;
        Line = PmsVersion.Parse(line);
        Transport = new HttpTransport(new TransportOptions { InitialBackoff = TimeSpan.FromMilliseconds(5), MaxBackoff = TimeSpan.FromMilliseconds(20), MaxRetry = 6 });
        var tokens = new ClientCredentialsTokenSource(Transport, new Uri(host.BaseUri, "/auth/realms/mosip/protocol/openid-connect/token"), clientId, "sandbox-secret", null, "test");
        Api = new PmsPartnerApi(host.BaseUri, Line, Transport, tokens);
    }

    public SandboxHost Host { get; }
    public TempFolder Folder { get; }
    public PmsVersion Line { get; }
    public HttpTransport Transport { get; }
    public PmsPartnerApi Api { get; }

    public static async Task<OnboardingRig> StartAsync(string line = "1.2.2", string km = "1.2", bool empty = true, string clientId = "mosip-pms-client") =>
        new(await SandboxHost.StartAsync(new SandboxSettings { PmsVersion = line, KeymanagerVersion = km }, options: new SandboxStartOptions { PmsEmpty = empty }), line, new TempFolder(), clientId);

    public OnboardingRequest Request(string partnerId = "demo-partner", string email = "demo@example.org", string org = "OpenG2P Demo") => new()
    {
        PartnerId = partnerId,
        OrganizationName = org,
        EmailId = email,
        ContactNumber = "9999999999",
        Address = "1 Main Street",
        PolicyGroup = "demo-group",
        PolicyGroupDescription = "OIDC relying parties",
        PolicyName = "demo-auth-policy",
        PolicyDescription = "Auth policy for OIDC clients",
        CertificateDirectory = Folder.Combine("certs"),
    };

    public Task<OnboardingResult> RunAsync(OnboardingRequest request, RecordingHost? host = null) =>
        new PartnerOnboardingService(Api, Line, host ?? new RecordingHost()).RunAsync(request, CancellationToken.None);

    /// <summary>Requests that are not GETs (creates, uploads, changes), from the sandbox's counters.</summary>
    public long Writes() => Host.Services.GetRequiredService<RequestCounters>().Snapshot()
        .Where(r => !r.Key.StartsWith("GET ", StringComparison.Ordinal) && !r.Key.Contains("/token", StringComparison.Ordinal) && !r.Key.Contains("authenticate", StringComparison.Ordinal))
        .Sum(r => r.Value.Count);

    public async ValueTask DisposeAsync()
    {
        Transport.Dispose();
        await Host.DisposeAsync();
        Folder.Dispose();
    }
}

/// <summary>An <see cref="IOnboardingHost"/> that records what it was asked and told, in order, and can refuse writes.</summary>
public sealed class RecordingHost : IOnboardingHost
{
    private readonly Func<string, string, bool> _decide;

    public RecordingHost(Func<string, string, bool>? decide = null) => _decide = decide ?? ((_, _) => true);

    public List<string> Events { get; } = new();

    public bool ShouldProcess(string target, string action)
    {
        bool go = _decide(target, action);
        Events.Add($"ShouldProcess:{go}:{action}:{target}");
        return go;
    }

    public void Warn(string message) => Events.Add("Warn:" + message);

    public void Verbose(string message) => Events.Add("Verbose:" + message);
}
