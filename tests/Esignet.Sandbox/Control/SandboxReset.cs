using Esignet.Sandbox.Faults;
using Esignet.Sandbox.Hosting;
using Esignet.Sandbox.Oidc;
using Esignet.Sandbox.State;
using Esignet.Sandbox.Tokens;

namespace Esignet.Sandbox.Control;

/// <summary><c>POST /_sandbox/reset</c>: empty client tables, zero counters, forget codes and jtis, restore the startup settings.</summary>
public sealed class SandboxReset(
    SandboxRuntime runtime,
    EsignetClientStore esignet,
    PmsClientStore pms,
    RequestCounters counters,
    AssertionReplayCache replay,
    AuthorizationCodes codes,
    AccessTokens tokens,
    FaultPlan faults)
{
    public void Run()
    {
        runtime.Apply(runtime.StartupSettings);
        esignet.Clear();
        pms.Clear();
        counters.Clear();
        replay.Clear();
        codes.Clear();
        tokens.ClearRevocation();
        faults.Restart(runtime.StartupSettings.Seed);
    }
}
