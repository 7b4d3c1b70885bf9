using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Esignet.Core.Definitions
{
    /// <summary>
    /// The two URL checks eSignet applies (esignet-api.md §2.1, §2.6): Hibernate <c>@URL</c> (a protocol java.net.URL
    /// knows) for logoUri and, up to 1.1, redirect URIs; and, from 1.2, Apache commons-validator 1.7
    /// <c>UrlValidator(ALLOW_ALL_SCHEMES + ALLOW_LOCAL_URLS)</c> for redirect URIs (RedirectURLValidator.java@v1.5.1 to
    /// @v1.8.0; UrlValidator.java@VALIDATOR_1_7), host names with the library's own TLD list (<see cref="CommonsDomainRules"/>).
    /// </summary>
    internal static class UrlRules
    {
        /// <summary>The protocols a stock JVM's java.net.URL has handlers for.</summary>
        private static readonly HashSet<string> JavaUrlProtocols = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "http", "https", "ftp", "file", "jar", "mailto", "jrt",
        };

        // commons-validator 1.7 UrlValidator patterns.
        private static readonly Regex UrlParts = new Regex(@"^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?", RegexOptions.CultureInvariant);
        private static readonly Regex Scheme = new Regex(@"^\p{L}[\p{L}\d\+\-\.]*$", RegexOptions.CultureInvariant);
        // AUTHORITY_REGEX and PATH_REGEX of UrlValidator.java@VALIDATOR_1_7, with Java's ASCII-only \p{Alnum}, \d and \w
        // (so a non-ASCII character in the path is refused, and a host is matched only after IDN conversion).
        private static readonly Regex Authority = new Regex(@"^(?:\[(::FFFF:(?:[0-9]{1,3}\.){3}[0-9]{1,3}|[0-9a-fA-F:]+)\]|(?:(?:[a-zA-Z0-9%-._~!$&'()*+,;=]+(?::[a-zA-Z0-9%-._~!$&'()*+,;=]*)?@)?([a-zA-Z0-9\-\.]*)))(?::([0-9]*))?(.*)?$", RegexOptions.CultureInvariant | RegexOptions.Singleline);
        private static readonly Regex PathChars = new Regex(@"^(/[-a-zA-Z0-9_:@&?=+,.!/~*'%$;\(\)]*)?$", RegexOptions.CultureInvariant);

        private static readonly char[] JavaLineTerminators = { '\n', '\r', '\u0085', '\u2028', '\u2029' };

        /// <summary>True when java.net.URL would accept the text (Hibernate <c>@URL</c> without attributes).</summary>
        public static bool IsJavaUrl(string text, out string reason)
        {
            reason = string.Empty;
            int colon = text.IndexOf(':');
            if (colon <= 0)
            {
                reason = "it has no protocol (write https://...)";
                return false;
            }

            string protocol = text.Substring(0, colon);
            if (!JavaUrlProtocols.Contains(protocol))
            {
                reason = $"the protocol '{protocol}' is not one java.net.URL knows (use https)";
                return false;
            }

            // Hibernate's @URL composes @Pattern(regexp = ".*") (org.hibernate.validator.constraints.URL), and Java's '.'
            // matches no line terminator: a value with \n, \r, U+0085, U+2028 or U+2029 anywhere is invalid_uri, even
            // though java.net.URL itself would trim a trailing newline.
            if (text.IndexOfAny(JavaLineTerminators) >= 0)
            {
                reason = "it contains a line break (a newline or carriage return, often pasted at the end of a cell); remove it";
                return false;
            }

            if (text.IndexOf(' ') >= 0 || text.IndexOf('\t') >= 0)
            {
                reason = "it contains whitespace";
                return false;
            }

            if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? _))
            {
                reason = "it is not a well-formed URL";
                return false;
            }

            return true;
        }

        /// <summary>True when commons-validator 1.7 with ALLOW_ALL_SCHEMES and ALLOW_LOCAL_URLS accepts the text.</summary>
        public static bool IsCommonsUrl(string text, out string reason)
        {
            reason = string.Empty;
            if (!IsJavaUri(text))
            {
                reason = "it is not a valid URI (spaces, braces, quotes and other such characters must be percent-encoded)";
                return false;
            }

            Match parts = UrlParts.Match(text);
            string scheme = parts.Groups[2].Value;
            if (!parts.Groups[2].Success || !Scheme.IsMatch(scheme))
            {
                reason = "it has no valid scheme (write https://... or yourapp://...)";
                return false;
            }

            string authority = parts.Groups[4].Value;
            bool hasAuthority = parts.Groups[3].Success;
            if (!string.Equals(scheme, "file", StringComparison.OrdinalIgnoreCase) || authority.Length > 0)
            {
                if (!hasAuthority || !IsValidAuthority(authority, out reason))
                {
                    if (reason.Length == 0) reason = "it has no host (write scheme://host/path)";
                    return false;
                }
            }

            string path = parts.Groups[5].Value;
            if (!PathChars.IsMatch(path))
            {
                reason = "its path contains characters the validator refuses (percent-encode non-ASCII characters, e.g. %C3%A9 for é)";
                return false;
            }

            if (!PathStaysInside(path))
            {
                reason = "its path climbs above the root with '..'";
                return false;
            }

            // ALLOW_2_SLASHES is off (UrlValidator.isValidPath@VALIDATOR_1_7).
            if (path.IndexOf("//", StringComparison.Ordinal) >= 0)
            {
                reason = "its path contains '//' (write a single '/')";
                return false;
            }

            if (parts.Groups[7].Success && Regex.IsMatch(parts.Groups[7].Value, @"\s"))
            {
                reason = "its query contains whitespace";
                return false;
            }

            return true;
        }

        private static bool IsValidAuthority(string authority, out string reason)
        {
            reason = string.Empty;
            Match m = Authority.Match(CommonsDomainRules.UnicodeToAscii(authority));
            if (!m.Success || m.Groups[4].Value.Trim().Length > 0)
            {
                reason = $"its host '{authority}' is not valid";
                return false;
            }

            string port = m.Groups[3].Value;
            if (m.Groups[1].Success)
            {
                string ipv6 = m.Groups[1].Value;
                if (IPAddress.TryParse(ipv6, out IPAddress? v6) && v6.AddressFamily == AddressFamily.InterNetworkV6) return true;
                reason = $"'[{ipv6}]' is not an IPv6 address";
                return false;
            }

            string host = m.Groups[2].Value;
            if (host.Length == 0)
            {
                reason = "it has no host";
                return false;
            }

            if (!CommonsDomainRules.IsValidDomain(host, out string? refusedTld) && !CommonsDomainRules.IsValidIpv4(host, out bool leadingZero))
            {
                if (leadingZero)
                {
                    reason = $"'{host}' is an IPv4 address with a leading zero in an octet, which the validator refuses (write {string.Join(".", host.Split('.').Select(o => o.TrimStart('0').Length == 0 ? "0" : o.TrimStart('0')))})";
                }
                else if (refusedTld != null)
                {
                    string why = CommonsDomainRules.IsInternalTld(refusedTld) ? " Internal names (.local, .internal, .svc.cluster.local, ...) are refused even where your network resolves them." : string.Empty;
                    reason = $"its host '{host}' ends in '.{refusedTld}', a TLD missing from the IANA list of 2020 that is built into commons-validator 1.7, the library eSignet checks redirect URIs with, so eSignet answers invalid_redirect_uri.{why} Use a host under a public TLD, a single-label host name, localhost or an IP address";
                }
                else
                {
                    reason = $"its host '{host}' is not a valid domain name (wildcards are allowed only in the path)";
                }

                return false;
            }

            if (port.Length > 0 && (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number > 65535))
            {
                reason = $"its port {port} is out of range";
                return false;
            }

            return true;
        }

        private static bool PathStaysInside(string path)
        {
            int depth = 0;
            foreach (string segment in path.Split('/'))
            {
                if (segment == "..")
                {
                    if (--depth < 0) return false;
                }
                else if (segment.Length > 0 && segment != ".")
                {
                    depth++;
                }
            }

            return true;
        }

        /// <summary>The characters java.net.URI refuses unencoded (RFC 2396 plus what Java lets through).</summary>
        private static bool IsJavaUri(string text)
        {
            if (text.Length == 0) return false;
            foreach (char c in text)
            {
                if (c <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' || c == '{' || c == '|' || c == '}' || c == 0x7F)
                    return false;
            }

            return !Regex.IsMatch(text, @"%(?![0-9a-fA-F]{2})");
        }
    }
}
