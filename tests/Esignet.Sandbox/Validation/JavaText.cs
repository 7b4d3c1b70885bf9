namespace Esignet.Sandbox.Validation;

/// <summary>
/// The Java notions of "blank", "whitespace" and "split" that eSignet's validators rely on; they differ from .NET's
/// (esignet-api.md §2.1: <c>\S*</c> uses Java's ASCII-only <c>\s</c>).
/// </summary>
public static class JavaText
{
    /// <summary>Hibernate <c>@NotBlank</c>: null or <c>String.trim()</c> empty (trim strips chars &lt;= U+0020).</summary>
    public static bool IsTrimBlank(string? value)
    {
        if (value is null) return true;
        foreach (var c in value)
        {
            if (c > ' ') return false;
        }
        return true;
    }

    /// <summary><c>String.isBlank()</c> / commons-lang <c>StringUtils.isBlank</c>: only <c>Character.isWhitespace</c> chars.</summary>
    public static bool IsWhitespaceBlank(string? value)
    {
        if (value is null) return true;
        foreach (var c in value)
        {
            if (!IsJavaWhitespace(c)) return false;
        }
        return true;
    }

    /// <summary><c>Character.isWhitespace</c>: Unicode separators except no-break spaces, plus \t \n VT \f \r FS GS RS US.</summary>
    public static bool IsJavaWhitespace(char c)
    {
        if (c is '\t' or '\n' or '\u000B' or '\f' or '\r' or '\u001C' or '\u001D' or '\u001E' or '\u001F') return true;
        if (c is '\u00A0' or '\u2007' or '\u202F') return false;
        var category = char.GetUnicodeCategory(c);
        return category is System.Globalization.UnicodeCategory.SpaceSeparator
            or System.Globalization.UnicodeCategory.LineSeparator
            or System.Globalization.UnicodeCategory.ParagraphSeparator;
    }

    /// <summary>Whole-string match of Java's <c>\S*</c>: no ASCII whitespace (space, \t, \n, VT, \f, \r).</summary>
    public static bool HasNoAsciiWhitespace(string value)
    {
        foreach (var c in value)
        {
            if (c is ' ' or '\t' or '\n' or '\u000B' or '\f' or '\r') return false;
        }
        return true;
    }

    /// <summary>Java <c>String.split</c> on a literal one-char separator: trailing empty strings are removed.</summary>
    public static string[] Split(string value, char separator)
    {
        if (value.Length == 0) return [""];
        var parts = value.Split(separator).ToList();
        if (parts.Count == 1) return [value];
        while (parts.Count > 0 && parts[^1].Length == 0) parts.RemoveAt(parts.Count - 1);
        return parts.ToArray();
    }

    /// <summary>Java <c>String.trim()</c>: strips characters up to U+0020 at both ends (not Unicode spaces).</summary>
    public static string Trim(string value) => value.Trim(TrimChars);

    private static readonly char[] TrimChars = Enumerable.Range(0, 33).Select(i => (char)i).ToArray();
}
