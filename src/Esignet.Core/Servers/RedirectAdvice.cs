using System;
using System.Net.Http;
using Esignet.Core.Errors;
using Esignet.Core.Transport;

namespace Esignet.Core.Servers
{
    /// <summary>
    /// A 3xx answer to an API call. The transport never follows redirects (a POST body and a token would go to an
    /// address nobody chose), so the answer is reported, naming its Location and the likely cause: http where the
    /// server wants https, a wrong base path, another host, or a gateway's login page.
    /// </summary>
    internal static class RedirectAdvice
    {
        public static bool IsRedirect(int status) => status >= 300 && status < 400 && status != 304;

        public static ServerErrorException Error(HttpMethod method, Uri requested, TransportResponse r)
        {
            string endpoint = method + " " + requested.AbsolutePath;
            string? raw = r.Header("Location");
            if (raw == null || !Uri.TryCreate(requested, raw, out Uri? location))
            {
                return new ServerErrorException("Redirected",
                    $"The server answered HTTP {r.Status} (a redirect) without a usable Location. Check -Uri/-PmsUri: it should be the API's base address, not a web page.",
                    r.Status, endpoint, EsignetErrorKind.ServerError);
            }

            // The query may carry state or tokens of a login flow: show scheme, host and path only.
            string shown = Redactor.Redact(location.GetLeftPart(UriPartial.Path));
            return new ServerErrorException("Redirected",
                $"The server answered HTTP {r.Status}, redirecting to {shown}; the module does not follow redirects. Likely cause: {Cause(requested, location)}",
                r.Status, endpoint, EsignetErrorKind.ServerError);
        }

        private static string Cause(Uri requested, Uri location)
        {
            bool sameHost = string.Equals(requested.Host, location.Host, StringComparison.OrdinalIgnoreCase);
            bool samePath = string.Equals(requested.AbsolutePath.TrimEnd('/'), location.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal);
            if (sameHost && samePath && requested.Scheme == Uri.UriSchemeHttp && location.Scheme == Uri.UriSchemeHttps)
            {
                return $"the server wants https. Connect with -Uri/-PmsUri https://{location.Authority}/... instead of http.";
            }

            string path = location.AbsolutePath.ToLowerInvariant();
            if (path.Contains("login") || path.Contains("/auth/realms/") || path.Contains("signin") || path.Contains("oauth2/"))
            {
                return "a gateway in front of the API sends callers to a login page. Use the API's own address (the ingress that serves /v1/esignet or /v1/partnermanager), not the web console's.";
            }

            if (sameHost && !samePath)
            {
                return $"a wrong base path (asked for {requested.AbsolutePath}, sent to {location.AbsolutePath}). Check the path in -Uri/-PmsUri: the base address without /v1/esignet or /v1/partnermanager, and no extra or missing prefix.";
            }

            if (!sameHost)
            {
                return $"the API lives at another host ({location.Host}). If that is the server's real address, connect to it directly.";
            }

            return "the server moved the address. Connect to the address it names.";
        }
    }
}
