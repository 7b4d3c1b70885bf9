using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Esignet.Sandbox.Tests.Infrastructure;

/// <summary>
/// Certificates for the keymanager rules, made here with .NET directly (not with the module's certificate maker), so
/// the sandbox's rules are tested against inputs of known shape: good chains and each way to break one.
/// </summary>
public static class TestCertificates
{
    public static X509Certificate2 Ca(string name = "Test Root", int days = 3650, int notBeforeDays = -1)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}, O=Test CA, C=IN", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(notBeforeDays), now.AddDays(days));
    }

    public static X509Certificate2 Partner(X509Certificate2 ca, string partnerId, string organization, int days = 1095, int notBeforeDays = -1,
        int keySize = 2048, string hash = "SHA256")
    {
        using var key = RSA.Create(keySize);
        var request = new CertificateRequest(new X500DistinguishedName(Subject(partnerId, organization)), key, new HashAlgorithmName(hash), RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        var now = DateTimeOffset.UtcNow;
        var notAfter = now.AddDays(days);
        if (notAfter > ca.NotAfter) notAfter = ca.NotAfter;
        var cert = request.Create(ca, now.AddDays(notBeforeDays), notAfter, RandomNumberGenerator.GetBytes(8));
        return cert.CopyWithPrivateKey(key);
    }

    /// <summary>A self-signed end-entity certificate (KER-PCM-015 as a partner).</summary>
    public static X509Certificate2 SelfSigned(string partnerId, string organization)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(new X500DistinguishedName(Subject(partnerId, organization)), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1000));
    }

    /// <summary>
    /// An X.509 v1 self-signed certificate (no version field, no extensions), hand-encoded because .NET's
    /// CertificateRequest always writes v3; KM 1.3 refuses it as a CA (KER-PCM-007), KM 1.2 accepts it.
    /// </summary>
    public static X509Certificate2 V1Root(string name = "V1 Root")
    {
        using var key = RSA.Create(2048);
        var subject = new X500DistinguishedName($"CN={name}, O=Test CA, C=IN");
        var now = DateTimeOffset.UtcNow;
        var sigAlg = new AsnWriter(AsnEncodingRules.DER);
        using (sigAlg.PushSequence()) { sigAlg.WriteObjectIdentifier("1.2.840.113549.1.1.11"); sigAlg.WriteNull(); }
        var tbs = new AsnWriter(AsnEncodingRules.DER);
        using (tbs.PushSequence())
        {
            tbs.WriteInteger(new BigInteger(RandomNumberGenerator.GetInt32(1, int.MaxValue)));
            tbs.WriteEncodedValue(sigAlg.Encode());
            tbs.WriteEncodedValue(subject.RawData);
            using (tbs.PushSequence()) { tbs.WriteUtcTime(now.AddDays(-1)); tbs.WriteUtcTime(now.AddYears(5)); }
            tbs.WriteEncodedValue(subject.RawData);
            tbs.WriteEncodedValue(key.ExportSubjectPublicKeyInfo());
        }
        var tbsBytes = tbs.Encode();
        var signature = key.SignData(tbsBytes, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var cert = new AsnWriter(AsnEncodingRules.DER);
        using (cert.PushSequence())
        {
            cert.WriteEncodedValue(tbsBytes);
            cert.WriteEncodedValue(sigAlg.Encode());
            cert.WriteBitString(signature);
        }
        return X509CertificateLoader.LoadCertificate(cert.Encode());
    }

    public static string Pem(X509Certificate2 certificate) => new(PemEncoding.Write("CERTIFICATE", certificate.RawData));

    /// <summary>The subject with O= as one exact attribute value (no DN-string escaping in the way).</summary>
    private static byte[] Subject(string partnerId, string organization)
    {
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCountryOrRegion("IN");
        builder.AddOrganizationName(organization);
        builder.AddCommonName(partnerId);
        return builder.Build().RawData;
    }
}
