using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using Esignet.Core.Errors;

namespace Esignet.Core.Keys
{
    /// <summary>The NIST curves JOSE names (RFC 7518 §6.2.1.1), with what each encoding needs to know about them.</summary>
    public sealed class EcCurve
    {
        private EcCurve(string jwkName, string oid, int bits, string signingAlgorithm)
        {
            JwkName = jwkName;
            Oid = oid;
            Bits = bits;
            SigningAlgorithm = signingAlgorithm;
        }

        public static readonly EcCurve P256 = new EcCurve("P-256", "1.2.840.10045.3.1.7", 256, "ES256");
        public static readonly EcCurve P384 = new EcCurve("P-384", "1.3.132.0.34", 384, "ES384");
        public static readonly EcCurve P521 = new EcCurve("P-521", "1.3.132.0.35", 521, "ES512");

        public static IReadOnlyList<EcCurve> All { get; } = new[] { P256, P384, P521 };

        /// <summary>The JWK <c>crv</c> value.</summary>
        public string JwkName { get; }

        /// <summary>The named-curve OID used in SPKI, PKCS#8 and SEC1.</summary>
        public string Oid { get; }

        public int Bits { get; }

        /// <summary>Bytes of one coordinate or of the private scalar (RFC 7518 §6.2.1.2).</summary>
        public int FieldBytes => (Bits + 7) / 8;

        /// <summary>The JWS algorithm that belongs to this curve.</summary>
        public string SigningAlgorithm { get; }

        /// <summary>The named curve for the platform's ECDsa (the friendly names work on every OS).</summary>
        public ECCurve ToECCurve()
        {
            return Bits == 256 ? ECCurve.NamedCurves.nistP256 : Bits == 384 ? ECCurve.NamedCurves.nistP384 : ECCurve.NamedCurves.nistP521;
        }

        public static EcCurve? FromJwkName(string? name) => All.FirstOrDefault(curve => string.Equals(curve.JwkName, name, StringComparison.OrdinalIgnoreCase));

        public static EcCurve? FromOid(string? oid) => All.FirstOrDefault(curve => curve.Oid == oid);

        /// <summary>A curve by the name a platform gives it (nistP256, ECDSA_P256, secp256r1, prime256v1); null if none.</summary>
        public static EcCurve? FromPlatformName(string? name)
        {
            string n = (name ?? string.Empty).Trim().ToLowerInvariant().Replace("-", string.Empty).Replace("ecdsa_", string.Empty);
            switch (n)
            {
                case "p256": case "nistp256": case "secp256r1": case "prime256v1": return P256;
                case "p384": case "nistp384": case "secp384r1": return P384;
                case "p521": case "nistp521": case "secp521r1": return P521;
            }

            return null;
        }

        /// <summary>Parses a curve name as users type it: P-256, P256, nistp256, secp256r1, prime256v1.</summary>
        public static EcCurve Parse(string name)
        {
            EcCurve? curve = FromPlatformName(name);
            if (curve != null)
            {
                return curve;
            }

            throw new EsignetException(
                "UnsupportedCurve",
                EsignetErrorKind.InvalidArgument,
                $"The curve '{name}' is not supported. Use P-256, P-384 or P-521.");
        }

        public override string ToString() => JwkName;
    }
}
