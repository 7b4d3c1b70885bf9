using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace Esignet.Core.Keys
{
    /// <summary>PEM armour (RFC 7468): a label and base64 DER between BEGIN/END lines.</summary>
    public static class Pem
    {
        private static readonly Regex Block = new Regex(
            @"-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \1-----",
            RegexOptions.Singleline | RegexOptions.CultureInvariant);

        public static string Encode(string label, byte[] der)
        {
            string b64 = Convert.ToBase64String(der);
            var sb = new StringBuilder();
            sb.Append("-----BEGIN ").Append(label).Append("-----\n");
            for (int i = 0; i < b64.Length; i += 64)
            {
                sb.Append(b64, i, Math.Min(64, b64.Length - i)).Append('\n');
            }

            sb.Append("-----END ").Append(label).Append("-----\n");
            return sb.ToString();
        }

        /// <summary>All PEM blocks in the text, in order. Blocks whose body is not base64 are skipped.</summary>
        public static IReadOnlyList<KeyValuePair<string, byte[]>> Decode(string text)
        {
            var result = new List<KeyValuePair<string, byte[]>>();
            foreach (Match m in Block.Matches(text ?? string.Empty))
            {
                string body = m.Groups[2].Value;

                // RFC 1421 headers (Proc-Type, DEK-Info) mark legacy encrypted keys; keep them visible to the caller.
                if (body.IndexOf("Proc-Type:", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    result.Add(new KeyValuePair<string, byte[]>("ENCRYPTED " + m.Groups[1].Value, Array.Empty<byte>()));
                    continue;
                }

                var b64 = new StringBuilder(body.Length);
                foreach (char c in body)
                {
                    if (!char.IsWhiteSpace(c))
                    {
                        b64.Append(c);
                    }
                }

                try
                {
                    result.Add(new KeyValuePair<string, byte[]>(m.Groups[1].Value, Convert.FromBase64String(b64.ToString())));
                }
                catch (FormatException)
                {
                    // not base64: not a PEM block we can use
                }
            }

            return result;
        }

        public static bool LooksLikePem(string text) => text != null && text.IndexOf("-----BEGIN ", StringComparison.Ordinal) >= 0;
    }
}
