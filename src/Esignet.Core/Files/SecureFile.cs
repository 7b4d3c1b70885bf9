using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using Esignet.Core.Errors;
using Microsoft.Win32.SafeHandles;

namespace Esignet.Core.Files
{
    /// <summary>
    /// Files that hold secrets, on a machine shared with other users (design.md decision 9): created owner-only in
    /// the very call that creates them (open with mode 0600, mkdir with 0700; on Windows a protected owner-only ACL
    /// passed to the create), so no other user can open one even for an instant, and written atomically (a temp
    /// file in the same folder, then a rename), so a crash never leaves a half-written key. The umask can only
    /// take bits away from 0600/0700, never add them.
    /// </summary>
    public static class SecureFile
    {
        private const int OwnerAll = 0x1C0;       // 0700
        private const int GroupOrOtherAny = 0x3F;  // 0077
        private const int GroupOrOtherWrite = 0x12; // 0022

        private static bool IsWindows => OperatingSystem.IsWindows();

        /// <summary>
        /// Creates the folder and any missing parents, one level at a time, each owner-only from its creation
        /// (mkdir 0700; a protected ACL on Windows). Existing levels are left as they are.
        /// </summary>
        public static void EnsureOwnerOnlyDirectory(string path)
        {
            string full = Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                return;
            }

            string? parent = Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(parent))
            {
                EnsureOwnerOnlyDirectory(parent!);
            }

            if (IsWindows)
            {
                Directory.CreateDirectory(full);
                WindowsAcl.RestrictDirectoryToOwner(full);
                return;
            }

            int errno = UnixNative.MkDir(full, OwnerAll);
            if (errno != 0 && !(errno == UnixNative.ErrnoExists && Directory.Exists(full)))
            {
                // An IOException, as Directory.CreateDirectory throws: callers wrap it in their own error (LedgerNotWritable, ...).
                throw new IOException($"Cannot create the folder '{full}' (errno {errno}). Check the parent folder's permissions, or choose another path.");
            }
        }

        /// <summary>
        /// Refuses a folder for private keys that another user could use to swap, plant or delete a key: one that
        /// others can write to (group- or world-writable), or one owned by another user (who could chmod it at any
        /// time; root's folders are fine). <paramref name="allowShared"/> (-Force) accepts that risk. Windows ACLs are
        /// not inspected here (folders the module creates there get an owner-only ACL).
        /// </summary>
        public static void RequirePrivateDirectory(string path, bool allowShared)
        {
            if (allowShared || IsWindows)
            {
                return;
            }

            string full = Path.GetFullPath(path);
            UnixNative.Status? st = UnixNative.LStat(UnixNative.RealPath(full) ?? full);
            if (st == null)
            {
                return; // missing: it will be created owner-only
            }

            UnixNative.Status s = st.Value;
            if (s.Uid != UnixNative.EffectiveUserId && s.Uid != 0)
            {
                throw new EsignetException("KeyDirectoryNotOwned", EsignetErrorKind.PermissionDenied,
                    $"Will not use private keys in '{full}': it belongs to another user (uid {s.Uid}), who can change its permissions and swap or plant a key at any time. Use a folder of your own (or let the module create a new one), or -Force to accept that the owner of the folder can replace your keys.")
                { TargetObject = full };
            }

            if ((s.Permissions & GroupOrOtherWrite) != 0)
            {
                throw new EsignetException("KeyDirectoryNotPrivate", EsignetErrorKind.PermissionDenied,
                    $"Will not use private keys in '{full}': other users can write to it (mode {Convert.ToString(s.Permissions, 8)}), so they could swap, plant or delete a key. Use a folder only you can write to (chmod go-w '{full}', or let the module create a new one), or -Force to accept that other users can replace your keys.")
                { TargetObject = full };
            }
        }

        /// <summary>
        /// Before an existing private key file is reused (and so registered): it must be the user's own, unshared,
        /// in a private folder. A regular file, not a symlink (its target could be anyone's); owned by the current
        /// user (a planted key is one its planter knows); no group or other permission bits (a key others could read
        /// is no longer private). Each failure has its own ErrorId and says how to fix it. Windows: symlinks only.
        /// </summary>
        public static void RequireOwnPrivateFile(string path, bool allowSharedFolder)
        {
            string full = Path.GetFullPath(path);
            RequirePrivateDirectory(Path.GetDirectoryName(full)!, allowSharedFolder);
            if (IsWindows)
            {
                if ((File.GetAttributes(full) & FileAttributes.ReparsePoint) != 0)
                {
                    throw KeyFileRefused("KeyFileIsLink", full, "it is a link, whose target could be another user's file. Replace it with the key file itself");
                }

                return;
            }

            UnixNative.Status? st = UnixNative.LStat(full);
            if (st == null)
            {
                throw new EsignetException("KeyFileNotReadable", EsignetErrorKind.ReadError, $"Cannot read '{full}'.") { TargetObject = full };
            }

            UnixNative.Status s = st.Value;
            if (s.Type == UnixNative.TypeLink)
            {
                throw KeyFileRefused("KeyFileIsLink", full, "it is a symbolic link, whose target could be another user's file. Replace the link with the key file itself");
            }

            if (s.Type != UnixNative.TypeRegular)
            {
                throw KeyFileRefused("KeyFileNotRegular", full, "it is not a regular file. Remove it");
            }

            if (s.Uid != UnixNative.EffectiveUserId)
            {
                throw KeyFileRefused("KeyFileNotOwned", full, $"it belongs to another user (uid {s.Uid}), who knows the key. Remove it (and register a new key), or take the key from a source you trust with Import-EsignetJwk");
            }

            if ((s.Permissions & GroupOrOtherAny) != 0)
            {
                throw KeyFileRefused("KeyFileNotPrivate", full, $"other users may read it (mode {Convert.ToString(s.Permissions, 8)}). If nobody else has read it, make it private with chmod 600 '{full}' and run again; otherwise treat the key as leaked, remove it and register a new one");
            }
        }

        private static EsignetException KeyFileRefused(string id, string path, string why) =>
            new EsignetException(id, EsignetErrorKind.PermissionDenied, $"Will not reuse the key in '{path}': {why}.") { TargetObject = path };

        /// <summary>
        /// Writes <paramref name="content"/> to <paramref name="path"/> owner-only and atomically. Without
        /// <paramref name="overwrite"/>, an existing file is an error and is left untouched.
        /// </summary>
        public static void WriteAllText(string path, string content, bool overwrite)
        {
            string full = Path.GetFullPath(path);
            string dir = Path.GetDirectoryName(full)!;
            string temp = Path.Combine(dir, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N").Substring(0, 12) + ".tmp");
            bool created = false;
            try
            {
                using (FileStream fs = CreateOwnerOnly(temp))
                {
                    created = true;
                    byte[] bytes = new UTF8Encoding(false).GetBytes(content);
                    fs.Write(bytes, 0, bytes.Length);
                    fs.Flush(true);
                }

                if (overwrite && File.Exists(full))
                {
                    File.Replace(temp, full, null);
                }
                else
                {
                    // File.Move never replaces an existing file, so a concurrent writer cannot be clobbered.
                    File.Move(temp, full);
                }
            }
            catch (IOException) when (!overwrite && File.Exists(full))
            {
                throw new EsignetException("KeyFileExists", EsignetErrorKind.ResourceExists,
                    $"'{full}' already exists. Use -Force to replace it, or choose another path.") { TargetObject = full };
            }
            catch (UnauthorizedAccessException e)
            {
                throw new EsignetException("KeyFileNotWritable", EsignetErrorKind.PermissionDenied,
                    $"Cannot write '{full}': permission denied.", e) { TargetObject = full };
            }
            finally
            {
                if (created && File.Exists(temp))
                {
                    try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
                }
            }
        }

        /// <summary>
        /// A new file that is owner-only from the call that creates it: open(O_CREAT|O_EXCL|O_NOFOLLOW, 0600) on
        /// Unix, an owner-only ACL given to CreateFile on Windows. Never opens an existing file or follows a link.
        /// </summary>
        public static FileStream CreateOwnerOnly(string path)
        {
            if (IsWindows)
            {
                return WindowsAcl.CreateOwnerOnly(path);
            }

            // The runtime's own create: open(O_CREAT|O_EXCL|O_CLOEXEC) with the mode in the same call, so the file is
            // 0600 (or stricter, by the umask) before its first byte. O_EXCL refuses any existing last component,
            // a symbolic link included, even a dangling one (POSIX open(2): "If O_CREAT and O_EXCL are set ...
            // symbolic links are not followed"), which is what O_NOFOLLOW added before. The ledger's opens, which
            // must open existing files without following links, keep the native O_NOFOLLOW (UnixNative): the
            // runtime has no option for it.
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                BufferSize = 1,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            };
            try
            {
                return new FileStream(path, options);
            }
            catch (IOException) when (File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget != null)
            {
                throw new IOException($"'{path}' already exists.");
            }
            catch (IOException e)
            {
                throw new UnauthorizedAccessException($"Cannot create '{path}': {e.Message}", e);
            }
        }

        /// <summary>The Unix permission bits of a file, symlinks not followed (for checks and tests); null on Windows or when missing.</summary>
        public static int? GetUnixMode(string path)
        {
            if (IsWindows)
            {
                return null;
            }

            UnixNative.Status? s = UnixNative.LStat(Path.GetFullPath(path));
            return s?.Permissions;
        }

        /// <summary>The current process's effective uid; null on Windows.</summary>
        public static uint? CurrentUnixUser => IsWindows ? (uint?)null : UnixNative.EffectiveUserId;
    }
}
