using System.Globalization;
using System.Net.Http;
using System.Text.RegularExpressions;
using Esignet.Core.Errors;
using Esignet.Core.Transport;
using Xunit;

namespace Esignet.Core.Tests.Transport;

/// <summary>
/// The transport's retry guarantees (issue 5, kept through the move to Polly in issue 17): only the module's
/// transient statuses and lost answers are retried, Retry-After is honoured, -MaxRetry 0 means one attempt, a lost
/// answer is flagged for the registration (a duplicate may be our own create), the final answer is read whatever its
/// status, the per-attempt deadline ends a silent server, and the caller's cancel is not a connection failure.
/// Outcomes only: how many connections the server saw and what the retry log says, never a wall-clock bound.
/// </summary>
public class RetryTests
{
    private static string Answer(int status, string body = "{}", string extraHeader = "") =>
        $"HTTP/1.1 {status} X\r\n{extraHeader}Content-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}";

    private static (HttpTransport Transport, List<string> Log) Transport(int maxRetry = 4, double timeoutSeconds = 20, double maxBackoffSeconds = 0.005)
    {
        var transport = new HttpTransport(new TransportOptions
        {
            MaxRetry = maxRetry,
            InitialBackoff = TimeSpan.FromMilliseconds(1),
            MaxBackoff = TimeSpan.FromSeconds(maxBackoffSeconds),
            Timeout = TimeSpan.FromSeconds(timeoutSeconds),
        });
        var log = new List<string>();
        transport.Log = line => { lock (log) log.Add(line); };
        return (transport, log);
    }

    private static Task<TransportResponse> Get(HttpTransport transport, LoopbackServer server, CancellationToken cancel = default) =>
        transport.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, new Uri(server.Base, "thing?access_token=s3cr3t")), cancel);

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task A_transient_status_is_retried_and_the_answer_after_it_is_returned(int status)
    {
        using var server = new LoopbackServer(new[] { Answer(status), Answer(200, "{\"ok\":1}") }, tls: false);
        var (transport, log) = Transport();
        using (transport)
        {
            TransportResponse r = await Get(transport, server);
            Assert.Equal(200, r.Status);
            Assert.Equal("{\"ok\":1}", r.Body);
            Assert.Equal(2, server.Connections);
            Assert.False(r.EarlierAnswerLost); // the server answered every attempt: nothing of ours can be unseen
            string line = Assert.Single(log);
            Assert.Matches($"^GET .* HTTP {status}; retry 1 of 4 in [0-9.]+ s$", line);
            Assert.DoesNotContain("s3cr3t", line); // redacted
            double delay = double.Parse(Regex.Match(line, @"in ([0-9.]+) s$").Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.InRange(delay, 0, 0.005); // the back-off is capped by MaxBackoff
        }
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(501)]
    public async Task Any_other_status_is_final_at_once(int status)
    {
        using var server = new LoopbackServer(new[] { Answer(status, "{\"e\":1}"), Answer(200) }, tls: false);
        var (transport, log) = Transport();
        using (transport)
        {
            TransportResponse r = await Get(transport, server);
            Assert.Equal(status, r.Status);
            Assert.Equal("{\"e\":1}", r.Body);
            Assert.Equal(1, server.Connections);
            Assert.Empty(log);
        }
    }

    [Fact]
    public async Task Retry_After_sets_the_wait_and_the_last_transient_answer_is_returned_read()
    {
        using var server = new LoopbackServer(new[] { Answer(429, "{\"slow\":\"down\"}", "Retry-After: 1\r\n") }, tls: false);
        var (transport, log) = Transport(maxRetry: 2, maxBackoffSeconds: 30);
        using (transport)
        {
            TransportResponse r = await Get(transport, server);
            Assert.Equal(429, r.Status);
            Assert.Equal("{\"slow\":\"down\"}", r.Body);
            Assert.Equal(3, server.Connections);
            Assert.Equal(2, log.Count);
            Assert.EndsWith("HTTP 429; retry 1 of 2 in 1 s", log[0]);
            Assert.EndsWith("HTTP 429; retry 2 of 2 in 1 s", log[1]);
        }
    }

    [Fact]
    public async Task MaxRetry_0_is_one_attempt()
    {
        using var server = new LoopbackServer(new[] { Answer(503, "{\"busy\":1}"), Answer(200) }, tls: false);
        var (transport, log) = Transport(maxRetry: 0);
        using (transport)
        {
            TransportResponse r = await Get(transport, server);
            Assert.Equal(503, r.Status);
            Assert.Equal("{\"busy\":1}", r.Body);
            Assert.Equal(1, server.Connections);
            Assert.Empty(log);
        }
    }

    [Fact]
    public async Task A_per_call_retry_count_overrides_the_transport_s()
    {
        using var server = new LoopbackServer(new[] { Answer(503) }, tls: false);
        var (transport, log) = Transport(maxRetry: 4);
        using (transport)
        {
            TransportResponse r = await transport.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, server.Base), CancellationToken.None, maxRetry: 1);
            Assert.Equal(503, r.Status);
            Assert.Equal(2, server.Connections);
            Assert.Matches("HTTP 503; retry 1 of 1 in [0-9.]+ s$", Assert.Single(log));
        }
    }

    [Fact]
    public async Task A_dropped_connection_is_retried_and_flags_the_answer_as_lost()
    {
        using var server = new LoopbackServer(new[] { LoopbackServer.Drop, Answer(409, "{\"errors\":[]}") }, tls: false);
        var (transport, log) = Transport();
        using (transport)
        {
            TransportResponse r = await Get(transport, server);
            Assert.Equal(409, r.Status);
            Assert.True(r.EarlierAnswerLost, $"{server.Connections} connections, log: {string.Join(" | ", log)}"); // the first request may have been acted on: a duplicate can be our own
            Assert.Equal(2, server.Connections);
            Assert.Contains("retry 1 of 4", Assert.Single(log));
        }
    }

    [Fact]
    public async Task A_server_that_never_answers_fails_as_a_connection_error_after_every_attempt()
    {
        using var server = new LoopbackServer(new[] { LoopbackServer.Drop }, tls: false);
        var (transport, log) = Transport(maxRetry: 2);
        using (transport)
        {
            var e = await Assert.ThrowsAsync<EsignetException>(() => Get(transport, server));
            Assert.Equal("ConnectionFailed", e.ErrorId);
            Assert.Equal(EsignetErrorKind.ConnectionError, e.Kind);
            Assert.Contains("(after 3 attempts)", e.Message);
            Assert.DoesNotContain("s3cr3t", string.Join("\n", log));
            Assert.Equal(3, server.Connections);
            Assert.Equal(2, log.Count);
        }
    }

    [Fact]
    public async Task The_per_attempt_deadline_ends_a_silent_server_and_says_so()
    {
        using var server = new LoopbackServer(new[] { LoopbackServer.Hang }, tls: false);
        var (transport, log) = Transport(maxRetry: 1, timeoutSeconds: 0.5);
        using (transport)
        {
            var e = await Assert.ThrowsAsync<EsignetException>(() => Get(transport, server));
            Assert.Equal("ConnectionFailed", e.ErrorId);
            Assert.Contains("no answer within 0.5 s (after 2 attempts)", e.Message);
            Assert.Contains("no answer within 0.5 s; retry 1 of 1", Assert.Single(log));
            // Not server.Connections: the deadline covers connecting too, so on a loaded machine an attempt can end
            // before the server has accepted it. The message and the log count the attempts.
        }
    }

    [Fact]
    public async Task The_caller_s_cancel_is_a_cancel_not_a_connection_failure_and_is_not_retried()
    {
        using var server = new LoopbackServer(new[] { LoopbackServer.Hang }, tls: false);
        var (transport, log) = Transport(maxRetry: 4);
        using (transport)
        using (var cancel = new CancellationTokenSource())
        {
            Task<TransportResponse> call = Get(transport, server, cancel.Token);
            while (server.Connections == 0) await Task.Delay(10);
            cancel.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
            Assert.Equal(1, server.Connections);
            Assert.Empty(log);
        }
    }
}
