using Esignet.Sandbox.Validation;
using Esignet.Sandbox.Versions;

namespace Esignet.Sandbox.Oidc;

/// <summary>
/// How a requested redirect URI is matched against the registered ones (esignet-api.md §2.6): v1.0–v1.1 compare
/// protocol and host case-insensitively and Ant-match the path; v1.2+ need both URIs to pass the URL validator
/// and Ant-match the whole string.
/// </summary>
public static class RedirectUriMatcher
{
    public static bool Matches(IEnumerable<string> registered, string requested, EsignetLine line) =>
        registered.Any(r => Matches(r, requested, line));

    private static bool Matches(string registered, string requested, EsignetLine line)
    {
        if (!line.MatchesRedirectByPathOnly)
            return CommonsUrlValidator.IsValid(registered) && CommonsUrlValidator.IsValid(requested) && AntPathMatcher.Match(registered, requested);
        var a = JavaUri.Parse(registered);
        var b = JavaUri.Parse(requested);
        if (a?.Scheme is null || b?.Scheme is null) return false;
        return string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(Host(a.RawAuthority), Host(b.RawAuthority), StringComparison.OrdinalIgnoreCase)
            && AntPathMatcher.Match(a.RawPath ?? "", b.RawPath ?? "");
    }

    private static string Host(string? authority)
    {
        var hostPort = authority ?? "";
        var at = hostPort.LastIndexOf('@');
        if (at >= 0) hostPort = hostPort[(at + 1)..];
        if (hostPort.StartsWith('[')) return hostPort[..(hostPort.IndexOf(']') + 1)];
        var colon = hostPort.IndexOf(':');
        return colon >= 0 ? hostPort[..colon] : hostPort;
    }
}
