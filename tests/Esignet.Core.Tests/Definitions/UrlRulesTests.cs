using Esignet.Core.Definitions;

namespace Esignet.Core.Tests.Definitions;

/// <summary>
/// esignet-api.md §2.6 (and §2.1 for logoUri): IsJavaUrl is Hibernate @URL (java.net.URL: known protocols only),
/// used for logoUri on every line and for redirect URIs on 1.0-1.1; IsCommonsUrl is commons-validator 1.7
/// UrlValidator(ALLOW_ALL_SCHEMES + ALLOW_LOCAL_URLS), used for redirect URIs from 1.2. Null = not asserted
/// (the contract does not settle it).
/// </summary>
public class UrlRulesTests
{
    public static IEnumerable<object?[]> Table() => new List<object?[]>
    {
        // url, commons, java
        new object?[] { "https://portal.example.org/auth_oauth/signin", true, true },
        new object?[] { "https://socialregistry.your.org/auth_oauth/g2p_registry_id/authenticate", true, true },
        new object?[] { "HTTPS://PORTAL.EXAMPLE.ORG/CB", true, true },
        new object?[] { "http://localhost:5000/**", true, true },                 // §2.6: wildcards in the path
        new object?[] { "http://localhost:3000/registration/*", true, true },
        new object?[] { "http://intranet/cb", true, true },                       // ALLOW_LOCAL_URLS: single-label host
        new object?[] { "https://192.168.1.10/cb", true, true },                  // IPv4 literal
        new object?[] { "https://[::1]:8443/cb", true, true },                    // IPv6 literal
        new object?[] { "https://portal.example.org:8443/cb?next=1&x=y", true, true },
        new object?[] { "https://user:pw@portal.example.org/cb", true, true },
        new object?[] { "https://portal.example.org/cb#top", true, true },
        new object?[] { "https://portal.example.org/a,b", true, true },
        new object?[] { "ftp://files.example.org/logo.png", true, true },
        new object?[] { "io.mosip.residentapp://oauth", true, false },            // custom scheme: 1.2+ only
        new object?[] { "residentapp://oauth/*", true, false },
        new object?[] { "https://*.example.org/cb", false, null },                // wildcard host refused (1.2+)
        new object?[] { "myapp:/cb", false, false },                              // no authority; unknown protocol
        new object?[] { "portal.example.org/auth_oauth/signin", false, false },   // no scheme
        new object?[] { "/auth_oauth/signin", false, false },
        new object?[] { "", false, false },
        new object?[] { "https://portal.example.org/auth oauth/signin", false, null }, // commons 1.7 parses with java.net.URI
        new object?[] { "https://portal.example.org/cb%zz", false, null },
        new object?[] { "https://exa_mple.org/cb", false, null },                 // not a domain name
        new object?[] { "https://portal.example.org:99999/cb", false, null },     // port out of range
        new object?[] { "https://portal.example.org/../cb", false, null },        // path escapes the root
        new object?[] { "https://portal.example.123/cb", false, null },           // numeric TLD
        new object?[] { "foo://portal.example.org/logo.png", true, false },       // any scheme for commons; unknown to the JVM
        new object?[] { "mailto:ops@example.org", false, true },                  // the JVM knows mailto; no authority
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Url_table(string url, bool commons, bool? java)
    {
        Assert.True(UrlRules.IsCommonsUrl(url, out string commonsReason) == commons, $"IsCommonsUrl('{url}') should be {commons} ({commonsReason})");
        if (!commons) Assert.False(string.IsNullOrWhiteSpace(commonsReason));
        if (java.HasValue)
        {
            Assert.True(UrlRules.IsJavaUrl(url, out string javaReason) == java.Value, $"IsJavaUrl('{url}') should be {java} ({javaReason})");
            if (!java.Value) Assert.False(string.IsNullOrWhiteSpace(javaReason));
        }
    }

    [Fact]
    public void Table_has_at_least_20_urls()
    {
        Assert.True(Table().Count() >= 20);
    }
}
