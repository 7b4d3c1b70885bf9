using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using Esignet.Core.Errors;

namespace Esignet.Core.Files
{
    /// <summary>
    /// Writes files that hold secrets: owner-only from the first byte (0600 / 0700 on Unix, a protected
    /// owner-only ACL on Windows) and atomically (a temp file in the same folder, then a rename), so a crash
    /// never leaves a half-written key and no other user can ever read one.
    /// </summary>
    public static class SecureFile
    {
        private const int OwnerReadWrite = 0x180; // 0600
        private const int OwnerAll = 0x1C0;       // 0700

        private static readonly Lazy<MethodInfo?> SetUnixFileModeMethod = new Lazy<MethodInfo?>(() =>
        {
            // File.SetUnixFileMode exists from .NET 7 (PowerShell 7.3+). netstandard2.0 cannot name it.
            Type? mode = Type.GetType("System.IO.UnixFileMode, System.Runtime", throwOnError: false)
                ?? typeof(File).Assembly.GetType("System.IO.UnixFileMode");
            return mode == null ? null : typeof(File).GetMethod("SetUnixFileMode", new[] { typeof(string), mode });
        });

        private static bool IsWindows => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        /// <summary>Creates the folder (and parents) owner-only when it does not exist. An existing folder is left as it is.</summary>
        public static void EnsureOwnerOnlyDirectory(string path)
        {
            string full = Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                return;
            }

            Directory.CreateDirectory(full);
            RestrictToOwner(full, isDirectory: true);
        }

        /// <summary>
        /// Refuses a folder for private keys that other users can write to (group- or world-writable on Unix): they
        /// could swap a key file for their own, or delete one, between runs. Windows ACLs are not inspected here
        /// (folders the module creates there get an owner-only ACL).
        /// </summary>
        public static void RequirePrivateDirectory(string path, bool allowShared)
        {
            if (allowShared || IsWindows)
            {
                return;
            }

            string full = Path.GetFullPath(path);
            int? mode = GetUnixMode(full);
            const int GroupOrOtherWrite = 0x12; // 0022
            if (mode is int m && (m & GroupOrOtherWrite) != 0)
            {
                throw new EsignetException("KeyDirectoryNotPrivate", EsignetErrorKind.PermissionDenied,
                    $"Will not write private keys into '{full}': other users can write to it (mode {Convert.ToString(m & 0xFFF, 8)}). Use a folder only you can write to (chmod go-w, or let the module create a new one), or -Force to write there anyway.")
                { TargetObject = full };
            }
        }

        /// <summary>
        /// Writes <paramref name="content"/> to <paramref name="path"/> owner-only and atomically. Without
        /// <paramref name="overwrite"/>, an existing file is an error and is left untouched.
        /// </summary>
        public static void WriteAllText(string path, string content, bool overwrite)
        {
            string full = Path.GetFullPath(path);
            string dir = Path.GetDirectoryName(full)!;
            string temp = Path.Combine(dir, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N").Substring(0, 12) + ".tmp");
            try
            {
                using (var fs = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    // Restrict before the first byte of the secret is written.
                    RestrictToOwner(temp, isDirectory: false);
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
                if (File.Exists(temp))
                {
                    try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
                }
            }
        }

        /// <summary>Owner-only permissions on an existing file or folder.</summary>
        public static void RestrictToOwner(string path, bool isDirectory)
        {
            if (IsWindows)
            {
                WindowsAcl.RestrictToOwner(path, isDirectory);
                return;
            }

            int mode = isDirectory ? OwnerAll : OwnerReadWrite;
            MethodInfo? setMode = SetUnixFileModeMethod.Value;
            if (setMode != null)
            {
                Type modeType = setMode.GetParameters()[1].ParameterType;
                setMode.Invoke(null, new[] { path, Enum.ToObject(modeType, mode) });
                return;
            }

            if (NativeChmod(path, mode) != 0)
            {
                throw new EsignetException("PermissionsNotSet", EsignetErrorKind.WriteError,
                    $"Could not make '{path}' owner-only (chmod failed, errno {Marshal.GetLastWin32Error()}).") { TargetObject = path };
            }
        }

        /// <summary>The Unix permission bits of a file (for checks and tests); null on Windows.</summary>
        public static int? GetUnixMode(string path)
        {
            if (IsWindows)
            {
                return null;
            }

            MethodInfo? get = typeof(File).GetMethod("GetUnixFileMode", new[] { typeof(string) });
            return get == null ? (int?)null : Convert.ToInt32(get.Invoke(null, new object[] { path }));
        }

        [DllImport("libc", EntryPoint = "chmod", SetLastError = true)]
        private static extern int NativeChmod(string path, int mode);
    }
}
