using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Esignet.Sandbox.Pms.Onboarding;

/// <summary>
/// Keymanager's certificate tables as far as PMS onboarding reaches them (pms-partner-onboarding.md §2, §4):
/// <c>ca_cert_store</c> per partner domain keyed by the SHA-1 thumbprint of the DER (PartnerCertificateManagerUtil
/// .getCertificateThumbprint@v1.2.0.1), <c>partner_cert_store</c> keyed by a fresh UUID per upload, and the "PMS" key
/// that re-signs partner certificates (here a sandbox-made CA, as the contract's §9 #5 allows).
/// </summary>
public sealed class KeymanagerStore : IDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Dictionary<string, X509Certificate2>> _caByDomain = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredPartnerCertificate> _partnerCerts = new(StringComparer.Ordinal);
    private readonly Lazy<X509Certificate2> _pmsSigner = new(MakePmsSigner);

    public sealed record StoredPartnerCertificate(string CertId, string PartnerId, string SignedPem, X509Certificate2 Uploaded);

    /// <summary>The sandbox's stand-in for keymanager's PMS signing certificate (with its private key).</summary>
    public X509Certificate2 PmsSigner => _pmsSigner.Value;

    public bool ContainsCa(string domain, string thumbprint)
    {
        lock (_gate) return _caByDomain.TryGetValue(domain, out var d) && d.ContainsKey(thumbprint);
    }

    public void AddCa(string domain, X509Certificate2 certificate)
    {
        lock (_gate)
        {
            if (!_caByDomain.TryGetValue(domain, out var d)) _caByDomain[domain] = d = new(StringComparer.Ordinal);
            d[Thumbprint(certificate)] = certificate;
        }
    }

    /// <summary>The domain's CA certificates (roots and intermediates).</summary>
    public IReadOnlyList<X509Certificate2> Cas(string domain)
    {
        lock (_gate) return _caByDomain.TryGetValue(domain, out var d) ? [.. d.Values] : [];
    }

    public string AddPartnerCertificate(string partnerId, string signedPem, X509Certificate2 uploaded)
    {
        var id = Guid.NewGuid().ToString();
        lock (_gate) _partnerCerts[id] = new StoredPartnerCertificate(id, partnerId, signedPem, uploaded);
        return id;
    }

    public StoredPartnerCertificate? PartnerCertificate(string? certId)
    {
        if (certId is null) return null;
        lock (_gate) return _partnerCerts.GetValueOrDefault(certId);
    }

    /// <summary>How many partner certificates were stored (each upload adds one: renewal is allowed, KPS@v1.2.0.1).</summary>
    public int PartnerCertificateCount { get { lock (_gate) return _partnerCerts.Count; } }

    public int CaCount(string domain) => Cas(domain).Count;

    public void Clear()
    {
        lock (_gate)
        {
            _caByDomain.Clear();
            _partnerCerts.Clear();
        }
    }

    /// <summary>Lower-case hex SHA-1 of the DER, keymanager's CA key.</summary>
    public static string Thumbprint(X509Certificate2 certificate) => Convert.ToHexString(SHA1.HashData(certificate.RawData)).ToLowerInvariant();

    private static X509Certificate2 MakePmsSigner()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=PMS, OU=SANDBOX, O=Esignet Sandbox, C=IN", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.DigitalSignature, true));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));
    }

    public void Dispose()
    {
        if (_pmsSigner.IsValueCreated) _pmsSigner.Value.Dispose();
    }
}
