using System.Diagnostics;
using System.Text.RegularExpressions;
using Esignet.Sandbox.Hosting;
using Esignet.Sandbox.Tests.Infrastructure;

namespace Esignet.Sandbox.Tests;

/// <summary>The command line, the stdout contract the Pester tests rely on, and <c>--data</c> persistence.</summary>
public sealed class HostingTests
{
    [Fact]
    public async Task The_process_prints_exactly_the_listening_line_and_serves_on_that_port()
    {
        var dll = typeof(SandboxHost).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "--urls", "http://127.0.0.1:0", "--esignet-version", "1.7" }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            var match = Regex.Match(line ?? "", @"^Sandbox listening on (http://127\.0\.0\.1:(\d+))$");
            Assert.True(match.Success, line);
            using var http = new HttpClient();
            var health = await http.GetStringAsync(match.Groups[1].Value + "/_sandbox/health");
            Assert.Contains("\"1.7\"", health);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public void The_command_line_sets_every_setting_and_help_lists_every_option()
    {
        var request = CommandLine.Parse(
        [
            "--urls", "http://127.0.0.1:0", "--esignet-version", "1.7", "--pms-version=1.2.0", "--data", "state.json", "--latency-ms", "5",
            "--fail-rate", "0.1", "--throttle-rate", "0.1", "--drop-rate", "0.1", "--commit-then-drop-rate", "0.1", "--seed", "9",
            "--token-lifetime-seconds", "30", "--csrf", "--claims", "name,email", "--acrs", "a,b", "--grant-types", "authorization_code",
            "--auth-methods", "private_key_jwt", "--pms-seed", "seed.json", "--openg2p-scope", "true", "--pms-oidc-feature", "false",
            "--pms-publish-fail-rate", "0.5", "--fault-token-endpoints",
        ]);
        var s = request.Settings;
        Assert.Equal(("http://127.0.0.1:0", "1.7", "1.2.0", 5, 9L, 30), (request.Url, s.EsignetVersion, s.PmsVersion, s.LatencyMs, s.Seed!.Value, s.TokenLifetimeSeconds));
        Assert.True(s.Csrf && s.AcceptEsignetAdminAccess && !s.PmsOidcFeatureAvailable && s.FaultTokenEndpoints);
        Assert.Equal(["name", "email"], s.Claims!);
        Assert.Equal(("state.json", "seed.json"), (request.Options.DataFile, request.Options.PmsSeedFile));
        Assert.Equal(0.5, s.PmsPublishFailRate);

        var defaults = CommandLine.Parse([]);
        Assert.Equal((CommandLine.DefaultUrl, "1.8", "1.2.2"), (defaults.Url, defaults.Settings.EsignetVersion, defaults.Settings.PmsVersion));
        var help = CommandLine.HelpText();
        foreach (var option in new[] { "--urls", "--esignet-version", "--pms-version", "--data", "--latency-ms", "--fail-rate", "--throttle-rate", "--drop-rate", "--commit-then-drop-rate", "--seed", "--token-lifetime-seconds", "--csrf", "--claims", "--acrs", "--grant-types", "--auth-methods", "--pms-seed", "--openg2p-scope", "--pms-oidc-feature", "--pms-publish-fail-rate" })
            Assert.Contains(option + " ", help);
        Assert.Throws<ArgumentException>(() => CommandLine.Parse(["--esignet-version", "2.0"]));
        Assert.Throws<ArgumentException>(() => CommandLine.Parse(["--fail-rate", "0.7", "--drop-rate", "0.7"]));
    }

    [Fact]
    public async Task Data_persists_clients_across_restarts()
    {
        var file = Path.Combine(Path.GetTempPath(), $"sandbox-{Guid.NewGuid():N}.json");
        try
        {
            var options = new SandboxStartOptions { DataFile = file };
            await using (var first = await TestSandbox.StartAsync(new SandboxSettings(), options))
            {
                await first.EsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(Bodies.EsignetCreate("kept")), await first.KeycloakTokenAsync());
                await first.PmsAsync(HttpMethod.Post, "oidc/client", Bodies.PmsCreate(), await first.AuthManagerTokenAsync());
            }
            await using var second = await TestSandbox.StartAsync(new SandboxSettings(), options);
            Assert.Contains(second.Host.EsignetClients.Snapshot(), c => c.ClientId == "kept");
            Assert.Single(second.Host.PmsClients.Snapshot());
            JsonAssert.EsignetError(await second.EsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(Bodies.EsignetCreate("kept")), await second.KeycloakTokenAsync()), "duplicate_client_id");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_pms_seed_file_adds_partners_and_policies()
    {
        var file = Path.Combine(Path.GetTempPath(), $"seed-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """
            { "partners": [ { "id": "extra-partner", "type": "Auth_Partner", "active": true, "userId": "extra-partner", "organizationName": "X", "policyGroupId": "openg2p-policy-group" } ],
              "mappings": [ { "partnerId": "extra-partner", "policyId": "openg2p-auth-policy", "status": "approved" } ] }
            """);
        try
        {
            await using var sandbox = await TestSandbox.StartAsync(new SandboxSettings(), new SandboxStartOptions { PmsSeedFile = file });
            var json = await sandbox.PmsAsync(HttpMethod.Post, "oidc/client", Bodies.PmsCreate(partnerId: "extra-partner"), await sandbox.AuthManagerTokenAsync());
            Assert.Equal("ACTIVE", json.GetProperty("response").GetProperty("status").GetString());
            Assert.Contains("openg2p-auth-partner", (await sandbox.Http.GetStringAsync("/_sandbox/pms/seed")));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
