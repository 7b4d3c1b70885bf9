using System;
using System.Numerics;
using System.Security.Cryptography;
using Esignet.Core.Errors;

namespace Esignet.Core.Keys
{
    /// <summary>
    /// The raw numbers of one key, public and (when known) private. Held as parameters rather than a live
    /// RSA/ECDsa object so it can be shared across threads and serialised in any format; signing makes a
    /// short-lived algorithm object. Internal: nothing outside Core can read the private numbers.
    /// </summary>
    internal sealed class KeyMaterial
    {
        private KeyMaterial(KeyKind kind, RSAParameters rsa, ECParameters ec, EcCurve? curve, bool hasPrivate)
        {
            Kind = kind;
            Rsa = rsa;
            Ec = ec;
            Curve = curve;
            HasPrivate = hasPrivate;
        }

        public KeyKind Kind { get; }

        public RSAParameters Rsa { get; }

        public ECParameters Ec { get; }

        public EcCurve? Curve { get; }

        public bool HasPrivate { get; }

        /// <summary>Modulus bits for RSA; curve bits for EC.</summary>
        public int KeySize => Kind == KeyKind.RSA ? BitLength(Rsa.Modulus!) : Curve!.Bits;

        public static KeyMaterial FromRsa(RSAParameters p)
        {
            if (p.Modulus == null || p.Exponent == null || p.Modulus.Length == 0 || p.Exponent.Length == 0)
            {
                throw new EsignetException("InvalidRsaKey", EsignetErrorKind.InvalidData, "The RSA key has no modulus or exponent.");
            }

            var n = TrimLeadingZeros(p.Modulus);
            bool hasPrivate = p.D != null && p.D.Length > 0;
            var clean = new RSAParameters { Modulus = n, Exponent = TrimLeadingZeros(p.Exponent) };
            if (hasPrivate)
            {
                if (p.P == null || p.Q == null || p.DP == null || p.DQ == null || p.InverseQ == null)
                {
                    // Keys without CRT members are rare; the platform APIs all need them.
                    throw new EsignetException("InvalidRsaKey", EsignetErrorKind.InvalidData,
                        "The RSA private key lacks its CRT members (p, q, dp, dq, qi). Export it again with all members.");
                }

                int half = (n.Length + 1) / 2;
                clean.D = Pad(p.D!, n.Length);
                clean.P = Pad(p.P, half);
                clean.Q = Pad(p.Q, half);
                clean.DP = Pad(p.DP, half);
                clean.DQ = Pad(p.DQ, half);
                clean.InverseQ = Pad(p.InverseQ, half);
            }

            return new KeyMaterial(KeyKind.RSA, clean, default, null, hasPrivate);
        }

        public static KeyMaterial FromEc(EcCurve curve, byte[] x, byte[] y, byte[]? d)
        {
            int size = curve.FieldBytes;
            if (x == null || y == null || TrimLeadingZeros(x).Length > size || TrimLeadingZeros(y).Length > size)
            {
                throw new EsignetException("InvalidEcKey", EsignetErrorKind.InvalidData,
                    $"The EC point does not fit curve {curve.JwkName}.");
            }

            var ec = new ECParameters
            {
                Curve = curve.ToECCurve(),
                Q = new ECPoint { X = Pad(x, size), Y = Pad(y, size) },
                D = d == null || d.Length == 0 ? null : Pad(d, size),
            };
            return new KeyMaterial(KeyKind.EC, default, ec, curve, ec.D != null);
        }

        public static KeyMaterial Generate(KeySpec spec)
        {
            if (spec.Kind == KeyKind.RSA)
            {
                using (RSA rsa = RSA.Create())
                {
                    rsa.KeySize = spec.RsaSize ?? KeySpec.DefaultRsaSize;
                    return FromRsa(rsa.ExportParameters(true));
                }
            }

            EcCurve curve = spec.Curve ?? EcCurve.P256;
            using (ECDsa ec = ECDsa.Create(curve.ToECCurve()))
            {
                ECParameters p = ec.ExportParameters(true);
                return FromEc(curve, p.Q.X!, p.Q.Y!, p.D);
            }
        }

        /// <summary>The same key without its private members.</summary>
        public KeyMaterial PublicOnly()
        {
            if (Kind == KeyKind.RSA)
            {
                return new KeyMaterial(KeyKind.RSA, new RSAParameters { Modulus = Rsa.Modulus, Exponent = Rsa.Exponent }, default, null, false);
            }

            var ec = new ECParameters { Curve = Ec.Curve, Q = Ec.Q };
            return new KeyMaterial(KeyKind.EC, default, ec, Curve, false);
        }

        public RSA CreateRsa()
        {
            RSA rsa = RSA.Create();
            rsa.ImportParameters(Rsa);
            return rsa;
        }

        public ECDsa CreateEcdsa()
        {
            return ECDsa.Create(Ec);
        }

        /// <summary>An RSA or ECDsa object for the runtime's encoders that both share.</summary>
        public AsymmetricAlgorithm CreateAlgorithm() => Kind == KeyKind.RSA ? CreateRsa() : CreateEcdsa();

        /// <summary>True when both describe the same public key.</summary>
        public bool SamePublicKey(KeyMaterial other)
        {
            if (Kind != other.Kind)
            {
                return false;
            }

            return Kind == KeyKind.RSA
                ? Equal(Rsa.Modulus, other.Rsa.Modulus) && Equal(Rsa.Exponent, other.Rsa.Exponent)
                : Curve == other.Curve && Equal(Ec.Q.X, other.Ec.Q.X) && Equal(Ec.Q.Y, other.Ec.Q.Y);
        }

        internal static byte[] TrimLeadingZeros(byte[] value)
        {
            int i = 0;
            while (i < value.Length - 1 && value[i] == 0)
            {
                i++;
            }

            return i == 0 ? value : value[i..];
        }

        internal static byte[] Pad(byte[] value, int length)
        {
            byte[] v = TrimLeadingZeros(value);
            if (v.Length >= length)
            {
                return v;
            }

            var result = new byte[length];
            Buffer.BlockCopy(v, 0, result, length - v.Length, v.Length);
            return result;
        }

        private static int BitLength(byte[] value) => (int)new BigInteger(value, isUnsigned: true, isBigEndian: true).GetBitLength();

        private static bool Equal(byte[]? a, byte[]? b)
        {
            if (a == null || b == null)
            {
                return a == b;
            }

            return TrimLeadingZeros(a).AsSpan().SequenceEqual(TrimLeadingZeros(b));
        }
    }
}
