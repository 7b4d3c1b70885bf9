using System.Net.Http;
using Esignet.Core.Errors;
using Esignet.Core.Servers;
using Esignet.Core.Transport;
using Xunit;

namespace Esignet.Core.Tests.Transport;

/// <summary>Issue 20 items 6 and 7: a redirect names its Location and cause; an untrusted certificate fails at once.</summary>
public class RedirectAndTlsTests
{
    private static TransportOptions Fast(bool skipCertificateCheck = false) => new()
    {
        MaxRetry = 4,
        InitialBackoff = TimeSpan.FromMilliseconds(1),
        MaxBackoff = TimeSpan.FromMilliseconds(5),
        Timeout = TimeSpan.FromSeconds(20),
        SkipCertificateCheck = skipCertificateCheck,
    };

    private static string Redirect(string location) =>
        $"HTTP/1.1 307 Temporary Redirect\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

    [Fact]
    public async Task A_redirect_to_https_names_the_location_and_says_the_server_wants_https()
    {
        using var server = new LoopbackServer(Redirect("https://127.0.0.1:9/v1/esignet/client-mgmt/oidc-client"), tls: false);
        using var transport = new HttpTransport(Fast());
        var caller = new ApiCaller(transport, null, TokenPlacement.BearerHeader);
        var uri = new Uri(server.Base, "v1/esignet/client-mgmt/oidc-client");
        var e = await Assert.ThrowsAsync<ServerErrorException>(() => caller.SendAsync(HttpMethod.Post, uri, () => "{}", CancellationToken.None));
        Assert.Equal("Redirected", e.ErrorId);
        Assert.Equal(307, e.HttpStatus);
        Assert.Contains("https://127.0.0.1:9/v1/esignet/client-mgmt/oidc-client", e.Message);
        Assert.Contains("wants https", e.Message);
    }

    [Fact]
    public async Task A_redirect_to_another_path_points_at_the_base_path_and_hides_the_query()
    {
        using var server = new LoopbackServer(Redirect("/esignet/v1/esignet/client-mgmt/oidc-client?state=s3cr3t"), tls: false);
        using var transport = new HttpTransport(Fast());
        var caller = new ApiCaller(transport, null, TokenPlacement.BearerHeader);
        var e = await Assert.ThrowsAsync<ServerErrorException>(() => caller.SendAsync(HttpMethod.Post, new Uri(server.Base, "v1/esignet/client-mgmt/oidc-client"), () => "{}", CancellationToken.None));
        Assert.Contains("/esignet/v1/esignet/client-mgmt/oidc-client", e.Message);
        Assert.Contains("base path", e.Message);
        Assert.DoesNotContain("s3cr3t", e.Message);
    }

    [Fact]
    public async Task An_untrusted_certificate_fails_at_once_and_names_SkipCertificateCheck()
    {
        using var server = new LoopbackServer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}", tls: true);
        using var transport = new HttpTransport(Fast());
        var e = await Assert.ThrowsAsync<EsignetException>(() => transport.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, server.Base), CancellationToken.None));
        Assert.Equal("CertificateNotTrusted", e.ErrorId);
        Assert.Contains("-SkipCertificateCheck", e.Message);
        Assert.Contains("certificate", e.Message);
        Assert.Equal(1, server.Connections); // not retried
    }

    [Fact]
    public async Task With_SkipCertificateCheck_the_same_server_answers()
    {
        using var server = new LoopbackServer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}", tls: true);
        using var transport = new HttpTransport(Fast(skipCertificateCheck: true));
        TransportResponse r = await transport.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, server.Base), CancellationToken.None);
        Assert.Equal(200, r.Status);
    }
}
