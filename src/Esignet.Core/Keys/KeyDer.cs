using System;
using System.Formats.Asn1;
using Esignet.Core.Errors;

namespace Esignet.Core.Keys
{
    /// <summary>
    /// DER encodings of keys: PKCS#8 (RFC 5208), PKCS#1 (RFC 8017 A.1), SEC1 (RFC 5915) and
    /// SubjectPublicKeyInfo (RFC 5280). netstandard2.0 has no API for these, so they are written here.
    /// </summary>
    internal static class KeyDer
    {
        private const string RsaEncryption = "1.2.840.113549.1.1.1";
        private const string IdEcPublicKey = "1.2.840.10045.2.1";

        public static byte[] ExportPkcs8(KeyMaterial key)
        {
            RequirePrivate(key);
            var w = new AsnWriter(AsnEncodingRules.DER);
            using (w.PushSequence())
            {
                w.WriteInteger(0);
                WriteAlgorithmIdentifier(w, key);
                w.WriteOctetString(key.Kind == KeyKind.RSA ? ExportPkcs1Private(key) : ExportSec1(key, includeCurve: false));
            }

            return w.Encode();
        }

        public static byte[] ExportSpki(KeyMaterial key)
        {
            var w = new AsnWriter(AsnEncodingRules.DER);
            using (w.PushSequence())
            {
                WriteAlgorithmIdentifier(w, key);
                w.WriteBitString(key.Kind == KeyKind.RSA ? ExportPkcs1Public(key) : EcPoint(key));
            }

            return w.Encode();
        }

        public static byte[] ExportPkcs1Private(KeyMaterial key)
        {
            var p = key.Rsa;
            var w = new AsnWriter(AsnEncodingRules.DER);
            using (w.PushSequence())
            {
                w.WriteInteger(0);
                WriteUnsigned(w, p.Modulus!);
                WriteUnsigned(w, p.Exponent!);
                WriteUnsigned(w, p.D!);
                WriteUnsigned(w, p.P!);
                WriteUnsigned(w, p.Q!);
                WriteUnsigned(w, p.DP!);
                WriteUnsigned(w, p.DQ!);
                WriteUnsigned(w, p.InverseQ!);
            }

            return w.Encode();
        }

        public static KeyMaterial Import(string label, byte[] der)
        {
            try
            {
                switch (label)
                {
                    case "PRIVATE KEY": return ImportPkcs8(der);
                    case "RSA PRIVATE KEY": return ImportPkcs1Private(der);
                    case "EC PRIVATE KEY": return ImportSec1(der, null);
                    case "PUBLIC KEY": return ImportSpki(der);
                    case "RSA PUBLIC KEY": return ImportPkcs1Public(der);
                }
            }
            catch (AsnContentException e)
            {
                throw Malformed(label, e);
            }
            catch (System.Security.Cryptography.CryptographicException e)
            {
                throw Malformed(label, e);
            }

            if (label.StartsWith("ENCRYPTED", StringComparison.Ordinal))
            {
                throw new EsignetException("EncryptedKeyNotSupported", EsignetErrorKind.InvalidData,
                    "The key is encrypted with a passphrase. Decrypt it first, e.g. 'openssl pkey -in key.pem -out plain.pem', and keep the plain file owner-only.");
            }

            throw new EsignetException("UnsupportedPemLabel", EsignetErrorKind.InvalidData,
                $"A PEM block '{label}' is not a key the module reads. Use PRIVATE KEY (PKCS#8), RSA PRIVATE KEY (PKCS#1), EC PRIVATE KEY or PUBLIC KEY.");
        }

        private static KeyMaterial ImportPkcs8(byte[] der)
        {
            var r = new AsnReader(der, AsnEncodingRules.BER);
            AsnReader seq = r.ReadSequence();
            seq.ReadInteger();
            ReadAlgorithmIdentifier(seq, out string oid, out string? curveOid);
            byte[] inner = seq.ReadOctetString();
            if (oid == RsaEncryption)
            {
                return ImportPkcs1Private(inner);
            }

            if (oid == IdEcPublicKey)
            {
                return ImportSec1(inner, curveOid);
            }

            throw UnsupportedAlgorithm(oid);
        }

        private static KeyMaterial ImportSpki(byte[] der)
        {
            var r = new AsnReader(der, AsnEncodingRules.BER);
            AsnReader seq = r.ReadSequence();
            ReadAlgorithmIdentifier(seq, out string oid, out string? curveOid);
            byte[] bits = seq.ReadBitString(out _);
            if (oid == RsaEncryption)
            {
                return ImportPkcs1Public(bits);
            }

            if (oid == IdEcPublicKey)
            {
                EcCurve curve = CurveFor(curveOid);
                SplitPoint(curve, bits, out byte[] x, out byte[] y);
                return KeyMaterial.FromEc(curve, x, y, null);
            }

            throw UnsupportedAlgorithm(oid);
        }

        private static KeyMaterial ImportPkcs1Private(byte[] der)
        {
            var r = new AsnReader(der, AsnEncodingRules.BER);
            AsnReader seq = r.ReadSequence();
            seq.ReadInteger();
            var p = new System.Security.Cryptography.RSAParameters
            {
                Modulus = ReadUnsigned(seq),
                Exponent = ReadUnsigned(seq),
                D = ReadUnsigned(seq),
                P = ReadUnsigned(seq),
                Q = ReadUnsigned(seq),
                DP = ReadUnsigned(seq),
                DQ = ReadUnsigned(seq),
                InverseQ = ReadUnsigned(seq),
            };
            return KeyMaterial.FromRsa(p);
        }

        private static KeyMaterial ImportPkcs1Public(byte[] der)
        {
            var r = new AsnReader(der, AsnEncodingRules.BER);
            AsnReader seq = r.ReadSequence();
            return KeyMaterial.FromRsa(new System.Security.Cryptography.RSAParameters { Modulus = ReadUnsigned(seq), Exponent = ReadUnsigned(seq) });
        }

        private static KeyMaterial ImportSec1(byte[] der, string? curveOidFromAlgorithm)
        {
            var r = new AsnReader(der, AsnEncodingRules.BER);
            AsnReader seq = r.ReadSequence();
            seq.ReadInteger();
            byte[] d = seq.ReadOctetString();
            string? curveOid = curveOidFromAlgorithm;
            byte[]? point = null;
            while (seq.HasData)
            {
                Asn1Tag tag = seq.PeekTag();
                if (tag.HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
                {
                    AsnReader parameters = seq.ReadSequence(tag);
                    curveOid = parameters.ReadObjectIdentifier();
                }
                else if (tag.HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 1)))
                {
                    AsnReader pub = seq.ReadSequence(tag);
                    point = pub.ReadBitString(out _);
                }
                else
                {
                    seq.ReadEncodedValue();
                }
            }

            EcCurve curve = CurveFor(curveOid);
            if (point == null)
            {
                // The public point is optional in SEC1; derive it by letting the platform import the scalar.
                using (var ec = System.Security.Cryptography.ECDsa.Create(new System.Security.Cryptography.ECParameters
                {
                    Curve = curve.ToECCurve(),
                    D = KeyMaterial.Pad(d, curve.FieldBytes),
                }))
                {
                    var full = ec.ExportParameters(true);
                    return KeyMaterial.FromEc(curve, full.Q.X!, full.Q.Y!, d);
                }
            }

            SplitPoint(curve, point, out byte[] x, out byte[] y);
            return KeyMaterial.FromEc(curve, x, y, d);
        }

        private static byte[] ExportPkcs1Public(KeyMaterial key)
        {
            var w = new AsnWriter(AsnEncodingRules.DER);
            using (w.PushSequence())
            {
                WriteUnsigned(w, key.Rsa.Modulus!);
                WriteUnsigned(w, key.Rsa.Exponent!);
            }

            return w.Encode();
        }

        private static byte[] ExportSec1(KeyMaterial key, bool includeCurve)
        {
            var w = new AsnWriter(AsnEncodingRules.DER);
            using (w.PushSequence())
            {
                w.WriteInteger(1);
                w.WriteOctetString(KeyMaterial.Pad(key.Ec.D!, key.Curve!.FieldBytes));
                if (includeCurve)
                {
                    using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true)))
                    {
                        w.WriteObjectIdentifier(key.Curve.Oid);
                    }
                }

                using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 1, true)))
                {
                    w.WriteBitString(EcPoint(key));
                }
            }

            return w.Encode();
        }

        private static void WriteAlgorithmIdentifier(AsnWriter w, KeyMaterial key)
        {
            using (w.PushSequence())
            {
                if (key.Kind == KeyKind.RSA)
                {
                    w.WriteObjectIdentifier(RsaEncryption);
                    w.WriteNull();
                }
                else
                {
                    w.WriteObjectIdentifier(IdEcPublicKey);
                    w.WriteObjectIdentifier(key.Curve!.Oid);
                }
            }
        }

        private static void ReadAlgorithmIdentifier(AsnReader seq, out string oid, out string? curveOid)
        {
            AsnReader alg = seq.ReadSequence();
            oid = alg.ReadObjectIdentifier();
            curveOid = null;
            if (alg.HasData)
            {
                if (alg.PeekTag().HasSameClassAndValue(Asn1Tag.ObjectIdentifier))
                {
                    curveOid = alg.ReadObjectIdentifier();
                }
                else
                {
                    alg.ReadEncodedValue();
                }
            }
        }

        private static byte[] EcPoint(KeyMaterial key)
        {
            int size = key.Curve!.FieldBytes;
            var point = new byte[1 + (2 * size)];
            point[0] = 0x04; // uncompressed
            byte[] x = KeyMaterial.Pad(key.Ec.Q.X!, size), y = KeyMaterial.Pad(key.Ec.Q.Y!, size);
            Buffer.BlockCopy(x, 0, point, 1, size);
            Buffer.BlockCopy(y, 0, point, 1 + size, size);
            return point;
        }

        private static void SplitPoint(EcCurve curve, byte[] point, out byte[] x, out byte[] y)
        {
            int size = curve.FieldBytes;
            if (point.Length != 1 + (2 * size) || point[0] != 0x04)
            {
                throw new EsignetException("InvalidEcKey", EsignetErrorKind.InvalidData,
                    "The EC public point is compressed or malformed; export the key with an uncompressed point.");
            }

            x = new byte[size];
            y = new byte[size];
            Buffer.BlockCopy(point, 1, x, 0, size);
            Buffer.BlockCopy(point, 1 + size, y, 0, size);
        }

        private static EcCurve CurveFor(string? oid)
        {
            return EcCurve.FromOid(oid) ?? throw new EsignetException("UnsupportedCurve", EsignetErrorKind.InvalidData,
                $"The EC key uses curve OID '{oid ?? "(none)"}'. Only P-256, P-384 and P-521 are supported.");
        }

        private static void WriteUnsigned(AsnWriter w, byte[] value)
        {
            w.WriteIntegerUnsigned(KeyMaterial.TrimLeadingZeros(value));
        }

        private static byte[] ReadUnsigned(AsnReader r)
        {
            ReadOnlyMemory<byte> raw = r.ReadIntegerBytes();
            return KeyMaterial.TrimLeadingZeros(raw.ToArray());
        }

        private static void RequirePrivate(KeyMaterial key)
        {
            if (!key.HasPrivate)
            {
                throw new EsignetException("PrivateKeyMissing", EsignetErrorKind.InvalidOperation, "This key has no private part.");
            }
        }

        private static EsignetException UnsupportedAlgorithm(string oid)
        {
            return new EsignetException("UnsupportedKeyAlgorithm", EsignetErrorKind.InvalidData,
                $"The key's algorithm (OID {oid}) is not RSA or EC. Only RSA and EC keys can be registered with eSignet.");
        }

        private static EsignetException Malformed(string label, Exception e)
        {
            return new EsignetException("MalformedPem", EsignetErrorKind.InvalidData,
                $"The '{label}' PEM block is not a valid DER key structure. Check that the file was copied whole.", e);
        }
    }
}
