using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using Esignet.Core.Errors;
using Esignet.Core.Keys;
using Esignet.Core.Versions;
using Microsoft.IdentityModel.Tokens;

namespace Esignet.Core.Servers
{
    /// <summary>
    /// The Client ID PMS derives from a public key (pms-api.md §5.2): base64url(SHA-256(X)) without padding
    /// (<c>CryptoUtil.encodeToURLSafeBase64(HMACUtils2.generateHash(X.getBytes()))</c>,
    /// ClientManagementServiceImpl.java@v1.2.0.1 and @v1.2.2.2). X is, on 1.2.2+, the standard Base64 of the
    /// SubjectPublicKeyInfo DER, and on 1.2.0/1.2.1, jose4j's JSON of the public JWK (<see cref="Jose4jJson"/>).
    /// <c>getBytes()</c> uses the JVM's default charset, UTF-8 in MOSIP's openjdk:11 images (LANG C.UTF-8), so the
    /// hash is over UTF-8: it matters only for a kid or other member with non-ASCII text.
    /// This is a prediction: what PMS answers is the Client ID (design decision 8). Custom on purpose: no library
    /// reproduces a server's own derivation; the DER is the runtime's and the base64url is Microsoft.IdentityModel's.
    /// </summary>
    public static class PmsClientId
    {
        public static string Compute(JwkKeyPair key, PmsVersion version)
        {
            string x;
            if (version.IsV122OrLater)
            {
                x = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());
            }
            else
            {
                if (key.KeyType != "RSA")
                {
                    throw new EsignetException("UnsupportedKeyType", EsignetErrorKind.InvalidArgument,
                        "PMS 1.2.0/1.2.1 reads keys with jose4j's RsaJsonWebKey and accepts RSA keys only.");
                }

                x = Jose4jJson.PublicRsaJwk(key.PublicJwk);
            }

            using (SHA256 sha = SHA256.Create())
            {
                return Base64UrlEncoder.Encode(sha.ComputeHash(Encoding.UTF8.GetBytes(x)));
            }
        }

        /// <summary>
        /// The Client ID each PMS line would give this key, the connection's line first: where the module reads a
        /// client back after a lost answer, the server may be on another line than the one configured. Lines whose
        /// derivation cannot apply to the key (an EC key on 1.2.0) are left out.
        /// </summary>
        public static IReadOnlyList<string> Candidates(JwkKeyPair key, PmsVersion first)
        {
            var ids = new List<string>();
            foreach (PmsVersion line in new[] { first, PmsVersion.V120, PmsVersion.V122 })
            {
                if (!line.IsV122OrLater && key.KeyType != "RSA") continue;
                string id = Compute(key, line);
                if (!ids.Contains(id)) ids.Add(id);
            }

            return ids;
        }
    }
}
