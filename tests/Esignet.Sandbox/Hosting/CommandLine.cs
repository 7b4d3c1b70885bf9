using System.Globalization;
using System.Text;

namespace Esignet.Sandbox.Hosting;

/// <summary>The result of parsing the command line.</summary>
public sealed record CommandLineRequest(string Url, SandboxSettings Settings, SandboxStartOptions Options, bool ShowHelp);

/// <summary>
/// The sandbox's command line. Every option is listed in <see cref="Options"/> with its default, so <c>--help</c>
/// and the parser cannot drift apart. Values may follow as the next argument or after '='.
/// </summary>
public static class CommandLine
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    private sealed record Option(string Name, string? Value, string Default, string Help, Func<Builder, string?, Builder> Apply);

    /// <summary>Accumulates what the options say.</summary>
    private sealed record Builder(string Url, SandboxSettings Settings, SandboxStartOptions Options);

    private static readonly Option[] Options =
    [
        new("--urls", "<url>", DefaultUrl, "Address to listen on; port 0 picks a free port.", (b, v) => b with { Url = Required(v, "--urls").Split(';')[0] }),
        new("--esignet-version", "<1.0..1.8>", "1.8", "eSignet release line (or a patch such as 1.5.0).", (b, v) => b with { Settings = b.Settings with { EsignetVersion = Required(v, "--esignet-version") } }),
        new("--pms-version", "<1.2.0|1.2.2>", "1.2.2", "PMS release line.", (b, v) => b with { Settings = b.Settings with { PmsVersion = Required(v, "--pms-version") } }),
        new("--data", "<file>", "(memory only)", "Persist clients as JSON: loaded at start, saved on every change.", (b, v) => b with { Options = b.Options with { DataFile = Required(v, "--data") } }),
        new("--pms-seed", "<file>", "(embedded seed)", "JSON with partners/policies/policyGroups/mappings merged over the embedded seed.", (b, v) => b with { Options = b.Options with { PmsSeedFile = Required(v, "--pms-seed") } }),
        new("--pms-empty", "[true|false]", "false", "Start PMS with no policy groups, policies, partners or mappings (onboard from nothing).", (b, v) => b with { Options = b.Options with { PmsEmpty = Flag(v, "--pms-empty") } }),
        new("--km-version", "<1.2|1.3>", "1.2", "Keymanager line behind PMS certificate uploads (1.3 adds the v3, future-date and 12-month CA rules).", (b, v) => b with { Settings = b.Settings with { KeymanagerVersion = Required(v, "--km-version") } }),
        new("--clock-offset-seconds", "<n>", "0", "Run the server's clock this far from the machine's (negative: behind), to try clock skew.", (b, v) => b with { Options = b.Options with { Clock = new OffsetClock(TimeProvider.System, TimeSpan.FromSeconds(Int(v, "--clock-offset-seconds"))) } }),
        new("--latency-ms", "<n>", "0", "Delay added to every API request.", (b, v) => b with { Settings = b.Settings with { LatencyMs = Int(v, "--latency-ms") } }),
        new("--fail-rate", "<0..1>", "0", "Fraction of API requests answered 500 or 503.", (b, v) => b with { Settings = b.Settings with { FailRate = Rate(v, "--fail-rate") } }),
        new("--throttle-rate", "<0..1>", "0", "Fraction of API requests answered 429 with Retry-After.", (b, v) => b with { Settings = b.Settings with { ThrottleRate = Rate(v, "--throttle-rate") } }),
        new("--drop-rate", "<0..1>", "0", "Fraction of API requests whose connection is dropped before processing.", (b, v) => b with { Settings = b.Settings with { DropRate = Rate(v, "--drop-rate") } }),
        new("--commit-then-drop-rate", "<0..1>", "0", "Fraction of API requests processed and stored, then dropped (response lost).", (b, v) => b with { Settings = b.Settings with { CommitThenDropRate = Rate(v, "--commit-then-drop-rate") } }),
        new("--seed", "<n>", "(random)", "Seed of the fault decisions (same seed, same sequence).", (b, v) => b with { Settings = b.Settings with { Seed = Long(v, "--seed") } }),
        new("--fault-token-endpoints", "[true|false]", "false", "Apply latency and faults to the token endpoints too.", (b, v) => b with { Settings = b.Settings with { FaultTokenEndpoints = Flag(v, "--fault-token-endpoints") } }),
        new("--token-lifetime-seconds", "<n>", "300", "Lifetime of tokens from the Keycloak and authmanager endpoints.", (b, v) => b with { Settings = b.Settings with { TokenLifetimeSeconds = Int(v, "--token-lifetime-seconds") } }),
        new("--csrf", "[true|false]", "false", "eSignet 1.0/1.1-era CSRF on client-mgmt (GET /v1/esignet/csrf/token).", (b, v) => b with { Settings = b.Settings with { Csrf = Flag(v, "--csrf") } }),
        new("--claims", "<a,b,..>", "(line default)", "Supported userClaims (discovery claims_supported).", (b, v) => b with { Settings = b.Settings with { Claims = List(v, "--claims") } }),
        new("--acrs", "<a,b,..>", "(line default)", "Supported authContextRefs.", (b, v) => b with { Settings = b.Settings with { Acrs = List(v, "--acrs") } }),
        new("--grant-types", "<a,b,..>", "authorization_code", "Supported grantTypes.", (b, v) => b with { Settings = b.Settings with { GrantTypes = List(v, "--grant-types") } }),
        new("--auth-methods", "<a,b,..>", "private_key_jwt", "Supported clientAuthMethods.", (b, v) => b with { Settings = b.Settings with { AuthMethods = List(v, "--auth-methods") } }),
        new("--openg2p-scope", "[true|false]", "false", "Also accept scope esignet_admin_access for client-mgmt POST/PUT (OpenG2P config).", (b, v) => b with { Settings = b.Settings with { AcceptEsignetAdminAccess = Flag(v, "--openg2p-scope") } }),
        new("--pms-oidc-feature", "[true|false]", "true", "PMS mosip.pms.oidc.client.available; false answers PMS_FEATURE_002 (1.2.2).", (b, v) => b with { Settings = b.Settings with { PmsOidcFeatureAvailable = Flag(v, "--pms-oidc-feature") } }),
        new("--pms-publish-fail-rate", "<0..1>", "0", "Fraction of PMS creates failing after the eSignet create (client left in eSignet only).", (b, v) => b with { Settings = b.Settings with { PmsPublishFailRate = Rate(v, "--pms-publish-fail-rate") } }),
        new("--help", null, "", "Show this help.", (b, _) => b),
    ];

    /// <summary>Parses; throws <see cref="ArgumentException"/> with a message for the user on any problem.</summary>
    public static CommandLineRequest Parse(IReadOnlyList<string> args)
    {
        var builder = new Builder(DefaultUrl, new SandboxSettings(), new SandboxStartOptions { HandleConsoleSignals = true });
        var help = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "-?" or "--help" or "/?") { help = true; continue; }
            var (name, inlineValue) = arg.IndexOf('=') is var eq and > 0 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
            var option = Options.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"Unknown option '{arg}'. Use --help to list the options.");
            var value = inlineValue;
            var isFlag = option.Value is { } v && v.StartsWith('[');
            if (value is null && i + 1 < args.Count)
            {
                var next = args[i + 1];
                // A flag takes the next word only when it is a boolean; other options always take it.
                if (!isFlag || next is "true" or "false" or "True" or "False") { value = next; i++; }
            }
            builder = option.Apply(builder, value);
        }
        builder.Settings.Validate();
        return new CommandLineRequest(builder.Url, builder.Settings, builder.Options, help);
    }

    public static string HelpText()
    {
        var text = new StringBuilder();
        text.AppendLine("Esignet.Sandbox: a local stand-in for MOSIP eSignet client management, PMS, Keycloak and authmanager.");
        text.AppendLine();
        text.AppendLine("Usage: esignet-sandbox [options]   (from a source build: dotnet Esignet.Sandbox.dll [options])");
        text.AppendLine();
        text.AppendLine("Options:");
        foreach (var option in Options)
        {
            var left = option.Value is null ? option.Name : option.Name + " " + option.Value;
            var defaultText = option.Default.Length == 0 ? "" : $" Default: {option.Default}.";
            text.AppendLine($"  {left,-42} {option.Help}{defaultText}");
        }
        text.AppendLine();
        text.AppendLine("Once listening it prints one line to stdout: Sandbox listening on http://<host>:<port>");
        text.AppendLine("Control API under /_sandbox/ (health, config, clients, pms/clients, requests, reset, token); see README.md.");
        return text.ToString();
    }

    private static string Required(string? value, string option) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{option} needs a value.") : value.Trim();

    private static int Int(string? value, string option) =>
        int.TryParse(Required(value, option), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw new ArgumentException($"{option} needs an integer, not '{value}'.");

    private static long Long(string? value, string option) =>
        long.TryParse(Required(value, option), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw new ArgumentException($"{option} needs an integer, not '{value}'.");

    private static double Rate(string? value, string option) =>
        double.TryParse(Required(value, option), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : throw new ArgumentException($"{option} needs a number between 0 and 1, not '{value}'.");

    private static bool Flag(string? value, string option) =>
        value is null || (bool.TryParse(value, out var b) ? b : throw new ArgumentException($"{option} takes true or false, not '{value}'."));

    private static IReadOnlyList<string> List(string? value, string option) =>
        Required(value, option).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
