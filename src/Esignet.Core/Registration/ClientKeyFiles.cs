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
        /// The encryption key that goes with a signing key's files: <c>&lt;base&gt;.enc.*</c> beside them, reused when they
        /// exist (then they must be the user's own and private, like the signing key's), else a new RSA key for
        /// RSA-OAEP-256, the alg eSignet's own Postman collection and api-test use for encPublicKey (esignet-api.md
        /// §3.4). A new key is not written here: the caller writes it before sending, so -WhatIf writes nothing.
        /// </summary>
        public static JwkKeyPair EncryptionKey(KeyFileSet signing, bool allowSharedFolder, out KeyFileSet files, out bool isNew)
        {
            files = new KeyFileSet(signing.BasePath + ".enc");
            isNew = !Present(files.PrivateKeyPemPath);
            if (isNew)
            {
                return KeyFactory.Generate(new KeySpec { Kind = KeyKind.RSA, Use = KeyUse.Enc, Algorithm = "RSA-OAEP-256" });
            }

            SecureFile.RequireOwnPrivateFile(files.PrivateKeyPemPath, allowSharedFolder);
            return KeyFactory.FromFile(files.PrivateKeyPemPath, requirePrivate: true, use: "enc", algorithm: "RSA-OAEP-256");
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
