using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Esignet.Sandbox.Versions;

namespace Esignet.Sandbox.Pms.Onboarding;

/// <summary>
/// Keymanager's checks on the two uploads PMS forwards (pms-partner-onboarding.md §4.1, §4.2), in code order, first
/// failure wins: <c>uploadCACertificate</c> and <c>uploadPartnerCertificate</c> of
/// PartnerCertificateManagerServiceImpl.java@v1.2.0.1 (KM 1.2) and @v1.3.0 (KM 1.3). Errors are keymanager's own
/// codes, which PMS passes through (RestUtil.java@v1.2.0.1).
/// </summary>
public sealed class KeymanagerCertificateRules(KeymanagerStore store, TimeProvider clock)
{
    /// <summary><c>mosip.kernel.partner.allowed.domains</c> (mosip-config kernel-default.properties@v1.2.0.1).</summary>
    private static readonly string[] AllowedDomains = ["AUTH", "DEVICE", "FTM", "MISP"];

    /// <summary>365 × issuer duration (1 year) − 30 days of grace (KPU.isCertificateValidForDuration@v1.2.0.1).</summary>
    private const int MinimumPartnerDays = 365 - 30;

    public static PmsError Error(string code, string message) => new(code, message);

    public static readonly PmsError InvalidCertificate = Error("KER-PCM-001", "Invalid Certificate uploaded.");
    public static readonly PmsError AlreadyExists = Error("KER-PCM-003", "Certificate already exists in store.");
    public static readonly PmsError DatesNotValid = Error("KER-PCM-004", "Certificate Dates are not valid.");
    public static readonly PmsError RootNotFound = Error("KER-PCM-005", "Root CA Certificate not found.");
    public static readonly PmsError ChainNotFound = Error("KER-PCM-006", "Root CA/Intermediate CA Certificates not found.");
    public static readonly PmsError VersionNotSupported = Error("KER-PCM-007", "Certificate version not supported.");
    public static readonly PmsError OrganizationMismatch = Error("KER-PCM-008", "Partner Organization Name not Matched.");
    public static readonly PmsError InvalidDomain = Error("KER-PCM-011", "Invalid Partner Domain.");
    public static readonly PmsError CertificateNotFound = Error("KER-PCM-012", "Partner Certificate not found for the given ID.");
    public static readonly PmsError KeyTooSmall = Error("KER-PCM-013", "Partner Certificate Key Size is less than allowed size.");
    public static readonly PmsError AlgorithmNotSupported = Error("KER-PCM-014", "Partner Certificate Signature algorithm not supported.");
    public static readonly PmsError SelfSigned = Error("KER-PCM-015", "Self Signed Certificate not allowed as partner.");
    public static readonly PmsError CaValidityTooShort = Error("KER-PCM-017", "The CA Certificate validity is less than required minimum validity.");
    public static readonly PmsError ParsingError = Error("KER-KMS-013", "Certificate Parsing Error.");
    public static readonly PmsError FutureDated = Error("KER-PMS-020", "Future Dated Certificate not allowed to upload.");

    /// <summary>§4.1: stores the CA, or the error. "Upload Success." is PMS's status for a success.</summary>
    public PmsError? UploadCa(string? pem, string? domain, KeymanagerLine line)
    {
        if (string.IsNullOrWhiteSpace(pem)) return InvalidCertificate;
        // KeymanagerUtil.convertToCertificate reads only the first PEM object; P7B input is not emulated.
        var certificate = FirstPem(pem);
        if (certificate is null) return InvalidCertificate;
        var d = (domain ?? "").ToUpperInvariant();
        if (!AllowedDomains.Contains(d)) return InvalidDomain;
        if (store.ContainsCa(d, KeymanagerStore.Thumbprint(certificate))) return AlreadyExists;
        var now = clock.GetUtcNow();
        if (line.RejectsFutureDated && certificate.NotBefore.ToUniversalTime().Date > now.UtcDateTime.Date) return FutureDated;
        if (!WithinDates(certificate, now)) return DatesNotValid;
        if (line.ChecksCaVersionAndMinimumValidity)
        {
            if (certificate.NotAfter.ToUniversalTime() < now.UtcDateTime.AddMonths(12)) return CaValidityTooShort;
            if (certificate.Version != 3) return VersionNotSupported;
        }
        // Key usage, basic constraints, key size and algorithm are not checked for CAs (§4.1 #8).
        if (!CertificateSignature.IsSignedBy(certificate, certificate) && !HasPath(certificate, d, now)) return RootNotFound;
        store.AddCa(d, certificate);
        return null;
    }

    /// <summary>§4.2: the MOSIP-signed leaf as PEM and its new certId, or the error.</summary>
    public (string? CertId, string? SignedPem, PmsError? Error) UploadPartner(string partnerId, string? pem, string organizationName, string? domain, KeymanagerLine line)
    {
        if (string.IsNullOrWhiteSpace(pem)) return (null, null, InvalidCertificate);
        var certificate = FirstPem(pem);
        if (certificate is null) return (null, null, ParsingError);
        var d = (domain ?? "").ToUpperInvariant();
        if (!AllowedDomains.Contains(d)) return (null, null, InvalidDomain);
        // A duplicate thumbprint is only logged: "renewal … should be allowed" (KPS@v1.2.0.1, the throw is commented out).
        var now = clock.GetUtcNow();
        if (line.RejectsFutureDated && certificate.NotBefore.ToUniversalTime().Date > now.UtcDateTime.Date) return (null, null, FutureDated);
        if (!WithinDates(certificate, now)) return (null, null, DatesNotValid);
        var validDays = (long)Math.Floor((certificate.NotAfter.ToUniversalTime() - now.UtcDateTime).TotalDays);
        if (validDays < MinimumPartnerDays) return (null, null, Error(line.ShortPartnerValidityCode, line.ShortPartnerValidityMessage));
        if (CertificateSignature.IsSignedBy(certificate, certificate)) return (null, null, SelfSigned);
        if (!HasPath(certificate, d, now)) return (null, null, ChainNotFound);
        if (certificate.Version != 3) return (null, null, VersionNotSupported);
        if (OrganizationName.Of(certificate) != organizationName) return (null, null, OrganizationMismatch);
        using (var rsa = certificate.GetRSAPublicKey())
        {
            if (rsa is not null && rsa.KeySize < 2048) return (null, null, KeyTooSmall);
        }
        if (!CertificateSignature.JcaName(certificate).ToUpperInvariant().StartsWith("SHA2", StringComparison.Ordinal)) return (null, null, AlgorithmNotSupported);

        var signedPem = ReSign(certificate, d);
        var certId = store.AddPartnerCertificate(partnerId, signedPem, certificate);
        return (certId, signedPem, null);
    }

    private static bool WithinDates(X509Certificate2 certificate, DateTimeOffset now) =>
        now.UtcDateTime >= certificate.NotBefore.ToUniversalTime() && now.UtcDateTime <= certificate.NotAfter.ToUniversalTime();

    /// <summary>
    /// The PKIX path of §4.2 #9: the domain's currently valid roots as anchors, its valid intermediates as a store,
    /// revocation off (PartnerCertManagerDBHelper.getTrustAnchors@v1.2.0.1).
    /// </summary>
    private bool HasPath(X509Certificate2 certificate, string domain, DateTimeOffset now)
    {
        var valid = store.Cas(domain).Where(c => WithinDates(c, now)).ToList();
        var roots = valid.Where(c => CertificateSignature.IsSignedBy(c, c)).ToList();
        if (roots.Count == 0) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots.ToArray());
        chain.ChainPolicy.ExtraStore.AddRange(valid.Except(roots).ToArray());
        return chain.Build(certificate);
    }

    /// <summary>
    /// §4.2 #15: same subject and public key, issued by the PMS key, now + 365 days, SHA256withRSA, critical CA:true,
    /// KU digitalSignature|keyCertSign (+keyEncipherment for AUTH), SKI (CertificateUtility.java@v1.2.0.1).
    /// </summary>
    private string ReSign(X509Certificate2 uploaded, string domain)
    {
        var signer = store.PmsSigner;
        var publicKey = new PublicKey(uploaded.PublicKey.Oid, uploaded.PublicKey.EncodedParameters, uploaded.PublicKey.EncodedKeyValue);
        var request = new CertificateRequest(uploaded.SubjectName, publicKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        var usage = X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign;
        if (domain == "AUTH") usage |= X509KeyUsageFlags.KeyEncipherment;
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(publicKey, false));
        var now = clock.GetUtcNow();
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var signerKey = signer.GetRSAPrivateKey()!;
        var generator = X509SignatureGenerator.CreateForRSA(signerKey, RSASignaturePadding.Pkcs1);
        using var signed = request.Create(signer.SubjectName, generator, now, now.AddDays(365), serial);
        // PSI.getPartnerCertFromChain@v1.2.0.1: BEGIN line, 64-column Base64, END line, no trailing newline.
        return new string(PemEncoding.Write("CERTIFICATE", signed.RawData));
    }

    private static X509Certificate2? FirstPem(string text)
    {
        try
        {
            if (!PemEncoding.TryFind(text, out var fields)) return null;
            var der = Convert.FromBase64String(text[fields.Base64Data]);
            return X509CertificateLoader.LoadCertificate(der);
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return null;
        }
    }
}
