using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Esignet.Core.Tests.Transport;

/// <summary>
/// A one-answer HTTP/1.1 server on loopback, optionally over TLS with a self-signed certificate, that counts the
/// connections it accepted: enough to see what the transport does with a redirect or an untrusted certificate. Given
/// a script, the n-th connection gets the n-th answer (the last one repeats): <see cref="Drop"/> closes the connection
/// in the middle of the answer (the runtime retries a connection closed before any byte of an answer by itself, so a
/// lost answer is one cut short), <see cref="Hang"/> never answers.
/// </summary>
internal sealed class LoopbackServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    public const string Drop = "(drop)";
    public const string Hang = "(hang)";

    private readonly IReadOnlyList<string> _script;
    private readonly X509Certificate2? _certificate;
    private readonly CancellationTokenSource _stop = new();
    private int _connections;

    public LoopbackServer(string answer, bool tls)
        : this(new[] { answer }, tls)
    {
    }

    public LoopbackServer(IReadOnlyList<string> script, bool tls)
    {
        _script = script;
        _certificate = tls ? SelfSigned() : null;
        _listener.Start();
        _ = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Uri Base => new($"{(_certificate == null ? "http" : "https")}://127.0.0.1:{Port}/");

    public int Connections => Volatile.Read(ref _connections);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            int n = Interlocked.Increment(ref _connections);
            string answer = _script[Math.Min(n, _script.Count) - 1];
            _ = Task.Run(() => ServeAsync(client, answer));
        }
    }

    private async Task ServeAsync(TcpClient client, string answerText)
    {
        using (client)
        {
            try
            {
                Stream stream = client.GetStream();
                if (_certificate != null)
                {
                    var ssl = new SslStream(stream);
                    await ssl.AuthenticateAsServerAsync(_certificate);
                    stream = ssl;
                }

                var buffer = new byte[8192];
                var seen = new StringBuilder();
                while (!seen.ToString().Contains("\r\n\r\n"))
                {
                    int n = await stream.ReadAsync(buffer);
                    if (n == 0) return;
                    seen.Append(Encoding.ASCII.GetString(buffer, 0, n));
                }

                if (answerText == Drop)
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Len"));
                    return;
                }

                if (answerText == Hang) await Task.Delay(Timeout.Infinite, _stop.Token);
                byte[] answer = Encoding.ASCII.GetBytes(answerText);
                await stream.WriteAsync(answer);
                await stream.FlushAsync();
            }
            catch (Exception)
            {
                // The client gave up (an untrusted certificate): that is what the tests look at.
            }
        }
    }

    private static X509Certificate2 SelfSigned()
    {
        using RSA rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using X509Certificate2 made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pkcs12), null);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _certificate?.Dispose();
    }
}
