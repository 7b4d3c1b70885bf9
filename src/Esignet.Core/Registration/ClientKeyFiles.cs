using System;
using System.IO;
using Esignet.Core.Errors;
using Esignet.Core.Files;
using Esignet.Core.Keys;
using Esignet.Core.Ledger;

namespace Esignet.Core.Registration
{
    /// <summary>
    /// Which key files belong to a client of -GenerateKey: <c>&lt;KeyDirectory&gt;/&lt;KeyFileName&gt;</c>, or the file an
    /// earlier build named without the hash. An existing file is reused only when it is the user's own and private
    /// (<see cref="SecureFile.RequireOwnPrivateFile"/>) and the ledger does not record it for another client: a key
    /// shared by two clients, or one somebody else planted, is never registered.
    /// </summary>
    internal static class ClientKeyFiles
    {
        /// <summary>
        /// The encryption key files that go with a signing key's: <c>&lt;base&gt;.enc.private.pem</c> and so on, beside
        /// them; whether they exist (then they must be the user's own and private, like the signing key's).
        /// </summary>
        public static KeyFileSet EncryptionFiles(KeyFileSet signing, bool allowSharedFolder, out bool exists)
        {
            var files = new KeyFileSet(signing.BasePath + ".enc");
            exists = Present(files.PrivateKeyPemPath);
            if (exists)
            {
                SecureFile.RequireOwnPrivateFile(files.PrivateKeyPemPath, allowSharedFolder);
            }

            return files;
        }

        /// <summary>The key files for <paramref name="name"/> (eSignet: the Client ID; PMS: the client name), and whether they exist.</summary>
        public static KeyFileSet Locate(string directory, string name, bool allowSharedFolder, RegistrationLedger ledger, bool byClientName, out bool exists)
        {
            var files = new KeyFileSet(Path.Combine(directory, KeyFileName.For(name)));
            if (!Present(files.PrivateKeyPemPath))
            {
                var legacy = new KeyFileSet(Path.Combine(directory, KeyFileName.Legacy(name)));
                if (legacy.BasePath != files.BasePath && Present(legacy.PrivateKeyPemPath))
                {
                    files = legacy;
                }
            }

            exists = Present(files.PrivateKeyPemPath);
            if (!exists)
            {
                return files;
            }

            SecureFile.RequireOwnPrivateFile(files.PrivateKeyPemPath, allowSharedFolder);
            foreach (LedgerEntry e in ledger.WithKeyFile(files.PrivateKeyPemPath))
            {
                string? owner = byClientName ? e.Definition?.ClientName : e.ClientId;
                if (owner != null && !string.Equals(owner, name, StringComparison.Ordinal))
                {
                    throw new EsignetException("KeyFileOfAnotherClient", EsignetErrorKind.ResourceExists,
                        $"Will not reuse '{files.PrivateKeyPemPath}' for '{name}': the ledger records it as the key of '{owner}' on {e.Server}. Two clients must not share a key: give this client its own -KeyDirectory, or move the file aside if it is not '{owner}''s.")
                    { TargetObject = files.PrivateKeyPemPath };
                }
            }

            return files;
        }

        /// <summary>Anything under that name, a dangling symlink included (lstat), so a planted link is refused, not bypassed.</summary>
        private static bool Present(string path) => SecureFile.GetUnixMode(path) != null || File.Exists(path);
    }
}
