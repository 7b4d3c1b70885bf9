using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Esignet.Core.Errors;
using Esignet.Core.Files;

namespace Esignet.Core.Partners
{
    /// <summary>
    /// The five files of one partner in its certificate folder, all written owner-only and atomically through
    /// <see cref="SecureFile"/> like the JWK files (design.md decision 9): the CA key and certificate, the partner key
    /// and certificate, and the MOSIP-signed certificate PMS returned. Keys are PKCS#8 PEM and never printed.
    /// </summary>
    public sealed class PartnerCertificateFiles
    {
        public PartnerCertificateFiles(string directory, string partnerId)
        {
            Directory = Path.GetFullPath(directory);
            string b = Path.Combine(Directory, partnerId);
            CaKey = b + ".ca.key.pem";
            CaCertificate = b + ".ca.cert.pem";
            PartnerKey = b + ".partner.key.pem";
            PartnerCertificate = b + ".partner.cert.pem";
            SignedCertificate = b + ".mosip-signed.cert.pem";
        }

        public string Directory { get; }
        public string CaKey { get; }
        public string CaCertificate { get; }
        public string PartnerKey { get; }
        public string PartnerCertificate { get; }
        public string SignedCertificate { get; }

        /// <summary>
        /// The kept CA with its key, or null when it is not complete on disk. One file without the other is what a run
        /// stopped between the two writes leaves (the key goes first): nothing was uploaded with it yet, so it is made anew.
        /// </summary>
        public X509Certificate2? LoadCa() => LoadPair(CaCertificate, CaKey, "CA");

        public X509Certificate2? LoadPartner() => LoadPair(PartnerCertificate, PartnerKey, "partner");

        public void SaveCa(X509Certificate2 ca, bool allowSharedFolder) => SavePair(ca, CaCertificate, CaKey, allowSharedFolder);

        public void SavePartner(X509Certificate2 partner, bool allowSharedFolder) => SavePair(partner, PartnerCertificate, PartnerKey, allowSharedFolder);

        /// <summary>Writes the MOSIP-signed PEM when it differs from what is on disk; true when it wrote.</summary>
        public bool SaveSigned(string pem, bool allowSharedFolder)
        {
            string text = pem.TrimEnd() + "\n";
            if (File.Exists(SignedCertificate) && File.ReadAllText(SignedCertificate) == text)
            {
                return false;
            }

            PrepareDirectory(allowSharedFolder);
            SecureFile.WriteAllText(SignedCertificate, text, overwrite: true);
            return true;
        }

        /// <summary>A certificate-only PEM file (the operator's own CA or partner certificate).</summary>
        public static X509Certificate2 LoadCertificate(string path, string what)
        {
            try
            {
                return X509Certificate2.CreateFromPem(File.ReadAllText(path));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is CryptographicException || e is ArgumentException)
            {
                throw new EsignetException("CertificateFileUnreadable", EsignetErrorKind.ReadError, $"The {what} certificate '{path}' could not be read as one PEM certificate: {e.GetType().Name}.", e) { TargetObject = path };
            }
        }

        private X509Certificate2? LoadPair(string certPath, string keyPath, string what)
        {
            if (!File.Exists(certPath) || !File.Exists(keyPath))
            {
                return null;
            }

            SecureFile.RequireOwnPrivateFile(keyPath, allowSharedFolder: false);
            try
            {
                return X509Certificate2.CreateFromPemFile(certPath, keyPath);
            }
            catch (CryptographicException e)
            {
                throw new EsignetException("CertificateFilesUnreadable", EsignetErrorKind.InvalidData,
                    $"The {what} files '{certPath}' and its key could not be read as a PEM certificate and matching private key.", e) { TargetObject = certPath };
            }
        }

        private void SavePair(X509Certificate2 certificate, string certPath, string keyPath, bool allowSharedFolder)
        {
            PrepareDirectory(allowSharedFolder);
            using RSA key = certificate.GetRSAPrivateKey() ?? throw new InvalidOperationException("The certificate has no RSA private key.");
            // Key first: a certificate whose key is missing is useless.
            SecureFile.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem() + "\n", overwrite: true);
            SecureFile.WriteAllText(certPath, certificate.ExportCertificatePem() + "\n", overwrite: true);
        }

        private void PrepareDirectory(bool allowSharedFolder)
        {
            SecureFile.EnsureOwnerOnlyDirectory(Directory);
            SecureFile.RequirePrivateDirectory(Directory, allowSharedFolder);
        }
    }
}
