namespace Esignet.Sandbox.Json;

/// <summary>base64url without padding (RFC 7515 §2), strict on the alphabet.</summary>
public static class Base64Url
{
    public static string Encode(ReadOnlySpan<byte> data) =>
        Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Decodes base64url; tolerates trailing padding; fails on any other character.</summary>
    public static bool TryDecode(string? text, out byte[] data)
    {
        data = [];
        if (text is null) return false;
        var trimmed = text.TrimEnd('=');
        foreach (var c in trimmed)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_')) return false;
        }
        if (trimmed.Length % 4 == 1) return false;
        var s = trimmed.Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + (4 - s.Length % 4) % 4, '=');
        try
        {
            data = Convert.FromBase64String(s);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static byte[] Decode(string text) => TryDecode(text, out var data) ? data : throw new FormatException("Not base64url.");
}
