using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Esignet.Core.Auth;
using Esignet.Core.Errors;
using Esignet.Core.Ledger;
using Esignet.Core.Transport;
using Esignet.Core.Versions;

namespace Esignet.Core.Connection
{
    /// <summary>
    /// Makes an <see cref="EsignetContext"/> and proves it usable before returning: HTTPS (except loopback),
    /// a token obtained with the given credentials, discovery read when eSignet is given. Anything that would
    /// make every later call fail is reported here, once, with what to check.
    /// </summary>
    public static class ContextFactory
    {
        public static async Task<EsignetContext> ConnectAsync(ConnectionOptions options, Action<string>? warn, CancellationToken cancel, Action<string>? log = null)
        {
            if (options.EsignetUri == null && options.PmsUri == null)
            {
                throw new EsignetException("NoServer", EsignetErrorKind.InvalidArgument,
                    "Give -Uri (eSignet) and/or -PmsUri (Partner Management), or set ESIGNET_URI / ESIGNET_PMS_URI.");
            }

            foreach (Uri? uri in new[] { options.EsignetUri, options.PmsUri, options.TokenUri, options.AuthManagerUri })
            {
                RequireSecure(uri, options.AllowInsecureHttp);
            }

            var transport = new HttpTransport(options.Transport);
            try
            {
                ITokenSource? tokens = MakeTokenSource(options, transport);
                if (tokens == null)
                {
                    warn?.Invoke("No credentials given: requests are sent without a token. Only servers with security disabled (eSignet's local profile) accept that.");
                }
                else
                {
                    await tokens.GetTokenAsync(false, cancel).ConfigureAwait(false); // bad credentials fail here, not on row 1
                }

                DiscoveryDocument? discovery = options.EsignetUri == null ? null : await DiscoveryDocument.TryReadAsync(transport, options.EsignetUri, cancel).ConfigureAwait(false);

                // Each line as given, else what the probes find (EsignetLineProbe, PmsLineProbe), else the line every server accepts.
                LineFinding<EsignetVersion> esignetLine = options.EsignetVersion == null && options.EsignetUri != null
                    ? await EsignetLineProbe.DetectAsync(transport, tokens, options.EsignetUri, log, cancel).ConfigureAwait(false)
                    : LineFinding<EsignetVersion>.GivenOr(options.EsignetVersion, options.EsignetVersionSource, EsignetVersion.Default, "no eSignet server");
                LineFinding<PmsVersion> pmsLine = options.PmsVersion == null && options.PmsUri != null
                    ? await PmsLineProbe.DetectAsync(transport, tokens, options.PmsUri, log, cancel).ConfigureAwait(false)
                    : LineFinding<PmsVersion>.GivenOr(options.PmsVersion, options.PmsVersionSource, PmsVersion.Default, "no PMS server");
                var context = new EsignetContext(options, esignetLine, pmsLine, transport, tokens, new RegistrationLedger(options.LedgerPath)) { Discovery = discovery };
                if (options.EsignetUri != null && discovery == null)
                {
                    warn?.Invoke($"No OpenID discovery document at {options.EsignetUri} (tried /v1/esignet/oidc/.well-known/openid-configuration and /.well-known/openid-configuration). Check -Uri is the eSignet base; local validation uses the {context.ServerVersion} line's shipped claims and ACRs.");
                }

                foreach (string? line in new[] { esignetLine.How == "default" && options.EsignetUri != null ? "eSignet release line: " + esignetLine : null, pmsLine.How == "default" && options.PmsUri != null ? "PMS release line: " + pmsLine : null })
                {
                    if (line != null) warn?.Invoke(line + ".");
                }

                if (transport.ClockSkew.TakeWarning() is string skew)
                {
                    warn?.Invoke(skew);
                }

                return context;
            }
            catch
            {
                transport.Dispose();
                throw;
            }
        }

        private static ITokenSource? MakeTokenSource(ConnectionOptions o, HttpTransport transport)
        {
            if (!string.IsNullOrEmpty(o.AccessToken))
            {
                return new StaticTokenSource(o.AccessToken!, o.CredentialSource);
            }

            if (string.IsNullOrEmpty(o.ClientId))
            {
                return null;
            }

            if (string.IsNullOrEmpty(o.ClientSecret))
            {
                throw new EsignetException("MissingClientSecret", EsignetErrorKind.InvalidArgument,
                    $"Client '{o.ClientId}' has no secret. Pass -ClientCredential (user = client id, password = secret) or set ESIGNET_CLIENT_SECRET.");
            }

            if (o.TokenUri != null)
            {
                return new ClientCredentialsTokenSource(transport, o.TokenUri, o.ClientId!, o.ClientSecret!, o.Scope, o.CredentialSource);
            }

            if (o.AuthManagerUri != null)
            {
                return new AuthManagerTokenSource(transport, o.AuthManagerUri, string.IsNullOrEmpty(o.AppId) ? "partner" : o.AppId!, o.ClientId!, o.ClientSecret!, o.CredentialSource);
            }

            throw new EsignetException("MissingTokenEndpoint", EsignetErrorKind.InvalidArgument,
                "Client credentials need -TokenUri (Keycloak: https://<iam>/auth/realms/<realm>/protocol/openid-connect/token) or -AuthManagerUri (MOSIP authmanager).");
        }

        private static void RequireSecure(Uri? uri, bool allowInsecure)
        {
            if (uri == null)
            {
                return;
            }

            if (!uri.IsAbsoluteUri || (uri.Scheme != "https" && uri.Scheme != "http"))
            {
                throw new EsignetException("InvalidServerUri", EsignetErrorKind.InvalidArgument,
                    $"'{uri}' is not an http(s) URL. Give the server base, e.g. https://esignet.example.org.");
            }

            if (!string.IsNullOrEmpty(uri.UserInfo))
            {
                // Refused rather than redacted: a URL is echoed in many places (-Verbose, Get-EsignetContext, results,
                // the ledger), and one missed redaction would print the password. Credentials have their own parameters.
                throw new EsignetException("CredentialsInUri", EsignetErrorKind.InvalidArgument,
                    $"'{uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.PathAndQuery, UriFormat.UriEscaped)}' was given with a user name or password in it (user@host). Remove them from the URL and give credentials with -ClientCredential, -AccessToken or the ESIGNET_* variables.");
            }

            if (uri.Scheme == "http" && !allowInsecure && !IsLoopback(uri))
            {
                throw new EsignetException("InsecureHttp", EsignetErrorKind.InvalidArgument,
                    $"'{uri}' is plain HTTP: tokens and secrets would cross the network unencrypted. Use https, or pass -AllowInsecureHttp if you accept that (e.g. inside a cluster).");
            }
        }

        private static bool IsLoopback(Uri uri)
        {
            if (uri.IsLoopback || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            return IPAddress.TryParse(uri.Host.Trim('[', ']'), out IPAddress? ip) && IPAddress.IsLoopback(ip);
        }
    }
}
