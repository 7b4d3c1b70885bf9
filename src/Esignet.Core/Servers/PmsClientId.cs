using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Esignet.Core.Errors;
using Esignet.Core.Keys;
using Esignet.Core.Versions;

namespace Esignet.Core.Servers
{
    /// <summary>
    /// The Client ID PMS derives from a public key (pms-api.md §5.2): base64url(SHA-256(X)) without padding, where
    /// X is, on 1.2.2+, the standard Base64 of the SubjectPublicKeyInfo DER, and on 1.2.0/1.2.1, jose4j's JSON of
    /// the public JWK (member order kty, kid, use, alg, n, e). Lets the module know the id before PMS answers,
    /// so a lost response is recognised rather than duplicated.
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

                x = Jose4jPublicJson(key);
            }

            using (SHA256 sha = SHA256.Create())
            {
                return Base64Url.Encode(sha.ComputeHash(Encoding.ASCII.GetBytes(x)));
            }
        }

        private static string Jose4jPublicJson(JwkKeyPair key)
        {
            using (JsonDocument doc = JsonDocument.Parse(key.PublicJwk))
            {
                JsonElement jwk = doc.RootElement;
                return JsonBody.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("kty", "RSA");
                    foreach (string member in new[] { "kid", "use", "alg" })
                    {
                        string? v = JsonBody.String(jwk, member);
                        if (v != null)
                        {
                            w.WriteString(member, v);
                        }
                    }

                    w.WriteString("n", JsonBody.String(jwk, "n"));
                    w.WriteString("e", JsonBody.String(jwk, "e"));
                    w.WriteEndObject();
                });
            }
        }
    }
}
