using System.Text;
using System.Text.RegularExpressions;

namespace Esignet.Sandbox.Validation;

/// <summary>
/// Spring's <c>AntPathMatcher.match(pattern, path)</c> with the default "/" separator, which eSignet applies to the
/// whole redirect URI from v1.2.0 (esignet-api.md §2.6): <c>*</c> matches within a segment, <c>**</c> across
/// segments, <c>?</c> one character, <c>{name}</c> / <c>{name:regex}</c> a template variable; empty segments are
/// ignored (so "https://host" tokenises to "https:" and "host"); matching is case-sensitive.
/// </summary>
public static class AntPathMatcher
{
    public static bool Match(string pattern, string path)
    {
        if (path.StartsWith('/') != pattern.StartsWith('/')) return false;
        var pattDirs = Tokenize(pattern);
        var pathDirs = Tokenize(path);
        int pattStart = 0, pattEnd = pattDirs.Length - 1, pathStart = 0, pathEnd = pathDirs.Length - 1;

        // Match all elements up to the first **.
        while (pattStart <= pattEnd && pathStart <= pathEnd)
        {
            var pattDir = pattDirs[pattStart];
            if (pattDir == "**") break;
            if (!MatchSegment(pattDir, pathDirs[pathStart])) return false;
            pattStart++;
            pathStart++;
        }

        if (pathStart > pathEnd)
        {
            // Path is exhausted: only match if the rest of the pattern is * or **.
            if (pattStart > pattEnd) return pattern.EndsWith('/') == path.EndsWith('/');
            if (pattStart == pattEnd && pattDirs[pattStart] == "*" && path.EndsWith('/')) return true;
            for (var i = pattStart; i <= pattEnd; i++)
            {
                if (pattDirs[i] != "**") return false;
            }
            return true;
        }
        if (pattStart > pattEnd) return false; // pattern exhausted, path not

        // Up to the last **.
        while (pattStart <= pattEnd && pathStart <= pathEnd)
        {
            var pattDir = pattDirs[pattEnd];
            if (pattDir == "**") break;
            if (!MatchSegment(pattDir, pathDirs[pathEnd])) return false;
            if (pattEnd == pattDirs.Length - 1 && pattern.EndsWith('/') != path.EndsWith('/')) return false;
            pattEnd--;
            pathEnd--;
        }
        if (pathStart > pathEnd)
        {
            for (var i = pattStart; i <= pattEnd; i++)
            {
                if (pattDirs[i] != "**") return false;
            }
            return true;
        }

        while (pattStart != pattEnd && pathStart <= pathEnd)
        {
            var patIdxTmp = -1;
            for (var i = pattStart + 1; i <= pattEnd; i++)
            {
                if (pattDirs[i] == "**") { patIdxTmp = i; break; }
            }
            if (patIdxTmp == pattStart + 1)
            {
                pattStart++; // "**/**": skip one
                continue;
            }
            var patLength = patIdxTmp - pattStart - 1;
            var strLength = pathEnd - pathStart + 1;
            var foundIdx = -1;
            for (var i = 0; i <= strLength - patLength && foundIdx < 0; i++)
            {
                var all = true;
                for (var j = 0; j < patLength && all; j++)
                {
                    all = MatchSegment(pattDirs[pattStart + j + 1], pathDirs[pathStart + i + j]);
                }
                if (all) foundIdx = pathStart + i;
            }
            if (foundIdx == -1) return false;
            pattStart = patIdxTmp;
            pathStart = foundIdx + patLength;
        }
        for (var i = pattStart; i <= pattEnd; i++)
        {
            if (pattDirs[i] != "**") return false;
        }
        return true;
    }

    private static string[] Tokenize(string value) => value.Split('/', StringSplitOptions.RemoveEmptyEntries);

    /// <summary><c>AntPathStringMatcher</c>: ?, * and {var[:regex]} inside one segment, the rest literal.</summary>
    private static bool MatchSegment(string pattern, string segment)
    {
        if (pattern.IndexOfAny(['*', '?', '{']) < 0) return pattern == segment;
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*') regex.Append(".*");
            else if (c == '?') regex.Append('.');
            else if (c == '{' && pattern.IndexOf('}', i) is var close && close > i)
            {
                var variable = pattern[(i + 1)..close];
                var colon = variable.IndexOf(':');
                regex.Append('(').Append(colon >= 0 ? variable[(colon + 1)..] : ".*").Append(')');
                i = close;
            }
            else regex.Append(Regex.Escape(c.ToString()));
        }
        regex.Append("\\z");
        try
        {
            return Regex.IsMatch(segment, regex.ToString(), RegexOptions.Singleline, TimeSpan.FromMilliseconds(100));
        }
        catch (Exception e) when (e is ArgumentException or RegexMatchTimeoutException)
        {
            return false; // an unparsable {var:regex} never matches
        }
    }
}
