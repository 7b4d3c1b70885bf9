using Esignet.Sandbox.Hosting;
using Esignet.Sandbox.Tests.Infrastructure;
using System.Security.Cryptography.X509Certificates;
using static Esignet.Sandbox.Tests.Infrastructure.OnboardingDriver;

namespace Esignet.Sandbox.Tests;

/// <summary>
/// Keymanager's certificate rules behind PMS's uploads (pms-partner-onboarding.md §4; PartnerCertificateManagerServiceImpl
/// .java and PartnerCertificateManagerUtil.java @keymanager v1.2.0.1 / v1.3.0), with certificates built directly by
/// .NET in <see cref="TestCertificates"/>; each case breaks one rule of a chain that otherwise passes.
/// </summary>
public sealed class KeymanagerRuleTests
{
    private static async Task<(TestSandbox Sandbox, OnboardingDriver Driver)> PartnerReadyAsync(string km, string org = Org)
    {
        var sandbox = await TestSandbox.StartAsync(new SandboxSettings { KeymanagerVersion = km }, new SandboxStartOptions { PmsEmpty = true });
        var d = await StartAsync(sandbox);
        Ok(await d.CreateGroupAsync("g"));
        Ok(await d.RegisterAsync("p", "g", org: org));
        return (sandbox, d);
    }

    public static TheoryData<string, string, string, string> PartnerCases() => new()
    {
        // km, case, code, message
        { "1.2", "sha384", "KER-PCM-014", "Partner Certificate Signature algorithm not supported." },
        { "1.2", "org-case", "KER-PCM-008", "Partner Organization Name not Matched." },
        { "1.2", "key-1024", "KER-PCM-013", "Partner Certificate Key Size is less than allowed size." },
        { "1.2", "self-signed", "KER-PCM-015", "Self Signed Certificate not allowed as partner." },
        { "1.2", "unknown-ca", "KER-PCM-006", "Root CA/Intermediate CA Certificates not found." },
        { "1.2", "short", "KER-PCM-004", "Certificate Dates are not valid." },
        { "1.3", "short", "KER-KMS-021", "The PARTNER Certificate validity is less than required minimum validity" },
        { "1.2", "future", "KER-PCM-004", "Certificate Dates are not valid." },
        { "1.3", "future", "KER-PMS-020", "Future Dated Certificate not allowed to upload." },
        { "1.2", "not-pem", "KER-KMS-013", "Certificate Parsing Error." },
    };

    [Theory]
    [MemberData(nameof(PartnerCases))]
    public async Task Partner_certificate_rules(string km, string change, string code, string message)
    {
        var (sandbox, d) = await PartnerReadyAsync(km);
        await using var _ = sandbox;
        var ca = TestCertificates.Ca();
        Ok(await d.UploadCaAsync(ca));
        var cert = change switch
        {
            "sha384" => TestCertificates.Partner(ca, "p", Org, hash: "SHA384"),
            "org-case" => TestCertificates.Partner(ca, "p", Org.ToUpperInvariant()),
            "key-1024" => TestCertificates.Partner(ca, "p", Org, keySize: 1024),
            "self-signed" => TestCertificates.SelfSigned("p", Org),
            "unknown-ca" => TestCertificates.Partner(TestCertificates.Ca("Other Root"), "p", Org),
            "short" => TestCertificates.Partner(ca, "p", Org, days: 300),
            "future" => TestCertificates.Partner(ca, "p", Org, notBeforeDays: 2),
            _ => null,
        };
        var body = cert is null
            ? await d.SendAsync(HttpMethod.Post, "/v1/partnermanager/partners/certificate/upload", new System.Text.Json.Nodes.JsonObject { ["partnerId"] = "p", ["certificateData"] = "not a certificate", ["partnerDomain"] = "AUTH" })
            : await d.UploadCertificateAsync("p", cert);
        Assert.Equal((code, message), Error(body));
        Assert.False(sandbox.Host.PmsDirectory.Partner("p")!.Active);
    }

    [Fact]
    public async Task A_good_upload_returns_a_pms_signed_leaf_with_the_same_key_and_subject_and_activates_the_partner()
    {
        var (sandbox, d) = await PartnerReadyAsync("1.3");
        await using var _ = sandbox;
        var ca = TestCertificates.Ca();
        Assert.Equal("Upload Success.", Ok(await d.UploadCaAsync(ca)).GetProperty("status").GetString());
        var cert = TestCertificates.Partner(ca, "p", Org);
        var answer = Ok(await d.UploadCertificateAsync("p", cert));
        var pem = answer.GetProperty("signedCertificateData").GetString()!;
        Assert.StartsWith("-----BEGIN CERTIFICATE-----\n", pem);
        using var signed = X509Certificate2.CreateFromPem(pem);
        Assert.Equal(cert.SubjectName.Name, signed.SubjectName.Name);
        Assert.Equal(cert.GetPublicKey(), signed.GetPublicKey());
        Assert.NotEqual(cert.IssuerName.Name, signed.IssuerName.Name);
        Assert.Equal("1.2.840.113549.1.1.11", signed.SignatureAlgorithm.Value);
        var partner = sandbox.Host.PmsDirectory.Partner("p")!;
        Assert.Equal((true, "approved", answer.GetProperty("certificateId").GetString()), (partner.Active, partner.ApprovalStatus, partner.CertificateAlias));
    }

    [Fact]
    public async Task An_organisation_name_with_a_comma_never_matches_because_keymanager_reads_it_escaped()
    {
        var (sandbox, d) = await PartnerReadyAsync("1.2", "Acme, Inc");
        await using var _ = sandbox;
        var ca = TestCertificates.Ca();
        Ok(await d.UploadCaAsync(ca));
        Assert.Equal("KER-PCM-008", Code(await d.UploadCertificateAsync("p", TestCertificates.Partner(ca, "p", "Acme, Inc"))));
    }

    [Theory]
    [InlineData("1.2", null)]
    [InlineData("1.3", "KER-PCM-017")]
    public async Task A_ca_with_less_than_12_months_left_is_refused_by_keymanager_1_3_only(string km, string? code)
    {
        var (sandbox, d) = await PartnerReadyAsync(km);
        await using var _ = sandbox;
        var body = await d.UploadCaAsync(TestCertificates.Ca(days: 200));
        if (code is null) Ok(body);
        else Assert.Equal((code, "The CA Certificate validity is less than required minimum validity."), Error(body));
    }

    [Theory]
    [InlineData("1.2", null)]
    [InlineData("1.3", "KER-PCM-007")]
    public async Task A_v1_ca_is_refused_by_keymanager_1_3_only(string km, string? code)
    {
        var (sandbox, d) = await PartnerReadyAsync(km);
        await using var _ = sandbox;
        var body = await d.UploadCaAsync(TestCertificates.V1Root());
        if (code is null) Ok(body);
        else Assert.Equal((code, "Certificate version not supported."), Error(body));
    }

    [Fact]
    public async Task Ca_upload_rules_domain_duplicate_and_root()
    {
        var (sandbox, d) = await PartnerReadyAsync("1.2");
        await using var _ = sandbox;
        var ca = TestCertificates.Ca();
        Assert.Equal(("KER-PCM-011", "Invalid Partner Domain."), Error(await d.UploadCaAsync(ca, "NOPE")));
        Ok(await d.UploadCaAsync(ca, "auth"));
        Assert.Equal(("KER-PCM-003", "Certificate already exists in store."), Error(await d.UploadCaAsync(ca)));
        // The same certificate in another domain is accepted; an intermediate without its root is not.
        Ok(await d.UploadCaAsync(ca, "FTM"));
        var orphan = TestCertificates.Partner(TestCertificates.Ca("Unknown"), "inter", "X");
        Assert.Equal(("KER-PCM-005", "Root CA Certificate not found."), Error(await d.UploadCaAsync(orphan)));
    }
}
