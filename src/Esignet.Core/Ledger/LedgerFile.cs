using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using Esignet.Core.Files;
using Microsoft.Win32.SafeHandles;

namespace Esignet.Core.Ledger
{
    /// <summary>
    /// The ledger file opened for appending by several processes at once. Each line is one write(2) on a file
    /// opened with O_APPEND (Linux; elsewhere a seek to the end under the lock), made under an exclusive lock on
    /// the sidecar <c>&lt;ledger&gt;.lock</c>, so lines from different processes never interleave or overwrite
    /// each other. A line that follows a torn one (a crash mid-write, a truncated copy) starts with a newline, so
    /// only the torn line is lost. The lock lives in a sidecar (owner-only, opened by nothing else) because
    /// .NET's own readers take a shared flock on any file they open, and a `Get-Content -Wait` on the ledger would
    /// otherwise hold every writer.
    /// </summary>
    internal sealed class LedgerFile : IDisposable
    {
        private readonly SafeFileHandle? _fd;      // Unix: the ledger
        private readonly bool _appendMode;         // opened with O_APPEND
        private readonly FileStream? _stream;      // Windows, and Unix without O_APPEND: the ledger
        private readonly FileStream _lock;         // the sidecar lock file

        private LedgerFile(SafeFileHandle? fd, bool appendMode, FileStream? stream, FileStream lockFile)
        {
            _fd = fd;
            _appendMode = appendMode;
            _stream = stream;
            _lock = lockFile;
        }

        private static bool IsWindows => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        /// <summary>Opens (creating owner-only where missing) the ledger at <paramref name="path"/>, after <see cref="LedgerPathCheck"/>.</summary>
        public static LedgerFile Open(string path)
        {
            string real = LedgerPathCheck.Resolve(path);
            SecureFile.EnsureOwnerOnlyDirectory(Path.GetDirectoryName(real)!);
            FileStream lockFile = OpenLock(real + ".lock");
            try
            {
                if (IsWindows)
                {
                    var stream = new FileStream(real, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 1);
                    return new LedgerFile(null, false, stream, lockFile);
                }

                SafeFileHandle? fd = UnixNative.OpenAppend(real, out int errno);
                if (fd != null)
                {
                    return new LedgerFile(fd, true, null, lockFile);
                }

                if (errno == 0)
                {
                    fd = UnixNative.Open(real, UnixNative.ReadWrite | UnixNative.Create | UnixNative.NoFollow | UnixNative.CloseOnExec, 0x180, out errno);
                }

                if (fd == null)
                {
                    throw new IOException($"open failed (errno {errno})");
                }

                return new LedgerFile(fd, false, new FileStream(fd, FileAccess.ReadWrite, 1), lockFile);
            }
            catch
            {
                lockFile.Dispose();
                throw;
            }
        }

        /// <summary>Appends one line (ending in '\n') in one write, under the exclusive lock.</summary>
        public void AppendLine(byte[] line)
        {
            Lock();
            try
            {
                long size = Size();
                byte[] bytes = size > 0 && LastByte(size) != '\n' ? Prefixed(line) : line;
                if (_appendMode)
                {
                    UnixNative.WriteAll(_fd!, bytes);
                }
                else
                {
                    _stream!.Seek(0, SeekOrigin.End);
                    _stream.Write(bytes, 0, bytes.Length);
                    _stream.Flush(false);
                }
            }
            finally
            {
                Unlock();
            }
        }

        /// <summary>Everything written so far, through any handle, onto the disk itself.</summary>
        public void FlushToDisk()
        {
            if (_stream != null)
            {
                _stream.Flush(true);
            }
            else
            {
                UnixNative.FSync(_fd!);
            }
        }

        public void Dispose()
        {
            _stream?.Dispose();
            if (_stream == null)
            {
                _fd?.Dispose();
            }

            _lock.Dispose();
        }

        private static FileStream OpenLock(string path)
        {
            if (IsWindows)
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 1);
            }

            SafeFileHandle? fd = UnixNative.Open(path, UnixNative.ReadWrite | UnixNative.Create | UnixNative.NoFollow | UnixNative.CloseOnExec, 0x180, out int errno);
            if (fd == null)
            {
                throw new IOException($"cannot open its lock file '{path}' (errno {errno})");
            }

            return new FileStream(fd, FileAccess.ReadWrite, 1);
        }

        private void Lock()
        {
            if (!IsWindows)
            {
                UnixNative.FLock(_lock.SafeFileHandle, UnixNative.LockExclusive);
                return;
            }

            for (int wait = 1; ; wait = Math.Min(wait * 2, 50))
            {
                try
                {
                    _lock.Lock(0, 1);
                    return;
                }
                catch (IOException)
                {
                    Thread.Sleep(wait); // Windows byte-range locks do not wait; another process holds it
                }
            }
        }

        private void Unlock()
        {
            if (IsWindows)
            {
                _lock.Unlock(0, 1);
            }
            else
            {
                UnixNative.FLock(_lock.SafeFileHandle, UnixNative.Unlock);
            }
        }

        private long Size() => _fd != null ? RandomAccess.GetLength(_fd) : _stream!.Length;

        private int LastByte(long size)
        {
            if (_fd != null)
            {
                return UnixNative.ByteAt(_fd, size - 1);
            }

            _stream!.Seek(size - 1, SeekOrigin.Begin);
            return _stream.ReadByte();
        }

        private static byte[] Prefixed(byte[] line)
        {
            var bytes = new byte[line.Length + 1];
            bytes[0] = (byte)'\n';
            Buffer.BlockCopy(line, 0, bytes, 1, line.Length);
            return bytes;
        }
    }
}
