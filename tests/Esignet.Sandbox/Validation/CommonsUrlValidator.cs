using System.Text.RegularExpressions;

namespace Esignet.Sandbox.Validation;

/// <summary>
/// Apache commons-validator 1.7 <c>new UrlValidator(ALLOW_ALL_SCHEMES + ALLOW_LOCAL_URLS)</c>, eSignet's
/// <c>RedirectURLValidator</c> from v1.2.0 (esignet-api.md §2.6): any syntactically valid scheme, a host that is a
/// known-TLD domain, a single local label, or an IP literal; wildcards only in the path; no "//" in the path.
/// </summary>
public static partial class CommonsUrlValidator
{
    // AUTHORITY_REGEX of 1.7 (Java \d and \p{Alnum} are ASCII; %-. is a range in both engines).
    [GeneratedRegex(@"^(?:\[(::FFFF:(?:[0-9]{1,3}\.){3}[0-9]{1,3}|[0-9a-fA-F:]+)\]|(?:(?:[a-zA-Z0-9%-._~!$&'()*+,;=]+(?::[a-zA-Z0-9%-._~!$&'()*+,;=]*)?@)?([a-zA-Z0-9\-\.]*)))(?::([0-9]*))?(.*)?\z", RegexOptions.Singleline)]
    private static partial Regex Authority();

    // PATH_REGEX of 1.7: ^(/[-\w:@&?=+,.!/~*'%$_;\(\)]*)?$ with Java's ASCII \w.
    [GeneratedRegex(@"^(/[-a-zA-Z0-9_:@&?=+,.!/~*'%$;()]*)?\z")]
    private static partial Regex PathPattern();

    public static bool IsValid(string? value)
    {
        if (value is null) return false;
        var uri = JavaUri.Parse(value);
        if (uri?.Scheme is null) return false;
        var authority = uri.RawAuthority;
        if (uri.Scheme == "file" && string.IsNullOrEmpty(authority)) return true; // file: may have no authority
        if (uri.Scheme == "file" && authority!.Contains(':')) return false;
        if (!IsValidAuthority(authority)) return false;
        if (!IsValidPath(uri.RawPath)) return false;
        if (uri.RawQuery is not null && !JavaText.HasNoAsciiWhitespace(uri.RawQuery)) return false;
        return true; // fragments are allowed (NO_FRAGMENTS off)
    }

    private static bool IsValidAuthority(string? authority)
    {
        if (authority is null) return false;
        var match = Authority().Match(DomainRules.UnicodeToAscii(authority));
        if (!match.Success) return false;
        if (match.Groups[1].Success)
        {
            if (!DomainRules.IsValidIpv6(match.Groups[1].Value)) return false;
        }
        else
        {
            var host = match.Groups[2].Value;
            if (!DomainRules.IsValidDomain(host) && !DomainRules.IsValidIpv4(host)) return false;
            var port = match.Groups[3].Success ? match.Groups[3].Value : "";
            if (port.Length > 0 && (!int.TryParse(port, out var number) || number > 65535)) return false;
        }
        var extra = match.Groups[4].Success ? match.Groups[4].Value : "";
        return extra.Trim().Length == 0;
    }

    private static bool IsValidPath(string? path)
    {
        if (path is null || !PathPattern().IsMatch(path)) return false;
        if (EscapesRoot(path)) return false;
        return !path.Contains("//", StringComparison.Ordinal); // ALLOW_2_SLASHES is off
    }

    /// <summary>URI normalisation keeps a leading ".." that would climb above the root; the validator rejects it.</summary>
    private static bool EscapesRoot(string path)
    {
        var stack = new List<string>();
        foreach (var segment in path.Split('/').Skip(1))
        {
            if (segment == ".") continue;
            if (segment == "..")
            {
                if (stack.Count > 0 && stack[^1] != "..") stack.RemoveAt(stack.Count - 1);
                else stack.Add("..");
                continue;
            }
            stack.Add(segment);
        }
        return stack.Count > 0 && stack[0] == "..";
    }
}
