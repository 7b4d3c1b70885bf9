using System;

namespace Esignet.Core.Keys
{
    /// <summary>base64url without padding (RFC 7515 §2), as JOSE uses for every binary member.</summary>
    public static class Base64Url
    {
        public static string Encode(byte[] data)
        {
            return Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        }

        /// <summary>Decodes base64url; returns null when the text is not valid base64url.</summary>
        public static byte[]? TryDecode(string? text)
        {
            if (text == null)
            {
                return null;
            }

            string s = text.Replace('-', '+').Replace('_', '/');
            switch (s.Length % 4)
            {
                case 2: s += "=="; break;
                case 3: s += "="; break;
                case 1: return null;
            }

            try
            {
                return Convert.FromBase64String(s);
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }
}
