using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace Esignet.Core.Keys
{
    /// <summary>
    /// The base file name of a client's generated key (see <see cref="KeyFileSet"/>): readable, collision-free and
    /// bounded. A name that is already a plain file name stays as it is (so today's files keep their names); one
    /// that sanitising changes (space, '/', '\', ':', control characters become '_'; leading dots go) or that is
    /// too long gets a short hash of the exact id or name after its readable part, so 'OpenG2P Registry' and
    /// 'OpenG2P_Registry', or 'x:y' and 'x_y', never share a key. The readable part is at most
    /// <see cref="MaxReadableBytes"/> UTF-8 bytes, so a 240-character PMS name still makes a path far below any
    /// file system's limit.
    /// </summary>
    public static class KeyFileName
    {
        /// <summary>The longest readable part, in UTF-8 bytes; with the hash and the longest suffix a name stays under 100 bytes.</summary>
        public const int MaxReadableBytes = 64;

        /// <summary>The base name for <paramref name="idOrName"/>: sanitised, plus "-" and 12 hex digits of its SHA-256 where that changed anything.</summary>
        public static string For(string idOrName)
        {
            string readable = Sanitise(idOrName);
            if (readable == idOrName && Encoding.UTF8.GetByteCount(readable) <= MaxReadableBytes)
            {
                return readable;
            }

            return Truncate(readable, MaxReadableBytes) + "-" + ShortHash(idOrName);
        }

        /// <summary>
        /// The name earlier builds gave the same id or name (sanitised lossily, no hash, no bound). A key file under
        /// it is still found and reused when no file exists under the new name and the ledger does not record it
        /// for another client.
        /// </summary>
        public static string Legacy(string idOrName) => Sanitise(idOrName.Trim());

        private static string Sanitise(string name)
        {
            var sb = new StringBuilder(name.Length);
            char[] invalid = Path.GetInvalidFileNameChars();
            foreach (char c in name)
            {
                bool unsafeChar = char.IsWhiteSpace(c) || char.IsControl(c) || Array.IndexOf(invalid, c) >= 0 || c == '/' || c == '\\' || c == ':';
                sb.Append(unsafeChar ? '_' : c);
            }

            string s = sb.ToString().TrimStart('.');
            return s.Length == 0 ? "_" : s;
        }

        private static string Truncate(string s, int maxBytes)
        {
            var sb = new StringBuilder();
            int bytes = 0;
            for (int i = 0; i < s.Length; i++)
            {
                int width = char.IsHighSurrogate(s[i]) && i + 1 < s.Length ? 2 : 1;
                int size = Encoding.UTF8.GetByteCount(s.ToCharArray(i, width));
                if (bytes + size > maxBytes)
                {
                    break;
                }

                sb.Append(s, i, width);
                bytes += size;
                i += width - 1;
            }

            return sb.ToString();
        }

        private static string ShortHash(string exact) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(exact)), 0, 6).ToLowerInvariant();
    }
}
