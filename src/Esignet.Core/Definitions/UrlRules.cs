using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Esignet.Core.Definitions
{
    /// <summary>
    /// The two URL checks eSignet applies (esignet-api.md §2.1, §2.6): Hibernate <c>@URL</c> (a protocol java.net.URL
    /// knows) for logoUri and, up to 1.1, redirect URIs; and, from 1.2, Apache commons-validator 1.7
    /// <c>UrlValidator(ALLOW_ALL_SCHEMES + ALLOW_LOCAL_URLS)</c> for redirect URIs. A reimplementation of the
    /// commons rules with one known gap: a multi-label host's TLD is checked for shape, not against IANA's list.
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
        private static readonly Regex Authority = new Regex(@"^(?:\[([0-9a-fA-F:\.]+)\]|(?:(?:[\p{L}\d\-\._~!$&'\(\)\*\+,;=]|%[0-9a-fA-F]{2})+:?(?:[\p{L}\d\-\._~!$&'\(\)\*\+,;=]|%[0-9a-fA-F]{2})*@)?([\p{L}\d\-\.]*))(?::(\d*))?(.*)?$", RegexOptions.CultureInvariant);
        private static readonly Regex PathChars = new Regex(@"^(/[-\w:@&?=+,.!/~*'%$_;\(\)]*)?$", RegexOptions.CultureInvariant);
        private static readonly Regex Label = new Regex(@"^[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?$", RegexOptions.CultureInvariant);
        private static readonly Regex TopLabel = new Regex(@"^(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9\-]{1,59})$", RegexOptions.CultureInvariant);

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
            if (!PathChars.IsMatch(path) || !PathStaysInside(path))
            {
                reason = "its path contains characters or '..' segments the validator refuses";
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
            Match m = Authority.Match(authority);
            if (!m.Success || m.Groups[4].Value.Length > 0)
            {
                reason = $"its host '{authority}' is not valid";
                return false;
            }

            string ipv6 = m.Groups[1].Value;
            string host = m.Groups[2].Value;
            string port = m.Groups[3].Value;
            if (port.Length > 0 && (port.Length > 5 || int.Parse(port, CultureInfo.InvariantCulture) > 65535))
            {
                reason = $"its port {port} is out of range";
                return false;
            }

            if (ipv6.Length > 0)
            {
                if (IPAddress.TryParse(ipv6, out IPAddress? v6) && v6.AddressFamily == AddressFamily.InterNetworkV6) return true;
                reason = $"'[{ipv6}]' is not an IPv6 address";
                return false;
            }

            if (host.Length == 0)
            {
                reason = "it has no host";
                return false;
            }

            if (Regex.IsMatch(host, @"^\d{1,3}(\.\d{1,3}){3}$"))
            {
                foreach (string octet in host.Split('.'))
                {
                    if (int.Parse(octet, CultureInfo.InvariantCulture) > 255)
                    {
                        reason = $"'{host}' is not an IPv4 address";
                        return false;
                    }
                }

                return true;
            }

            if (!IsValidHostName(host))
            {
                reason = $"its host '{host}' is not a valid domain name (wildcards are allowed only in the path)";
                return false;
            }

            return true;
        }

        private static bool IsValidHostName(string host)
        {
            string h = host.EndsWith(".", StringComparison.Ordinal) ? host.Substring(0, host.Length - 1) : host;
            if (h.Length == 0 || h.Length > 253) return false;
            string[] labels = h.Split('.');
            foreach (string label in labels)
            {
                if (!Label.IsMatch(label)) return false;
            }

            // ALLOW_LOCAL_URLS: localhost and single-label (intranet) hosts are fine; otherwise the last label is a TLD.
            return labels.Length == 1 || TopLabel.IsMatch(labels[labels.Length - 1]);
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
