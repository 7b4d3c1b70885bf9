using Esignet.Core.Definitions;
using SandboxUrl = Esignet.Sandbox.Validation.CommonsUrlValidator;
using SandboxJavaUrl = Esignet.Sandbox.Validation.JavaUrl;

namespace Esignet.Core.Tests.Fidelity;

/// <summary>
/// Issue 16, rules 2-4: redirect URIs (commons-validator 1.7 UrlValidator(ALLOW_ALL_SCHEMES + ALLOW_LOCAL_URLS), as
/// RedirectURLValidator.java@v1.5.1..@v1.8.0 builds it) and logo URIs (Hibernate @URL). Each case is judged by Core's
/// offline rule and by the sandbox's, and both must give the expected verdict. Expected verdicts come from
/// upstream's own tests where there are any (UrlValidatorTest.java@VALIDATOR_1_7: the method is named), otherwise
/// from the cases the issue names and their neighbours.
/// </summary>
public class RedirectUriFidelityTests
{
    public static TheoryData<string, bool, string> CommonsCases() => new()
    {
        // url, valid, where the verdict comes from
        { "http://hostname", true, "UrlValidatorTest.testValidator288" },
        { "http://hostname/test/index.html", true, "UrlValidatorTest.testValidator288" },
        { "http://localhost/test/index.html", true, "UrlValidatorTest.testValidator288" },
        { "http://first.my-testing/test/index.html", false, "UrlValidatorTest.testValidator288" },
        { "http://broke.hostname/test/index.html", false, "UrlValidatorTest.testValidator288" },
        { "http://www.apache.org/test/index.html", true, "UrlValidatorTest.testValidator288" },
        { "http://xn--d1abbgf6aiiy.xn--p1ai", true, "UrlValidatorTest.testValidator235" },
        { "http://президент.рф", true, "UrlValidatorTest.testValidator235" },
        { "http://www.b\u00fccher.ch", true, "UrlValidatorTest.testValidator235" },
        { "http://www.\uFFFD.ch", false, "UrlValidatorTest.testValidator235" },
        { "http://www.cnn.com/WORLD/?hpt=sitenav", true, "UrlValidatorTest.testValidator339" },
        { "http://www.cnn.com./WORLD/?hpt=sitenav", true, "UrlValidatorTest.testValidator339" },
        { "http://www.cnn.com../", false, "UrlValidatorTest.testValidator339" },
        { "http://www.cnn.invalid/", false, "UrlValidatorTest.testValidator339" },
        { "http://www.cnn.invalid./", false, "UrlValidatorTest.testValidator339" },
        { "http://президент.рф/WORLD/?hpt=sitenav", true, "UrlValidatorTest.testValidator339IDN" },
        { "http://президент.рф../", false, "UrlValidatorTest.testValidator339IDN" },
        { "http://example.rocks/", true, "UrlValidatorTest.testValidator342" },
        { "http://example.rocks:/", true, "UrlValidatorTest.testValidator411" },
        { "http://example.rocks:0/", true, "UrlValidatorTest.testValidator411" },
        { "http://example.rocks:65535/", true, "UrlValidatorTest.testValidator411" },
        { "http://example.rocks:65536/", false, "UrlValidatorTest.testValidator411" },
        { "http://example.rocks:100000/", false, "UrlValidatorTest.testValidator411" },
        { "http://[::FFFF:129.144.52.38]:80/index.html", true, "UrlValidatorTest.testValidator452" },
        { "http://test.xn--lgbbat1ad8j", true, "UrlValidatorTest.testValidator290" },
        { "http://test.xn--p1ai", true, "UrlValidatorTest.testValidator290" },
        { "http://test.xn--mgbaam7a8h", true, "UrlValidatorTest.testValidator290" },
        { "http://hello.tokyo/", true, "UrlValidatorTest.testValidator290" },
        { "http://www.example.org/hello..world/", true, "UrlValidatorTest.testValidator363" },
        { "http://www.example.org/../world", false, "UrlValidatorTest.testValidator363" },
        { "http://www.google.com/test1//file", false, "UrlValidatorTest testPath ResultPair: invalid without ALLOW_2_SLASHES" },
        { "http://0.0.0.0:80/test1", true, "UrlValidatorTest testUrlAuthority ResultPair" },
        { "http://255.255.255.255:80/test1", true, "UrlValidatorTest testUrlAuthority ResultPair" },
        { "http://256.256.256.256:80/test1", false, "UrlValidatorTest testUrlAuthority ResultPair" },
        { "http://1.2.3.4.5:80/test1", false, "UrlValidatorTest testUrlAuthority ResultPair" },
        // Issue 16's cases and their neighbours.
        { "https://portal.ns.svc.cluster.local/cb", false, "issue 16 rule 2: .local is not in the 1.7 list" },
        { "https://portal.internal/cb", false, "issue 16 rule 2" },
        { "https://portal.lan/cb", false, "issue 16 rule 2" },
        { "https://portal.test/cb", false, "issue 16 rule 2" },
        { "https://portal.localdomain/cb", true, "LOCAL_TLDS of 1.7" },
        { "https://portal.localhost/cb", true, "LOCAL_TLDS of 1.7" },
        { "https://portal/cb", true, "a single label with ALLOW_LOCAL_URLS" },
        { "https://rp.gov.kh/cb", true, "issue 16 rule 2: kh is in the 1.7 list" },
        { "https://x.co.za/cb", true, "issue 16 rule 2: za is in the 1.7 list" },
        { "https://x.gov.bd/cb", true, "issue 16 rule 2" },
        { "https://x.gov.np/cb", true, "issue 16 rule 2" },
        { "https://x.gov.mm/cb", true, "issue 16 rule 2" },
        { "https://x.gov.pg/cb", true, "issue 16 rule 2" },
        { "https://x.com.jm/cb", true, "issue 16 rule 2" },
        { "https://x.kids/cb", false, "issue 16 rule 2: delegated after the 1.7 list" },
        { "https://x.music/cb", false, "issue 16 rule 2" },
        { "https://x.spa/cb", false, "issue 16 rule 2" },
        { "https://x.onion/cb", false, "issue 16 rule 2" },
        { "https://bücher.de/cb", true, "issue 16 rule 3: IDN hosts pass after punycode" },
        { "https://xn--bcher-kva.de/cb", true, "issue 16 rule 3" },
        { "https://portal.example.org//cb", false, "issue 16 rule 3: ALLOW_2_SLASHES is off" },
        { "https://portal.example.org/a//b", false, "issue 16 rule 3" },
        { "https://portal.example.org/a/b", true, "issue 16 rule 3 neighbour" },
        { "https://portal.example.org/café", false, "issue 16 rule 3: PATH_REGEX's \\w is ASCII" },
        { "https://portal.example.org/caf%C3%A9", true, "issue 16 rule 3 neighbour: percent-encoded" },
        { "https://10.0.0.01/cb", false, "issue 16 rule 3: InetAddressValidator refuses leading zeros" },
        { "https://010.0.0.1/cb", false, "issue 16 rule 3" },
        { "https://10.0.0.1/cb", true, "issue 16 rule 3 neighbour" },
        { "https://10.0.0.0/cb", true, "issue 16 rule 3 neighbour: a single 0 is no leading zero" },
        { "io.mosip.residentapp://oauth", true, "ALLOW_ALL_SCHEMES; a single-label host" },
    };

    [Theory]
    [MemberData(nameof(CommonsCases))]
    public void Core_and_sandbox_give_commons_validator_1_7s_verdict(string url, bool valid, string source)
    {
        bool core = UrlRules.IsCommonsUrl(url, out string reason);
        Assert.True(core == valid, $"Core says {core} for '{url}' ({source}): {reason}");
        Assert.True(SandboxUrl.IsValid(url) == valid, $"The sandbox says {!valid} for '{url}' ({source})");
        if (!valid) Assert.False(string.IsNullOrWhiteSpace(reason));
    }

    [Theory]
    [InlineData("https://portal.ns.svc.cluster.local/cb", "local")]
    [InlineData("https://portal.internal/cb", "internal")]
    [InlineData("https://x.kids/cb", "kids")]
    public void An_unknown_TLD_is_named_with_the_reason_and_what_to_do(string url, string tld)
    {
        Assert.False(UrlRules.IsCommonsUrl(url, out string reason));
        Assert.Contains($"'.{tld}'", reason, StringComparison.Ordinal);
        Assert.Contains("commons-validator 1.7", reason, StringComparison.Ordinal);
        Assert.Contains("Use a host under a public TLD", reason, StringComparison.Ordinal);
        Assert.Contains("invalid_redirect_uri", reason, StringComparison.Ordinal);
    }

    public static TheoryData<string, bool> LogoCases() => new()
    {
        // Hibernate @URL = java.net.URL + @Pattern(".*"): a line terminator anywhere fails (issue 16 rule 4).
        { "https://portal.example.org/logo.png", true },
        { "https://portal.example.org/logo.png\n", false },
        { "https://portal.example.org/logo.png\r", false },
        { "https://portal.example.org/logo.png\r\n", false },
        { "https://portal.example.org/logo.png\u2028", false },
        { "https://portal.example.org/logo.png\u0085", false },
        { "https://portal.example.org/lo\ngo.png", false },
        { "\nhttps://portal.example.org/logo.png", false },
    };

    [Theory]
    [MemberData(nameof(LogoCases))]
    public void Core_and_sandbox_refuse_a_logo_URL_with_a_line_terminator(string url, bool valid)
    {
        Assert.Equal(valid, UrlRules.IsJavaUrl(url, out _));
        Assert.Equal(valid, SandboxJavaUrl.IsValid(url));
    }
}
