using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Esignet.Sandbox.Pms.Onboarding;

/// <summary>
/// What Java's <c>X509Certificate.verify(key)</c> and <c>getSigAlgName()</c> give keymanager: whether a certificate's
/// signature verifies with a given key, and the JCA name of its signature algorithm.
/// </summary>
public static class CertificateSignature
{
    /// <summary>JCA names (as the JDK reports them) of the signature OIDs a partner may plausibly use.</summary>
    public static string JcaName(X509Certificate2 certificate) => certificate.SignatureAlgorithm.Value switch
    {
        "1.2.840.113549.1.1.5" => "SHA1withRSA",
        "1.2.840.113549.1.1.14" => "SHA224withRSA",
        "1.2.840.113549.1.1.11" => "SHA256withRSA",
        "1.2.840.113549.1.1.12" => "SHA384withRSA",
        "1.2.840.113549.1.1.13" => "SHA512withRSA",
        "1.2.840.113549.1.1.10" => "RSASSA-PSS",
        "1.2.840.10045.4.3.2" => "SHA256withECDSA",
        "1.2.840.10045.4.3.3" => "SHA384withECDSA",
        var other => other ?? "",
    };

    /// <summary>True when <paramref name="certificate"/>'s signature verifies with <paramref name="issuer"/>'s RSA or EC key.</summary>
    public static bool IsSignedBy(X509Certificate2 certificate, X509Certificate2 issuer)
    {
        try
        {
            var reader = new AsnReader(certificate.RawData, AsnEncodingRules.DER).ReadSequence();
            var tbs = reader.ReadEncodedValue().ToArray();
            reader.ReadSequence();
            var signature = reader.ReadBitString(out _);
            var hash = JcaName(certificate) switch
            {
                var n when n.StartsWith("SHA1", StringComparison.Ordinal) => HashAlgorithmName.SHA1,
                var n when n.StartsWith("SHA384", StringComparison.Ordinal) => HashAlgorithmName.SHA384,
                var n when n.StartsWith("SHA512", StringComparison.Ordinal) => HashAlgorithmName.SHA512,
                _ => HashAlgorithmName.SHA256,
            };
            using var rsa = issuer.GetRSAPublicKey();
            if (rsa is not null) return rsa.VerifyData(tbs, signature, hash, RSASignaturePadding.Pkcs1);
            using var ec = issuer.GetECDsaPublicKey();
            return ec is not null && ec.VerifyData(tbs, signature, hash, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException)
        {
            return false;
        }
    }
}
