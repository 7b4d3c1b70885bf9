using System;
using System.Collections.Generic;
using System.Linq;
using Esignet.Core.Errors;

namespace Esignet.Core.Keys
{
    /// <summary>Which JOSE <c>alg</c> values fit a key type and use (RFC 7518), and the default for each.</summary>
    public static class JwkAlgorithms
    {
        // Each list starts with its default.
        private static readonly string[] RsaSig = { "RS256", "RS384", "RS512", "PS256", "PS384", "PS512" };
        private static readonly string[] RsaEnc = { "RSA-OAEP-256", "RSA-OAEP", "RSA-OAEP-384", "RSA-OAEP-512" };
        private static readonly string[] EcEnc = { "ECDH-ES", "ECDH-ES+A128KW", "ECDH-ES+A192KW", "ECDH-ES+A256KW" };

        /// <summary>The default, first of <see cref="Allowed"/>: RS256 / RSA-OAEP-256 for RSA, ES256/384/512 by curve / ECDH-ES for EC.</summary>
        public static string Default(KeyKind kind, KeyUse use, EcCurve? curve) => Allowed(kind, use, curve)[0];

        public static IReadOnlyList<string> Allowed(KeyKind kind, KeyUse use, EcCurve? curve)
        {
            if (kind == KeyKind.RSA)
            {
                return use == KeyUse.Sig ? RsaSig : RsaEnc;
            }

            return use == KeyUse.Sig ? new[] { (curve ?? EcCurve.P256).SigningAlgorithm } : EcEnc;
        }

        /// <summary>All algorithm names the module knows, for completion.</summary>
        public static IEnumerable<string> All => RsaSig.Concat(RsaEnc).Concat(new[] { "ES256", "ES384", "ES512" }).Concat(EcEnc);

        /// <summary>Returns the canonical spelling of <paramref name="algorithm"/> or throws when it does not fit the key.</summary>
        public static string Validate(string algorithm, KeyKind kind, KeyUse use, EcCurve? curve)
        {
            IReadOnlyList<string> allowed = Allowed(kind, use, curve);
            string? match = allowed.FirstOrDefault(a => string.Equals(a, algorithm?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (match == null)
            {
                string what = kind == KeyKind.EC ? $"an EC {curve} key" : "an RSA key";
                throw new EsignetException(
                    "AlgorithmKeyMismatch",
                    EsignetErrorKind.InvalidArgument,
                    $"The algorithm '{algorithm}' does not fit {what} with use '{use.ToString().ToLowerInvariant()}'. Use one of: {string.Join(", ", allowed)}.");
            }

            return match;
        }
    }
}
