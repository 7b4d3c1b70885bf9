using System.Formats.Asn1;

namespace Esignet.Sandbox.Keys;

/// <summary>
/// X.509 SubjectPublicKeyInfo DER, as Java's <c>PublicKey.getEncoded()</c> produces it for the keys PMS rebuilds
/// from a JWK (pms-api.md §5.2). Written by hand so that no crypto provider rejects unusual keys first.
/// </summary>
public static class SubjectPublicKeyInfo
{
    private const string RsaEncryption = "1.2.840.113549.1.1.1";
    private const string EcPublicKey = "1.2.840.10045.2.1";

    /// <summary>rsaEncryption with NULL parameters, RSAPublicKey { n, e }.</summary>
    public static byte[] Rsa(byte[] modulus, byte[] exponent)
    {
        var inner = new AsnWriter(AsnEncodingRules.DER);
        using (inner.PushSequence())
        {
            inner.WriteIntegerUnsigned(modulus);
            inner.WriteIntegerUnsigned(exponent);
        }
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(RsaEncryption);
                writer.WriteNull();
            }
            writer.WriteBitString(inner.Encode());
        }
        return writer.Encode();
    }

    /// <summary>id-ecPublicKey with the named curve, uncompressed point 04‖x‖y.</summary>
    public static byte[] Ec(string crv, byte[] x, byte[] y)
    {
        var curveOid = crv switch
        {
            "P-256" => "1.2.840.10045.3.1.7",
            "P-384" => "1.3.132.0.34",
            "P-521" => "1.3.132.0.35",
            "secp256k1" => "1.3.132.0.10",
            _ => throw new ArgumentException($"Unknown curve {crv}."),
        };
        var point = new byte[1 + x.Length + y.Length];
        point[0] = 0x04;
        x.CopyTo(point, 1);
        y.CopyTo(point, 1 + x.Length);
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(EcPublicKey);
                writer.WriteObjectIdentifier(curveOid);
            }
            writer.WriteBitString(point);
        }
        return writer.Encode();
    }
}
