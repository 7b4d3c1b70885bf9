using System.Diagnostics;
using System.Net;
using Esignet.Sandbox.Hosting;
using Esignet.Sandbox.Tests.Infrastructure;

namespace Esignet.Sandbox.Tests;

/// <summary>Fault injection (issue 3): latency, 500/503, 429, dropped connections, commit-then-drop; deterministic under a seed.</summary>
public sealed class FaultTests
{
    /// <summary>A create on a fresh connection, so the HTTP stack cannot silently retry on a reused one.</summary>
    private static async Task<HttpResponseMessage> CreateOnFreshConnectionAsync(TestSandbox sandbox, string token, string clientId)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = sandbox.Host.BaseUri };
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/esignet/client-mgmt/oidc-client") { Content = TestSandbox.Json(Bodies.Wrap(Bodies.EsignetCreate(clientId))) };
        request.Headers.Authorization = new("Bearer", token);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_dropped_connection_processes_nothing()
    {
        await using var sandbox = await TestSandbox.StartAsync(new SandboxSettings { DropRate = 1 });
        var token = await sandbox.KeycloakTokenAsync(); // token endpoints are not faulted by default
        await Assert.ThrowsAsync<HttpRequestException>(() => CreateOnFreshConnectionAsync(sandbox, token, "dropped"));
        Assert.Empty(sandbox.Host.EsignetClients.Snapshot());
        Assert.Equal(1, await sandbox.CountAsync("POST /v1/esignet/client-mgmt/oidc-client", "fault:drop"));
    }

    [Fact]
    public async Task Commit_then_drop_stores_the_client_but_loses_the_response()
    {
        await using var sandbox = await TestSandbox.StartAsync(new SandboxSettings { CommitThenDropRate = 1 });
        var token = await sandbox.KeycloakTokenAsync();
        await Assert.ThrowsAsync<HttpRequestException>(() => CreateOnFreshConnectionAsync(sandbox, token, "committed"));
        Assert.Equal("committed", Assert.Single(sandbox.Host.EsignetClients.Snapshot()).ClientId);
        Assert.Equal(1, await sandbox.CountAsync("POST /v1/esignet/client-mgmt/oidc-client", "fault:commit-then-drop:success"));

        sandbox.Host.Settings = sandbox.Host.Settings with { CommitThenDropRate = 0 };
        JsonAssert.EsignetError(await sandbox.EsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(Bodies.EsignetCreate("committed")), token), "duplicate_client_id");
    }

    [Fact]
    public async Task Fail_rate_answers_500_or_503_without_processing()
    {
        await using var sandbox = await TestSandbox.StartAsync(new SandboxSettings { FailRate = 1, Seed = 7 });
        var token = await sandbox.KeycloakTokenAsync();
        for (var i = 0; i < 4; i++)
        {
            using var response = await sandbox.SendEsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(Bodies.EsignetCreate("f" + i)), token);
            Assert.Contains((int)response.StatusCode, new[] { 500, 503 });
        }
        Assert.Empty(sandbox.Host.EsignetClients.Snapshot());
    }

    [Fact]
    public async Task Throttle_rate_answers_429_with_Retry_After()
    {
        await using var sandbox = await TestSandbox.StartAsync(new SandboxSettings { ThrottleRate = 1 });
        using var response = await sandbox.SendPmsAsync(HttpMethod.Post, "oidc/client", Bodies.PmsCreate(), await sandbox.AuthManagerTokenAsync());
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        Assert.Empty(sandbox.Host.PmsClients.Snapshot());
    }

    [Fact]
    public async Task Latency_delays_api_requests_but_not_the_control_api()
    {
        await using var sandbox = await TestSandbox.StartAsync(new SandboxSettings { LatencyMs = 400 });
        var token = await sandbox.KeycloakTokenAsync();
        var watch = Stopwatch.StartNew();
        await sandbox.EsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(Bodies.EsignetCreate("slow")), token);
        Assert.True(watch.ElapsedMilliseconds >= 390, $"took {watch.ElapsedMilliseconds} ms");
        watch.Restart();
        await sandbox.GetJsonAsync("/_sandbox/health");
        Assert.True(watch.ElapsedMilliseconds < 390, $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Token_endpoints_are_faulted_only_when_asked()
    {
        await using var sandbox = await TestSandbox.StartAsync(new SandboxSettings { FailRate = 1 });
        await sandbox.KeycloakTokenAsync();
        sandbox.Host.Settings = sandbox.Host.Settings with { FaultTokenEndpoints = true };
        await Assert.ThrowsAsync<HttpRequestException>(() => sandbox.KeycloakTokenAsync());
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_fault_sequence()
    {
        async Task<string> SequenceAsync(long seed)
        {
            await using var sandbox = await TestSandbox.StartAsync(new SandboxSettings { FailRate = 0.3, ThrottleRate = 0.3, Seed = seed });
            var token = await sandbox.KeycloakTokenAsync();
            var statuses = new List<int>();
            for (var i = 0; i < 16; i++)
            {
                using var response = await sandbox.SendEsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(Bodies.EsignetCreate("s" + i)), token);
                statuses.Add((int)response.StatusCode);
            }
            return string.Join(',', statuses);
        }

        var first = await SequenceAsync(42);
        Assert.Equal(first, await SequenceAsync(42));
        Assert.Contains("200", first);
        Assert.True(first.Contains("429") || first.Contains("500") || first.Contains("503"), first);
        Assert.NotEqual(first, await SequenceAsync(43));
    }
}
