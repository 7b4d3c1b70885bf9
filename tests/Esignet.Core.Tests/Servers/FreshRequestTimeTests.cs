using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Esignet.Core.Definitions;
using Esignet.Core.Keys;
using Esignet.Core.Servers;
using Esignet.Core.Transport;
using Esignet.Core.Versions;

namespace Esignet.Core.Tests.Servers;

/// <summary>
/// Every attempt carries its own requestTime (esignet-api.md §1.4: eSignet refuses one more than 2 minutes from its
/// clock), so a retry after a long back-off is not refused for a stale body. A loopback stub answers the first
/// attempt 429 with Retry-After and records each body.
/// </summary>
public class FreshRequestTimeTests
{
    [Fact]
    public async Task A_retry_after_back_off_sends_a_new_requestTime()
    {
        using var stub = new RecordingStub(firstStatus: 429, retryAfterSeconds: 2);
        var options = new TransportOptions { MaxRetry = 2, InitialBackoff = TimeSpan.FromMilliseconds(10) };
        using var transport = new HttpTransport(options);
        string ledgerPath = Path.Combine(Path.GetTempPath(), "esignet-fresh-" + Guid.NewGuid().ToString("N") + ".jsonl");
        var connection = new Esignet.Core.Connection.ConnectionOptions { EsignetUri = stub.Uri, EsignetVersion = EsignetVersion.Parse("1.8") };
        using var context = new Esignet.Core.Connection.EsignetContext(connection, transport, null, new Esignet.Core.Ledger.RegistrationLedger(ledgerPath));
        var client = context.ClientApiFor(ClientApi.Esignet);
        ClientDefinition d = Sample();

        ClientResponse created = await client.SendAsync(client.CreateRequest(d, ClientEndpointKind.OidcClient), CancellationToken.None);

        Assert.Equal("fresh-time", created.ClientId);
        Assert.Equal(2, stub.Bodies.Count);
        DateTime first = RequestTime(stub.Bodies[0]);
        DateTime second = RequestTime(stub.Bodies[1]);
        Assert.True(second - first >= TimeSpan.FromSeconds(1.9), $"the retry's requestTime {second:O} must be the time it was sent, not the first attempt's {first:O}");
        Assert.True(Math.Abs((stub.ReceivedAt[1] - second).TotalSeconds) < 1.5, "the retry's requestTime is the moment it was sent");
    }

    [Fact]
    public async Task The_body_a_prepared_registration_shows_is_the_body_every_attempt_sends_requestTime_aside()
    {
        using var stub = new RecordingStub(firstStatus: 429, retryAfterSeconds: 1);
        using var transport = new HttpTransport(new TransportOptions { MaxRetry = 2, InitialBackoff = TimeSpan.FromMilliseconds(10) });
        string ledgerPath = Path.Combine(Path.GetTempPath(), "esignet-shown-" + Guid.NewGuid().ToString("N") + ".jsonl");
        var options = new Esignet.Core.Connection.ConnectionOptions { EsignetUri = stub.Uri, EsignetVersion = EsignetVersion.Parse("1.8") };
        using var context = new Esignet.Core.Connection.EsignetContext(options, transport, null, new Esignet.Core.Ledger.RegistrationLedger(ledgerPath));
        var service = new Esignet.Core.Registration.RegistrationService(context);
        var registration = new Esignet.Core.Registration.RegistrationOptions { Api = ClientApi.Esignet };
        ClientDefinition input = Sample() with { GrantTypes = new List<string>() };

        Esignet.Core.Registration.PreparedRegistration prepared = service.Prepare(input, registration);
        string shown = prepared.RequestBody;
        Esignet.Core.Registration.RegistrationResult result = await service.ExecuteAsync(prepared, registration, CancellationToken.None);

        Assert.Equal("Created", result.Outcome);
        Assert.Equal(2, stub.Bodies.Count);
        foreach (string sent in stub.Bodies)
        {
            Assert.Equal(WithoutRequestTime(shown), WithoutRequestTime(sent));
        }

        Assert.Empty(input.GrantTypes); // the defaults went into the prepared copy, not into the caller's definition
        Assert.Equal(new[] { "authorization_code" }, prepared.Definition.GrantTypes);
        File.Delete(ledgerPath);
        File.Delete(ledgerPath + ".lock");
    }

    private static string WithoutRequestTime(string body)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(body)!.AsObject();
        Assert.True(node.Remove("requestTime"), "the body carries a requestTime");
        return node.ToJsonString();
    }

    private static DateTime RequestTime(string body)
    {
        using JsonDocument doc = JsonDocument.Parse(body);
        return DateTime.ParseExact(doc.RootElement.GetProperty("requestTime").GetString()!, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
    }

    private static ClientDefinition Sample() => new()
    {
        ClientId = "fresh-time",
        ClientName = "Fresh time",
        RelyingPartyId = "rp",
        PublicKey = KeyFactory.Generate(new KeySpec()),
        UserClaims = new List<string> { "name" },
        AuthContextRefs = new List<string> { "mosip:idp:acr:generated-code" },
        LogoUri = "https://portal.example.org/logo.png",
        RedirectUris = new List<string> { "https://portal.example.org/cb" },
        GrantTypes = new List<string> { "authorization_code" },
        ClientAuthMethods = new List<string> { "private_key_jwt" },
    };

    /// <summary>A minimal HTTP/1.1 server on loopback: the first request gets <c>firstStatus</c>, later ones a created client.</summary>
    private sealed class RecordingStub : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly int _firstStatus;
        private readonly int _retryAfter;
        private readonly Task _loop;

        public RecordingStub(int firstStatus, int retryAfterSeconds)
        {
            _firstStatus = firstStatus;
            _retryAfter = retryAfterSeconds;
            _listener.Start();
            Uri = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
            _loop = Task.Run(LoopAsync);
        }

        public Uri Uri { get; }

        public List<string> Bodies { get; } = new();

        public List<DateTime> ReceivedAt { get; } = new();

        private async Task LoopAsync()
        {
            while (true)
            {
                TcpClient client;
                try { client = await _listener.AcceptTcpClientAsync(); }
                catch (Exception) { return; }
                _ = Task.Run(() => ServeAsync(client));
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using (client)
            using (NetworkStream stream = client.GetStream())
            {
                var reader = new StreamReader(stream, Encoding.ASCII);
                while (true)
                {
                    string? line = await reader.ReadLineAsync();
                    if (line == null) return;
                    int length = 0;
                    while (!string.IsNullOrEmpty(line))
                    {
                        if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line.Substring(15).Trim(), CultureInfo.InvariantCulture);
                        line = await reader.ReadLineAsync();
                    }

                    var buffer = new char[length];
                    int read = 0;
                    while (read < length) read += await reader.ReadAsync(buffer, read, length - read);
                    int n;
                    lock (Bodies)
                    {
                        Bodies.Add(new string(buffer));
                        ReceivedAt.Add(DateTime.UtcNow);
                        n = Bodies.Count;
                    }

                    string response = n == 1
                        ? $"HTTP/1.1 {_firstStatus} Busy\r\nRetry-After: {_retryAfter}\r\nContent-Length: 0\r\n\r\n"
                        : Ok("{\"responseTime\":\"2026-01-01T00:00:00.000Z\",\"response\":{\"clientId\":\"fresh-time\",\"status\":\"ACTIVE\"},\"errors\":[]}");
                    byte[] bytes = Encoding.ASCII.GetBytes(response);
                    await stream.WriteAsync(bytes);
                }
            }
        }

        private static string Ok(string json) => $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(json)}\r\n\r\n{json}";

        public void Dispose()
        {
            _listener.Stop();
        }
    }
}
