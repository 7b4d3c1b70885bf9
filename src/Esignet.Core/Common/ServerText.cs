using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Esignet.Core.Common
{
    /// <summary>
    /// Text that came from a server (error codes, messages, any echoed field) made safe to reach a terminal, a
    /// transcript or a record: a hostile or broken server must not clear the screen, retitle the window, print fake
    /// lines or plant a link. C0 and C1 control characters, DEL and the bidirectional overrides are replaced by
    /// their visible escape (<c>\u001B</c>), so the operator sees that they were there; tab and newline stay in
    /// messages, which use them. Applying it twice changes nothing.
    /// </summary>
    public static class ServerText
    {
        /// <summary>What an ErrorId taken from a server may look like; anything else becomes <see cref="UnsafeCodeId"/>.</summary>
        private static readonly Regex SafeId = new Regex("^[A-Za-z0-9_.:-]{1,100}$", RegexOptions.CultureInvariant);

        /// <summary>The fixed ErrorId used when a server's code is not a safe identifier (the escaped code goes in the details).</summary>
        public const string UnsafeCodeId = "ServerErrorCodeNotSafe";

        /// <summary>The text with every control character escaped; tab and newline kept when <paramref name="keepLayout"/>.</summary>
        public static string? Clean(string? text, bool keepLayout = true)
        {
            if (text == null)
            {
                return null;
            }

            StringBuilder? sb = null;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (!IsUnsafe(c, keepLayout))
                {
                    sb?.Append(c);
                    continue;
                }

                if (sb == null)
                {
                    sb = new StringBuilder(text.Length + 16);
                    sb.Append(text, 0, i);
                }

                sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }

            return sb?.ToString() ?? text;
        }

        /// <summary>The server's code when it is a safe ErrorId (<c>^[A-Za-z0-9_.:-]{1,100}$</c>), else <see cref="UnsafeCodeId"/>.</summary>
        public static string ErrorId(string code) => SafeId.IsMatch(code) ? code : UnsafeCodeId;

        private static bool IsUnsafe(char c, bool keepLayout)
        {
            if (c == '\t' || c == '\n')
            {
                return !keepLayout;
            }

            return c < 0x20 || (c >= 0x7F && c <= 0x9F)
                || c == '\u061C' || c == '\u200E' || c == '\u200F'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
        }
    }
}
