namespace Esignet.Sandbox.Validation;

/// <summary>
/// Whether <c>new java.net.URL(spec)</c> succeeds, which is all Hibernate's <c>@URL</c> checks when no protocol,
/// host or port is constrained (esignet-api.md §2.1 logoUri, §2.6 v1.0–v1.1 redirect URIs; pms-api.md §4.1).
/// The JDK accepts almost anything after a known protocol; it fails on no/unknown protocol, a bad port,
/// an unclosed IPv6 bracket and a jar URL without <c>!/</c>.
/// </summary>
public static class JavaUrl
{
    /// <summary>Protocols with a built-in handler in the JDK 11+.</summary>
    private static readonly HashSet<string> KnownProtocols = ["http", "https", "ftp", "file", "jar", "mailto", "jrt"];

    public static bool IsValid(string? spec)
    {
        if (spec is null) return false;
        // Hibernate's @URL is composed with @Pattern(regexp = ".*"); Java's '.' matches no line terminator, so a
        // value holding \n, \r, U+0085, U+2028 or U+2029 fails before java.net.URL (which would trim it) is asked.
        if (spec.AsSpan().IndexOfAny(['\n', '\r', '\u0085', '\u2028', '\u2029']) >= 0) return false;
        var s = spec.Trim(TrimChars);
        var start = 0;
        if (s.StartsWith("url:", StringComparison.OrdinalIgnoreCase)) start = 4;
        if (start < s.Length && s[start] == '#') return false; // a bare reference needs a context URL
        string? protocol = null;
        for (var i = start; i < s.Length && s[i] != '/'; i++)
        {
            if (s[i] == ':')
            {
                var candidate = s[start..i].ToLowerInvariant();
                if (IsValidProtocol(candidate))
                {
                    protocol = candidate;
                    start = i + 1;
                }
                break;
            }
        }
        if (protocol is null || !KnownProtocols.Contains(protocol)) return false;
        var rest = s[start..];
        var hash = rest.IndexOf('#');
        if (hash >= 0) rest = rest[..hash];
        if (protocol == "jar") return rest.Contains("!/", StringComparison.Ordinal);
        if (!rest.StartsWith("//", StringComparison.Ordinal)) return true;

        // URLStreamHandler.parseURL: authority = up to the next '/', '?' or end.
        var authority = rest[2..];
        var end = authority.IndexOfAny(['/', '?']);
        if (end >= 0) authority = authority[..end];
        var at = authority.LastIndexOf('@');
        var hostPort = at >= 0 ? authority[(at + 1)..] : authority;
        string portText;
        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']');
            if (close < 0) return false; // "Invalid host"
            var after = hostPort[(close + 1)..];
            if (after.Length > 0 && after[0] != ':') return false;
            portText = after.Length > 0 ? after[1..] : "";
        }
        else
        {
            var colon = hostPort.IndexOf(':');
            portText = colon >= 0 ? hostPort[(colon + 1)..] : "";
        }
        if (portText.Length == 0) return true;
        return int.TryParse(portText, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var port) && port >= -1;
    }

    private static readonly char[] TrimChars = Enumerable.Range(0, 33).Select(i => (char)i).ToArray();

    private static bool IsValidProtocol(string protocol)
    {
        if (protocol.Length < 1 || !char.IsAsciiLetter(protocol[0])) return false;
        foreach (var c in protocol.AsSpan(1))
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '+' or '-')) return false;
        }
        return true;
    }
}
