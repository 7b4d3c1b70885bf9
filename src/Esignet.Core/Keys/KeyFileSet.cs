using System.IO;
using System.Linq;

namespace Esignet.Core.Keys
{
    /// <summary>
    /// The three files of a key pair from one base path: <c>&lt;base&gt;.private.pem</c> (PKCS#8, for OpenG2P's
    /// Odoo), <c>&lt;base&gt;.private.jwk.json</c> (for MOSIP's mock relying party) and <c>&lt;base&gt;.public.jwk.json</c>.
    /// </summary>
    public sealed class KeyFileSet
    {
        public KeyFileSet(string basePath)
        {
            BasePath = Path.GetFullPath(basePath);
            PrivateKeyPemPath = BasePath + ".private.pem";
            PrivateJwkPath = BasePath + ".private.jwk.json";
            PublicJwkPath = BasePath + ".public.jwk.json";
        }

        public string BasePath { get; }

        public string PrivateKeyPemPath { get; }

        public string PrivateJwkPath { get; }

        public string PublicJwkPath { get; }

        public string[] All => new[] { PrivateKeyPemPath, PrivateJwkPath, PublicJwkPath };

        /// <summary>The first of the three files that already exists, or null.</summary>
        public string? FirstExisting() => All.FirstOrDefault(File.Exists);
    }
}
