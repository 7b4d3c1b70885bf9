using System;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Esignet.Core.Files
{
    /// <summary>
    /// The few POSIX calls .NET's file API does not offer: open with the mode given in the same call, mkdir with a
    /// mode, lstat with the owner, flock, and O_APPEND. Most go through libSystem.Native, the runtime's own
    /// shim, whose flags and FileStatus are the same on every Unix (the first four FileStatus fields have not moved
    /// since .NET Core 2); O_APPEND is not among its flags, so the ledger's append open goes to libc on Linux, whose
    /// open flags are fixed per architecture.
    /// </summary>
    internal static class UnixNative
    {
        // libSystem.Native's flags (pal_io.h): the same numbers on every Unix the runtime supports.
        public const int ReadOnly = 0x0000;
        public const int ReadWrite = 0x0002;
        public const int CloseOnExec = 0x0010;
        public const int Create = 0x0020;
        public const int NoFollow = 0x0200;

        public const int LockExclusive = 2;
        public const int Unlock = 8;

        public const int TypeMask = 0xF000;
        public const int TypeRegular = 0x8000;
        public const int TypeLink = 0xA000;

        public const int ErrnoExists = 17; // EEXIST: 17 on Linux and macOS
        private const int ErrnoInterrupted = 4; // EINTR

        /// <summary>What lstat says about a path: its type and permission bits, owner.</summary>
        public struct Status
        {
            public int Mode;
            public uint Uid;

            public int Type => Mode & TypeMask;

            public int Permissions => Mode & 0xFFF;
        }

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Open", SetLastError = true)]
        private static extern IntPtr SysOpen(string path, int flags, int mode);

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_MkDir", SetLastError = true)]
        private static extern int SysMkDir(string path, int mode);

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", SetLastError = true)]
        private static extern int SysLStat(string path, byte[] status);

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_FLock", SetLastError = true)]
        private static extern int SysFLock(SafeHandle fd, int operation);

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Write", SetLastError = true)]
        private static extern int SysWrite(SafeHandle fd, ref byte buffer, int size);

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_PRead", SetLastError = true)]
        private static extern int SysPRead(SafeHandle fd, byte[] buffer, int size, long offset);

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_FSync", SetLastError = true)]
        private static extern int SysFSync(SafeHandle fd);

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_GetEUid")]
        private static extern uint SysGetEUid();

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_RealPath", SetLastError = true)]
        private static extern IntPtr SysRealPath(string path);

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_ReadLink", SetLastError = true)]
        private static extern int SysReadLink(string path, byte[] buffer, int size);

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Free")]
        private static extern void SysFree(IntPtr ptr);

        // libc open on Linux, for O_APPEND. Variadic, but on x64 and arm64 Linux a trailing int is passed as any other.
        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        private static extern int LibcOpen(string path, int flags, int mode);

        public static int LastErrno => Marshal.GetLastWin32Error();

        public static uint EffectiveUserId => SysGetEUid();

        /// <summary>open(2) with the mode applied in the same call (before the umask), or null with errno in <paramref name="errno"/>.</summary>
        public static SafeFileHandle? Open(string path, int flags, int mode, out int errno)
        {
            IntPtr fd = SysOpen(path, flags, mode);
            errno = fd == (IntPtr)(-1) ? LastErrno : 0;
            return errno == 0 ? new SafeFileHandle(fd, ownsHandle: true) : null;
        }

        /// <summary>
        /// Opens for appending: every write lands at the end of the file, whoever else writes to it (O_APPEND), and
        /// creates it owner-only when missing. Linux only (its flags are known); elsewhere null, and the caller
        /// seeks to the end under its lock instead.
        /// </summary>
        public static SafeFileHandle? OpenAppend(string path, out int errno)
        {
            errno = 0;
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
            {
                return null;
            }

            Architecture arch = RuntimeInformation.ProcessArchitecture;
            int noFollow;
            if (arch == Architecture.X64 || arch == Architecture.X86)
            {
                noFollow = 0x20000;
            }
            else if (arch == Architecture.Arm64 || arch == Architecture.Arm)
            {
                noFollow = 0x8000;
            }
            else
            {
                return null;
            }

            const int LinuxReadWrite = 0x2, LinuxCreate = 0x40, LinuxAppend = 0x400, LinuxCloseOnExec = 0x80000;
            int fd = LibcOpen(path, LinuxReadWrite | LinuxCreate | LinuxAppend | LinuxCloseOnExec | noFollow, 0x180);
            errno = fd < 0 ? LastErrno : 0;
            return fd < 0 ? null : new SafeFileHandle((IntPtr)fd, ownsHandle: true);
        }

        /// <summary>mkdir(2) with the mode in the same call; 0 or errno.</summary>
        public static int MkDir(string path, int mode) => SysMkDir(path, mode) == 0 ? 0 : LastErrno;

        /// <summary>lstat(2): the path itself, a symlink not followed; null when it does not exist or cannot be read.</summary>
        public static Status? LStat(string path)
        {
            var buffer = new byte[256]; // larger than any FileStatus the runtime has had
            return SysLStat(path, buffer) == 0 ? Parse(buffer) : (Status?)null;
        }

        /// <summary>flock(2), waiting while another process holds a conflicting lock.</summary>
        public static void FLock(SafeHandle fd, int operation)
        {
            while (SysFLock(fd, operation) != 0)
            {
                int errno = LastErrno;
                if (errno != ErrnoInterrupted)
                {
                    throw new System.IO.IOException($"flock failed (errno {errno}).");
                }
            }
        }

        /// <summary>Writes every byte with write(2) calls (one, for a line of a regular file).</summary>
        public static void WriteAll(SafeHandle fd, byte[] bytes)
        {
            int done = 0;
            while (done < bytes.Length)
            {
                int n = SysWrite(fd, ref bytes[done], bytes.Length - done);
                if (n < 0)
                {
                    int errno = LastErrno;
                    if (errno == ErrnoInterrupted) continue;
                    throw new System.IO.IOException($"write failed (errno {errno}).");
                }

                done += n;
            }
        }

        /// <summary>fsync(2): the file's data on the disk itself.</summary>
        public static void FSync(SafeHandle fd)
        {
            if (SysFSync(fd) != 0)
            {
                throw new System.IO.IOException($"fsync failed (errno {LastErrno}).");
            }
        }

        /// <summary>The byte at <paramref name="offset"/>, or -1 when it cannot be read.</summary>
        public static int ByteAt(SafeHandle fd, long offset)
        {
            var one = new byte[1];
            return SysPRead(fd, one, 1, offset) == 1 ? one[0] : -1;
        }

        /// <summary>realpath(3): the path with every symlink resolved, or null.</summary>
        public static string? RealPath(string path)
        {
            IntPtr p = SysRealPath(path);
            if (p == IntPtr.Zero)
            {
                return null;
            }

            try
            {
                return Marshal.PtrToStringAnsi(p); // UTF-8 on Unix
            }
            finally
            {
                SysFree(p);
            }
        }

        /// <summary>readlink(2): a symlink's own text (its target may not exist yet), or null.</summary>
        public static string? ReadLink(string path)
        {
            var buffer = new byte[4096];
            int n = SysReadLink(path, buffer, buffer.Length);
            return n < 0 || n >= buffer.Length ? null : System.Text.Encoding.UTF8.GetString(buffer, 0, n);
        }

        private static Status Parse(byte[] b) => new Status
        {
            // FileStatus: int32 Flags, int32 Mode, uint32 Uid, uint32 Gid, int64 Size, ...
            Mode = BitConverter.ToInt32(b, 4),
            Uid = BitConverter.ToUInt32(b, 8),
        };
    }
}
