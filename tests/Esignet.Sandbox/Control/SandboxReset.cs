using Esignet.Sandbox.Faults;
using Esignet.Sandbox.Hosting;
using Esignet.Sandbox.Oidc;
using Esignet.Sandbox.State;
using Esignet.Sandbox.Tokens;

namespace Esignet.Sandbox.Control;

/// <summary><c>POST /_sandbox/reset</c>: empty client tables, PMS back to its starting partners and policies with no uploaded certificates, zero counters, forget codes and jtis, restore the startup settings.</summary>
public sealed class SandboxReset(
    SandboxRuntime runtime,
    EsignetClientStore esignet,
    PmsClientStore pms,
    RequestCounters counters,
    AssertionReplayCache replay,
    AuthorizationCodes codes,
    AccessTokens tokens,
    FaultPlan faults,
    Pms.PmsDirectory directory,
    Pms.Onboarding.KeymanagerStore keymanager)
{
    public void Run()
    {
        runtime.Apply(runtime.StartupSettings);
        esignet.Clear();
        pms.Clear();
        directory.Reset();
        keymanager.Clear();
        counters.Clear();
        replay.Clear();
        codes.Clear();
        tokens.ClearRevocation();
        faults.Restart(runtime.StartupSettings.Seed);
    }
}
