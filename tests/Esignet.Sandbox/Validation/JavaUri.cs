namespace Esignet.Sandbox.Validation;

/// <summary>
/// The raw components of a URI as <c>java.net.URI(String)</c> parses it (RFC 2396 with the JDK's deviations),
/// or null when the JDK would throw <c>URISyntaxException</c>. commons-validator 1.7 starts with this parse
/// (esignet-api.md §2.6).
/// </summary>
public sealed record JavaUri(string? Scheme, string? RawAuthority, string? RawPath, string? RawQuery, string? RawFragment, bool IsOpaque)
{
    private const string Unreserved = "-_.!~*'()";
    private const string Reserved = ";/?:@&=+$,[]";
    private const string PathPunctuation = ":@&=+$,;/";
    private const string ServerPunctuation = "-_.!~*'();:&=+$,.:@[]";

    public static JavaUri? Parse(string input)
    {
        var n = input.Length;
        if (n == 0) return new JavaUri(null, null, "", null, null, false);
        string? scheme = null;
        var p = 0;
        var colon = ScanFor(input, 0, n, ":/?#");
        if (colon < n && input[colon] == ':')
        {
            if (colon == 0) return null; // "Expected scheme name"
            if (!char.IsAsciiLetter(input[0])) return null;
            for (var i = 1; i < colon; i++)
            {
                var c = input[i];
                if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.')) return null;
            }
            scheme = input[..colon];
            p = colon + 1;
            if (p >= n || input[p] != '/')
            {
                // Opaque: scheme-specific part up to '#', must not be empty.
                var hash = ScanFor(input, p, n, "#");
                if (hash <= p) return null;
                if (!CheckChars(input, p, hash, IsUric)) return null;
                var fragment = ParseFragment(input, hash, n, out var ok);
                return ok ? new JavaUri(scheme, null, null, null, fragment, true) : null;
            }
        }

        string? authority = null;
        if (p + 1 < n && input[p] == '/' && input[p + 1] == '/')
        {
            p += 2;
            var q = ScanFor(input, p, n, "/?#");
            if (q > p)
            {
                authority = input[p..q];
                if (!IsLegalAuthority(authority)) return null;
                p = q;
            }
            else if (q >= n)
            {
                return null; // "Expected authority"
            }
        }
        var pathEnd = ScanFor(input, p, n, "?#");
        if (!CheckChars(input, p, pathEnd, IsPathChar)) return null;
        var path = input[p..pathEnd];
        p = pathEnd;
        string? query = null;
        if (p < n && input[p] == '?')
        {
            var q = ScanFor(input, p + 1, n, "#");
            if (!CheckChars(input, p + 1, q, IsUric)) return null;
            query = input[(p + 1)..q];
            p = q;
        }
        var frag = ParseFragment(input, p, n, out var fragOk);
        return fragOk ? new JavaUri(scheme, authority, path, query, frag, false) : null;
    }

    private static string? ParseFragment(string input, int p, int n, out bool ok)
    {
        ok = true;
        if (p >= n) return null;
        if (input[p] != '#') { ok = false; return null; }
        ok = CheckChars(input, p + 1, n, IsUric);
        return input[(p + 1)..];
    }

    private static int ScanFor(string s, int start, int end, string stops)
    {
        for (var i = start; i < end; i++)
        {
            if (stops.Contains(s[i])) return i;
        }
        return end;
    }

    /// <summary>Checks every char with the class; '%' must start a valid escape; "other" chars (non-ASCII, not space or control) pass.</summary>
    private static bool CheckChars(string s, int start, int end, Func<char, bool> allowed)
    {
        for (var i = start; i < end; i++)
        {
            var c = s[i];
            if (c == '%')
            {
                if (i + 2 >= end || !Uri.IsHexDigit(s[i + 1]) || !Uri.IsHexDigit(s[i + 2])) return false;
                i += 2;
                continue;
            }
            if (c >= 128)
            {
                if (char.IsWhiteSpace(c) || char.IsControl(c)) return false;
                continue;
            }
            if (!allowed(c)) return false;
        }
        return true;
    }

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || Unreserved.Contains(c);
    private static bool IsUric(char c) => IsUnreserved(c) || Reserved.Contains(c);
    private static bool IsPathChar(char c) => IsUnreserved(c) || PathPunctuation.Contains(c);
    private static bool IsServerChar(char c) => char.IsAsciiLetterOrDigit(c) || ServerPunctuation.Contains(c);

    /// <summary>
    /// Server-based or registry-based authority: every char must be a server char; brackets only around an IPv6 literal
    /// (a failed server parse with brackets cannot fall back to a registry name).
    /// </summary>
    private static bool IsLegalAuthority(string authority)
    {
        if (!CheckChars(authority, 0, authority.Length, IsServerChar)) return false;
        var open = authority.IndexOf('[');
        var close = authority.IndexOf(']');
        if (open < 0 && close < 0) return true;
        if (open < 0 || close < open) return false;
        var at = authority.LastIndexOf('@', open >= 0 ? open : 0);
        if (open != at + 1) return false;
        var literal = authority[(open + 1)..close];
        if (!System.Net.IPAddress.TryParse(literal, out var address) || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) return false;
        var after = authority[(close + 1)..];
        return after.Length == 0 || (after[0] == ':' && after[1..].All(char.IsAsciiDigit));
    }
}
