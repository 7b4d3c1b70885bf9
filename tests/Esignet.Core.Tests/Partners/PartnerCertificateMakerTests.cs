using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using Esignet.Core.Partners;

namespace Esignet.Core.Tests.Partners;

/// <summary>
/// The module's certificates checked by something other than the module: OpenSSL's verify and its text dump of each
/// field keymanager looks at (pms-partner-onboarding.md §4.2: chain, v3, SHA256withRSA, validity, O=, CN, key size).
/// </summary>
public sealed class PartnerCertificateMakerTests
{
    [Fact]
    public void OpenSsl_verifies_the_chain_and_reads_the_fields_keymanager_checks()
    {
        using var folder = new TempFolder();
        var now = DateTimeOffset.UtcNow;
        const string org = "OpenG2P Demo & Co. (Pvt) Ltd";
        using X509Certificate2 ca = PartnerCertificateMaker.MakeCa("demo-partner", org, now);
        using X509Certificate2 partner = PartnerCertificateMaker.MakePartner(ca, "demo-partner", org, now);
        var files = new PartnerCertificateFiles(folder.Combine("certs"), "demo-partner");
        files.SaveCa(ca, false);
        files.SavePartner(partner, false);

        Assert.Equal($"{files.PartnerCertificate}: OK", OpenSsl("verify", "-x509_strict", "-CAfile", files.CaCertificate, files.PartnerCertificate).Trim());

        string caText = OpenSsl("x509", "-in", files.CaCertificate, "-noout", "-text", "-nameopt", "RFC2253");
        Assert.Contains("Version: 3 (0x2)", caText);
        Assert.Contains("Certificate Sign", caText);
        Assert.Contains("CA:TRUE", caText);

        string text = OpenSsl("x509", "-in", files.PartnerCertificate, "-noout", "-text", "-nameopt", "multiline,-esc_msb");
        Assert.Contains("Version: 3 (0x2)", text);
        Assert.Contains("Signature Algorithm: sha256WithRSAEncryption", text);
        Assert.Contains("Public-Key: (2048 bit)", text);
        Assert.Contains("organizationName          = " + org, text);
        Assert.Contains("commonName                = demo-partner", text);
        Assert.Contains("CA:FALSE", text);

        // Validity: from a day back (no future-dated refusal) to at least 335 days ahead.
        string dates = OpenSsl("x509", "-in", files.PartnerCertificate, "-noout", "-checkend", (335L * 86400).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("will not expire", dates);
        Assert.True(partner.NotBefore.ToUniversalTime() < now.UtcDateTime.AddHours(-23));
        Assert.True(partner.NotAfter <= ca.NotAfter);
    }

    [Fact]
    public void Kept_files_load_back_with_their_keys_and_private_keys_are_pkcs8()
    {
        using var folder = new TempFolder();
        var files = new PartnerCertificateFiles(folder.Combine("c"), "p");
        using X509Certificate2 ca = PartnerCertificateMaker.MakeCa("p", "Org", DateTimeOffset.UtcNow);
        files.SaveCa(ca, false);
        using X509Certificate2 back = files.LoadCa()!;
        Assert.True(back.HasPrivateKey);
        Assert.Equal(ca.Thumbprint, back.Thumbprint);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(files.CaKey));
        File.Delete(files.CaCertificate);
        Assert.Null(files.LoadCa());
    }

    private static string OpenSsl(params string[] args)
    {
        var psi = new ProcessStartInfo("openssl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args) psi.ArgumentList.Add(a);
        using Process p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        return output;
    }
}
