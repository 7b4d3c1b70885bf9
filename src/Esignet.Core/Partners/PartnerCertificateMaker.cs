using System;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Esignet.Core.Partners
{
    /// <summary>
    /// Makes the CA and the partner certificate that keymanager accepts (pms-partner-onboarding.md §4.2, §5): X.509 v3,
    /// RSA 2048, SHA-256 with PKCS#1 v1.5 (keymanager's getSigAlgName must start with "SHA2": SHA384/512 and PSS are
    /// refused, KER-PCM-014), notBefore one day back (keymanager 1.3 refuses a certificate dated after today in its
    /// zone, KER-PMS-020). The CA has keyCertSign (.NET refuses to sign without it) and 10 years; the partner
    /// certificate has CN=partner id, O=the partner's stored organisation name as one exact attribute value, and 3
    /// years (keymanager needs at least 335 days left, KPU.isCertificateValidForDuration@v1.2.0.1), within the CA's.
    /// </summary>
    public static class PartnerCertificateMaker
    {
        public const int KeySize = 2048;
        public static readonly TimeSpan CaLifetime = TimeSpan.FromDays(3650);
        public static readonly TimeSpan PartnerLifetime = TimeSpan.FromDays(1095);

        /// <summary>
        /// A self-signed root. Its subject carries the time it was made: keymanager finds issuers by subject
        /// (PartnerCertManagerDBHelper.getIssuerCertId@v1.2.0.1), so a new root after a lost one must not reuse the name.
        /// </summary>
        public static X509Certificate2 MakeCa(string partnerId, string organization, DateTimeOffset now)
        {
            using RSA key = RSA.Create(KeySize);
            CertificateRequest request = Request(key, organization, partnerId + "-root-" + now.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            return request.CreateSelfSigned(now.AddDays(-1), now + CaLifetime);
        }

        /// <summary>The partner certificate, issued by <paramref name="ca"/> (which must hold its private key).</summary>
        public static X509Certificate2 MakePartner(X509Certificate2 ca, string partnerId, string organization, DateTimeOffset now)
        {
            using RSA key = RSA.Create(KeySize);
            CertificateRequest request = Request(key, organization, partnerId);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
            DateTimeOffset notAfter = now + PartnerLifetime > ca.NotAfter ? ca.NotAfter : now + PartnerLifetime;
            byte[] serial = RandomNumberGenerator.GetBytes(16);
            serial[0] &= 0x7F;
            using X509Certificate2 issued = request.Create(ca, now.AddDays(-1), notAfter, serial);
            return issued.CopyWithPrivateKey(key);
        }

        private static CertificateRequest Request(RSA key, string organization, string commonName)
        {
            var name = new X500DistinguishedNameBuilder();
            name.AddCountryOrRegion("IN");
            name.AddOrganizationName(organization);
            name.AddCommonName(commonName);
            return new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }

        /// <summary>Days of validity keymanager still counts (ChronoUnit.DAYS between now and notAfter).</summary>
        public static int DaysLeft(X509Certificate2 certificate, DateTimeOffset now) =>
            (int)Math.Floor((certificate.NotAfter.ToUniversalTime() - now.UtcDateTime).TotalDays);

        /// <summary>The O= value as stored (unescaped), or null.</summary>
        public static string? Organization(X509Certificate2 certificate) =>
            certificate.SubjectName.EnumerateRelativeDistinguishedNames()
                .FirstOrDefault(rdn => !rdn.HasMultipleElements && rdn.GetSingleElementType().Value == "2.5.4.10")?.GetSingleElementValue();

        /// <summary>Same public key (SubjectPublicKeyInfo) in both certificates.</summary>
        public static bool SameKey(X509Certificate2 a, X509Certificate2 b) =>
            a.PublicKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(b.PublicKey.ExportSubjectPublicKeyInfo());
    }
}
