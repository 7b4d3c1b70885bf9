using System;
using System.Security.Authentication;
using Esignet.Core.Errors;

namespace Esignet.Core.Transport
{
    /// <summary>
    /// A TLS handshake that failed because the server's certificate is not trusted (self-signed, expired, wrong
    /// host, unknown CA). Retrying cannot help, and "network problem" sends the user the wrong way: the failure is
    /// reported at once, naming the certificate problem and the switch for test servers.
    /// </summary>
    internal static class TlsFailure
    {
        /// <summary>The error to throw for a certificate failure, or null when <paramref name="e"/> is something else.</summary>
        public static EsignetException? From(Exception e, string what)
        {
            for (Exception? x = e; x != null; x = x.InnerException)
            {
                if (x is AuthenticationException tls)
                {
                    return new EsignetException("CertificateNotTrusted", EsignetErrorKind.ConnectionError,
                        $"{what}: the server's TLS certificate is not trusted ({tls.Message}). Nothing was retried. If this is a test server with a " +
                        "self-signed certificate, connect with -SkipCertificateCheck (never against production); otherwise install the issuing CA " +
                        "in this machine's trust store, or check that the host name matches the certificate.", e);
                }
            }

            return null;
        }
    }
}
