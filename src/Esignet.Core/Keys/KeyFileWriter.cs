using System.IO;
using Esignet.Core.Errors;
using Esignet.Core.Files;

namespace Esignet.Core.Keys
{
    /// <summary>Writes a key pair's three files (see <see cref="KeyFileSet"/>): private ones owner-only, all atomically.</summary>
    public static class KeyFileWriter
    {
        /// <summary>
        /// Writes the files and records their paths on <paramref name="pair"/>. Refuses, before writing anything,
        /// when any of them exists and <paramref name="force"/> is not set, or when other users can write to the
        /// folder and <paramref name="allowSharedFolder"/> is not set.
        /// </summary>
        /// <remarks>
        /// <c>whenExists</c> is what to tell the user about an existing file, for callers whose -Force means something
        /// else; by default "Use -Force to replace the key files".
        /// </remarks>
        public static void Write(JwkKeyPair pair, KeyFileSet files, bool force, bool allowSharedFolder, string? whenExists = null)
        {
            string? existing = force ? null : files.FirstExisting();
            if (existing != null)
            {
                throw Exists(existing, whenExists);
            }

            try
            {
                WriteFiles(pair, files, force, allowSharedFolder);
            }
            catch (EsignetException e) when (e.ErrorId == "KeyFileExists" && whenExists != null)
            {
                // Another process wrote the same name in the meantime: the same advice applies.
                throw Exists(e.TargetObject as string ?? files.PrivateKeyPemPath, whenExists);
            }
        }

        private static EsignetException Exists(string existing, string? whenExists)
        {
            return new EsignetException("KeyFileExists", EsignetErrorKind.ResourceExists,
                $"'{existing}' already exists. " + (whenExists ?? "Use -Force to replace the key files, or choose another path.")) { TargetObject = existing };
        }

        private static void WriteFiles(JwkKeyPair pair, KeyFileSet files, bool force, bool allowSharedFolder)
        {

            string? dir = Path.GetDirectoryName(files.BasePath);
            if (!string.IsNullOrEmpty(dir))
            {
                SecureFile.EnsureOwnerOnlyDirectory(dir!);
                SecureFile.RequirePrivateDirectory(dir!, allowSharedFolder);
            }

            // Private files first: a key whose public half exists without its private half is useless.
            SecureFile.WriteAllText(files.PrivateKeyPemPath, pair.RevealPrivateKeyPem(), force);
            SecureFile.WriteAllText(files.PrivateJwkPath, pair.RevealPrivateJwk() + "\n", force);

            // The public JWK is not secret, but owner-only does no harm and keeps the folder uniform.
            SecureFile.WriteAllText(files.PublicJwkPath, pair.PublicJwk + "\n", force);

            pair.PrivateKeyPemPath = files.PrivateKeyPemPath;
            pair.PrivateJwkPath = files.PrivateJwkPath;
            pair.PublicJwkPath = files.PublicJwkPath;
        }
    }
}
