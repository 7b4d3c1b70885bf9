using Esignet.Core.Connection;
using Esignet.Core.Definitions;
using Esignet.Core.Errors;
using Esignet.Core.Keys;
using Esignet.Core.Ledger;
using Esignet.Core.Registration;
using Esignet.Core.Transport;
using Esignet.Core.Versions;

namespace Esignet.Core.Tests.Definitions;

/// <summary>
/// Test-EsignetClientDefinition's offline validation must say what RegistrationService.Prepare (New-EsignetOidcClient)
/// says, row for row: the same errors, found before anything is sent. Prepare runs against a real context here
/// (no request is made before the validation it does).
/// </summary>
public class OfflineValidationTests
{
    public static IEnumerable<object[]> Rows()
    {
        foreach (string line in new[] { "1.0", "1.2", "1.5", "1.7", "1.8" })
            foreach (string name in Mutations.Keys)
                yield return new object[] { "Esignet", line, "1.2.2", name };

        var pmsMutations = new[] { "valid", "long name", "logo without scheme", "six redirect URIs", "EC key (1.7+)", "language map (1.2+)", "additionalConfig (1.6+)", "no key" };
        foreach (string pms in new[] { "1.2.0", "1.2.2" })
            foreach (string name in pmsMutations)
                yield return new object[] { "Pms", "1.5", pms, name };
        yield return new object[] { "Pms", "1.5", "1.2.2", "pms: no policy" };
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Reports_the_errors_New_EsignetOidcClient_would_refuse_the_row_for(string apiName, string line, string pmsLine, string mutation)
    {
        ClientApi api = Enum.Parse<ClientApi>(apiName);
        using var folder = new TempFolder();
        using EsignetContext context = NewContext(line, pmsLine, folder.Path);

        string[] prepared = PrepareErrors(context, Definition(api, mutation), api);
        IReadOnlyList<ValidationIssue> offline = OfflineValidation.Check(Definition(api, mutation), context.RulesFor(api), generatedKey: null);
        string[] linted = offline.Where(i => i.IsError).Select(i => i.Field + " " + i.Code).OrderBy(s => s, StringComparer.Ordinal).ToArray();

        if (prepared.Length == 1 && prepared[0] == "EndpointNotOnLine")
            Assert.Contains(offline, i => i.Code == ValidationCodes.EndpointNotOnLine);
        else
            Assert.Equal(prepared, linted);
        Assert.All(offline, i => Assert.Equal(7, i.LineNumber));
    }

    [Fact]
    public void With_a_generated_key_a_row_without_one_is_checked_with_it()
    {
        ClientDefinition d = Defs.Baseline();
        d.PublicKey = null;
        Assert.Contains(OfflineValidation.Check(d, Defs.Esignet("1.0"), null), i => i.Field == "publicKey");

        d = Defs.Baseline();
        d.PublicKey = null;
        Assert.Empty(OfflineValidation.Check(d, Defs.Esignet("1.0"), Defs.Rsa));
        d = Defs.Baseline();
        d.PublicKey = null;
        Assert.Contains(OfflineValidation.Check(d, Defs.Esignet("1.0"), Defs.Ec), i => i.Field == "publicKey" && i.Rule == ValidationRuleNames.KeyTypeNotOnLine);
    }

    [Fact]
    public void Reports_an_endpoint_the_line_lacks_once_and_still_checks_the_rest()
    {
        ClientDefinition d = Defs.Baseline();
        d.ClientNameLangMap["eng"] = "Portal";
        d.ClientId = "portal 1";
        IReadOnlyList<ValidationIssue> issues = OfflineValidation.Check(d, Defs.Esignet("1.0"), null);
        Assert.Single(issues, i => i.Code == ValidationCodes.EndpointNotOnLine);
        Assert.Contains(issues, i => i.Field == "clientId" && i.Code == "invalid_client_id");
        Assert.Equal(2, issues.Count);

        // additionalConfig on 1.5: only the missing endpoint, not what /client would need on that line.
        d = Defs.Baseline();
        d.AdditionalConfigJson = "{\"userinfo_response_type\":\"JWS\"}";
        issues = OfflineValidation.Check(d, Defs.Esignet("1.5"), null);
        Assert.Equal("additionalConfig EndpointNotOnLine", Assert.Single(issues).Field + " " + issues[0].Code);

        // PMS 1.2.0 has no /oauth/client: the map is refused once; PMS has no additionalConfig at all.
        d = Defs.PmsBaseline();
        d.ClientNameLangMap["eng"] = "Portal";
        Assert.Equal("clientNameLangMap", Assert.Single(OfflineValidation.Check(d, Defs.Pms("1.2.0", "1.5"), null)).Field);
    }

    private static ClientDefinition Definition(ClientApi api, string mutation)
    {
        ClientDefinition d = api == ClientApi.Pms ? Defs.PmsBaseline() : Defs.Baseline();
        d.LineNumber = 7;
        if (mutation == "pms: no policy")
        {
            d.PolicyId = null;
            return d;
        }

        Mutations[mutation](d);
        return d;
    }

    private static readonly Dictionary<string, Action<ClientDefinition>> Mutations = new()
    {
        ["valid"] = _ => { },
        ["space in clientId"] = d => d.ClientId = "portal 1",
        ["no clientId"] = d => d.ClientId = null,
        ["long name"] = d => d.ClientName = Defs.Repeat('n', 257),
        ["logo without scheme"] = d => d.LogoUri = "logo.png",
        ["http logo (warning only)"] = d => d.LogoUri = "http://portal.example.org/logo.png",
        ["six redirect URIs"] = d => d.RedirectUris = Enumerable.Range(1, 6).Select(i => $"https://p.example.org/{i}").ToList(),
        ["custom-scheme redirect"] = d => d.RedirectUris = new List<string> { "io.example.app://callback" },
        ["unknown claim"] = d => d.UserClaims.Add("favourite_colour"),
        ["no claims (defaults)"] = d => d.UserClaims.Clear(),
        ["unknown ACR"] = d => d.AuthContextRefs = new List<string> { "mosip:idp:acr:face" },
        ["knowledge ACR (1.5+)"] = d => d.AuthContextRefs = new List<string> { "mosip:idp:acr:knowledge" },
        ["implicit grant"] = d => d.GrantTypes = new List<string> { "implicit" },
        ["client_secret_basic"] = d => d.ClientAuthMethods = new List<string> { "client_secret_basic" },
        ["EC key (1.7+)"] = d => d.PublicKey = Defs.Ec,
        ["encryption key"] = d => d.PublicKey = Defs.Enc,
        ["language map (1.2+)"] = d => d.ClientNameLangMap["eng"] = "Portal",
        ["bad language code"] = d => d.ClientNameLangMap["english"] = "Portal",
        ["additionalConfig (1.6+)"] = d => d.AdditionalConfigJson = "{\"userinfo_response_type\":\"JWS\"}",
        ["bad additionalConfig"] = d => d.AdditionalConfigJson = "{\"consent_expire_in_mins\":1}",
        ["no key"] = d => d.PublicKey = null,
    };

    /// <summary>What Prepare refuses: the (field, code) of every error, EndpointNotOnLine, or nothing.</summary>
    private static string[] PrepareErrors(EsignetContext context, ClientDefinition d, ClientApi api)
    {
        try
        {
            new RegistrationService(context).Prepare(d, new RegistrationOptions { Api = api, KeySpec = new KeySpec() });
            return Array.Empty<string>();
        }
        catch (ValidationFailedException e)
        {
            return e.Issues.Select(i => i.Field + " " + i.Code).OrderBy(s => s, StringComparer.Ordinal).ToArray();
        }
        catch (EsignetException e) when (e.ErrorId == ValidationCodes.EndpointNotOnLine)
        {
            return new[] { "EndpointNotOnLine" };
        }
    }

    private static EsignetContext NewContext(string line, string pmsLine, string folder)
    {
        var options = new ConnectionOptions
        {
            EsignetUri = new Uri("https://esignet.example.org"),
            PmsUri = new Uri("https://api.example.org"),
            EsignetVersion = EsignetVersion.Parse(line),
            PmsVersion = PmsVersion.Parse(pmsLine),
        };
        return new EsignetContext(options, new HttpTransport(new TransportOptions()), null, new RegistrationLedger(Path.Combine(folder, "ledger.jsonl")));
    }
}
