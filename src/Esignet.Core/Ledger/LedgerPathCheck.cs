using System.IO;
using System.Runtime.InteropServices;
using Esignet.Core.Errors;
using Esignet.Core.Files;

namespace Esignet.Core.Ledger
{
    /// <summary>
    /// The ledger decides which key belongs to which client, so another user must not be able to write it or to
    /// point it elsewhere. A ledger path that is a symlink is followed only when its target lies in a folder the
    /// user owns (a user's own link into a synced folder is fine; a link planted in a shared folder is not); an
    /// existing ledger must be a regular file of the user's own.
    /// </summary>
    internal static class LedgerPathCheck
    {
        /// <summary>The path to open (the symlink's target where one is allowed); throws when the ledger is not safe to use.</summary>
        public static string Resolve(string path)
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return path;
            }

            uint me = UnixNative.EffectiveUserId;
            UnixNative.Status? st = UnixNative.LStat(path);
            string real = path;
            if (st != null && st.Value.Type == UnixNative.TypeLink)
            {
                real = UnixNative.RealPath(path) ?? Target(path) ?? path;
                string folder = Path.GetDirectoryName(real)!;
                UnixNative.Status? f = UnixNative.LStat(folder);
                if (real == path || f == null || f.Value.Uid != me)
                {
                    throw Refused(path, $"it is a symbolic link to '{real}', which is not in a folder you own. Point -LedgerPath (or ESIGNET_LEDGER_PATH) at the file itself, or at a link into a folder of your own");
                }

                st = UnixNative.LStat(real);
            }

            if (st != null && st.Value.Type != UnixNative.TypeRegular)
            {
                throw Refused(path, "it is not a regular file");
            }

            if (st != null && st.Value.Uid != me)
            {
                throw Refused(path, $"it belongs to another user (uid {st.Value.Uid}), who could rewrite which key belongs to which client. Use a ledger of your own (-LedgerPath or ESIGNET_LEDGER_PATH)");
            }

            return real;
        }

        /// <summary>Where a symlink whose target does not exist yet points: its folder resolved, its name as written.</summary>
        private static string? Target(string link)
        {
            string? text = UnixNative.ReadLink(link);
            if (text == null)
            {
                return null;
            }

            string target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(link)!, text));
            string? folder = UnixNative.RealPath(Path.GetDirectoryName(target)!);
            return folder == null ? null : Path.Combine(folder, Path.GetFileName(target));
        }

        private static EsignetException Refused(string path, string why) =>
            new EsignetException("LedgerNotSafe", EsignetErrorKind.PermissionDenied, $"Will not use the ledger '{path}': {why}.") { TargetObject = path };
    }
}
