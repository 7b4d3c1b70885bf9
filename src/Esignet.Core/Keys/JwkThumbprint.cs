using System.Security.Cryptography;
using System.Text;

namespace Esignet.Core.Keys
{
    /// <summary>
    /// The RFC 7638 JWK thumbprint: SHA-256 over the required public members in lexicographic order, no
    /// whitespace, base64url. Used as the default <c>kid</c> and to recognise a key whatever its kid/use/alg.
    /// </summary>
    internal static class JwkThumbprint
    {
        public static string Compute(KeyMaterial key)
        {
            // Members are base64url strings and fixed names: no JSON escaping can occur, so plain concatenation
            // produces exactly the canonical form RFC 7638 §3 requires.
            string canonical = key.Kind == KeyKind.RSA
                ? "{\"e\":\"" + Base64Url.Encode(key.Rsa.Exponent!) + "\",\"kty\":\"RSA\",\"n\":\"" + Base64Url.Encode(key.Rsa.Modulus!) + "\"}"
                : "{\"crv\":\"" + key.Curve!.JwkName + "\",\"kty\":\"EC\",\"x\":\"" + Base64Url.Encode(KeyMaterial.Pad(key.Ec.Q.X!, key.Curve.FieldBytes))
                  + "\",\"y\":\"" + Base64Url.Encode(KeyMaterial.Pad(key.Ec.Q.Y!, key.Curve.FieldBytes)) + "\"}";
            using (SHA256 sha = SHA256.Create())
            {
                return Base64Url.Encode(sha.ComputeHash(Encoding.UTF8.GetBytes(canonical)));
            }
        }
    }
}
