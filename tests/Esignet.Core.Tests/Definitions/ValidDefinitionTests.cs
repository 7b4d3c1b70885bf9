using Esignet.Core.Definitions;
using Esignet.Core.Registration;
using static Esignet.Core.Definitions.ClientEndpointKind;

namespace Esignet.Core.Tests.Definitions;

/// <summary>What the servers accept must pass (no errors); what they accept but is probably a mistake is a warning.</summary>
public class ValidDefinitionTests
{
    public static IEnumerable<object[]> AllLines() => Defs.AllLines.Select(l => new object[] { l });

    public static IEnumerable<object[]> LinesFrom(string first) =>
        Defs.AllLines.Where(l => string.CompareOrdinal(l, first) >= 0).Select(l => new object[] { l });

    public static IEnumerable<object[]> LinesFrom12() => LinesFrom("1.2");

    public static IEnumerable<object[]> LinesFrom16() => LinesFrom("1.6");

    public static IEnumerable<object[]> LinesFrom17() => LinesFrom("1.7");

    private static IReadOnlyList<ValidationIssue> Validate(ClientDefinition d, string line, ClientEndpointKind endpoint = OidcClient) =>
        DefinitionValidator.Validate(d, Defs.Esignet(line), endpoint);

    private static void NoErrors(IReadOnlyList<ValidationIssue> issues)
    {
        IReadOnlyList<ValidationIssue> errors = Defs.Errors(issues);
        Assert.True(errors.Count == 0, "unexpected errors:" + Defs.Dump(errors));
    }

    private static void NoIssues(IReadOnlyList<ValidationIssue> issues) =>
        Assert.True(issues.Count == 0, "unexpected issues:" + Defs.Dump(issues));

    // ---- the baseline ----

    [Theory]
    [MemberData(nameof(AllLines))]
    public void Baseline_is_clean_on_oidc_client_on_every_line(string line)
    {
        NoIssues(Validate(Defs.Baseline(), line));
    }

    [Theory]
    [MemberData(nameof(LinesFrom12))]
    public void Baseline_with_a_name_map_is_clean_on_oauth_client_from_1_2(string line)
    {
        ClientDefinition d = Defs.BaselineFor(ClientApi.Esignet, OAuthClient);
        NoIssues(Validate(d, line, OAuthClient));
    }

    [Theory]
    [MemberData(nameof(LinesFrom16))]
    public void Baseline_with_additional_config_is_clean_on_client_from_1_6(string line)
    {
        ClientDefinition d = Defs.BaselineFor(ClientApi.Esignet, Client);
        d.AdditionalConfigJson = "{\"userinfo_response_type\":\"JWS\",\"purpose\":{\"type\":\"login\",\"title\":{\"@none\":\"Sign in\",\"fra\":\"Connexion\"},\"subTitle\":null},\"signup_banner_required\":true,\"forgot_pwd_link_required\":false,\"consent_expire_in_mins\":10}";
        NoIssues(Validate(d, line, Client));
    }

    [Fact]
    public void All_1_8_additional_config_members_are_accepted_on_1_8()
    {
        ClientDefinition d = Defs.BaselineFor(ClientApi.Esignet, Client);
        d.AdditionalConfigJson = "{\"require_pushed_authorization_requests\":true,\"dpop_bound_access_tokens\":false,\"require_pkce\":true,\"consent_expire_in_mins\":10.5,\"purpose\":null}";
        NoErrors(Validate(d, "1.8", Client));
    }

    [Theory]
    [InlineData("1.6")]
    [InlineData("1.8")]
    public void A_null_or_empty_additional_config_is_accepted(string line)
    {
        foreach (string json in new[] { "null", "{}" })
        {
            ClientDefinition d = Defs.BaselineFor(ClientApi.Esignet, Client);
            d.AdditionalConfigJson = json;
            NoErrors(Validate(d, line, Client));
        }
    }

    [Theory]
    [InlineData("1.2.0", "1.0")]
    [InlineData("1.2.0", "1.4")]
    [InlineData("1.2.0", "1.5")]
    [InlineData("1.2.2", "1.4")]
    [InlineData("1.2.2", "1.6")]
    [InlineData("1.2.2", "1.8")]
    public void Pms_baseline_is_clean_on_oidc_client(string pms, string esignet)
    {
        NoIssues(DefinitionValidator.Validate(Defs.PmsBaseline(), Defs.Pms(pms, esignet), PmsOidcClient));
    }

    [Theory]
    [InlineData("1.4")]
    [InlineData("1.8")]
    public void Pms_baseline_with_a_name_map_is_clean_on_pms_oauth_client_1_2_2(string esignet)
    {
        ClientDefinition d = Defs.BaselineFor(ClientApi.Pms, PmsOAuthClient);
        NoIssues(DefinitionValidator.Validate(d, Defs.Pms("1.2.2", esignet), PmsOAuthClient));
    }

    [Fact]
    public void Pms_accepts_an_ec_key_when_1_2_2_forwards_to_esignet_1_7()
    {
        ClientDefinition d = Defs.PmsBaseline();
        d.PublicKey = Defs.Ec;
        NoErrors(DefinitionValidator.Validate(d, Defs.Pms("1.2.2", "1.7"), PmsOidcClient));
    }

    [Fact]
    public void Pms_policy_id_of_36_characters_is_accepted()
    {
        ClientDefinition d = Defs.PmsBaseline();
        d.PolicyId = Guid.NewGuid().ToString();
        Assert.Equal(36, d.PolicyId.Length);
        NoErrors(DefinitionValidator.Validate(d, Defs.Pms("1.2.2", "1.8"), PmsOidcClient));
    }

    // ---- the OpenG2P page examples (openg2p-esignet-client-creation.md, pms-api.md §12.1) ----

    [Theory]
    [MemberData(nameof(AllLines))]
    public void OpenG2P_esignet_api_example_passes_on_oidc_client(string line)
    {
        ClientDefinition d = Defs.Baseline();
        d.ClientId = "openg2p-social-registry";
        d.ClientName = "OpenG2P Social Registry";
        d.RelyingPartyId = "openg2p-auth-partner";
        d.RedirectUris = new List<string> { "https://socialregistry.your.org/auth_oauth/signin" };
        d.LogoUri = "https://socialregistry.your.org/logo.png";
        NoIssues(Validate(d, line));
    }

    [Theory]
    [MemberData(nameof(LinesFrom12))]
    public void OpenG2P_latest_page_example_passes_on_oauth_client(string line)
    {
        // Body of the current page (§12.1 "Current version"): oauth-client, 8 claims, 3 ACRs, clientNameLangMap {eng}.
        var d = new ClientDefinition
        {
            ClientId = "openg2p-sr",
            ClientName = "OpenG2P Social Registry",
            RelyingPartyId = "openg2p-auth-partner",
            PublicKey = Defs.Rsa,
            LogoUri = "https://socialregistry.your.org/logo.png",
            RedirectUris = new List<string>
            {
                "https://socialregistry.your.org/auth_oauth/signin",
                "https://socialregistry.your.org/auth_oauth/g2p_registry_id/authenticate",
            },
            GrantTypes = new List<string> { "authorization_code" },
            ClientAuthMethods = new List<string> { "private_key_jwt" },
            UserClaims = new List<string> { "birthdate", "address", "gender", "name", "phone_number", "picture", "email", "individual_id" },
            AuthContextRefs = new List<string> { "mosip:idp:acr:biometrics", "mosip:idp:acr:generated-code", "mosip:idp:acr:linked-wallet" },
            ClientNameLangMap = new Dictionary<string, string> { ["eng"] = "OpenG2P Social Registry" },
        };
        NoIssues(Validate(d, line, OAuthClient));
    }

    [Theory]
    [InlineData("1.2.0", "1.4")]
    [InlineData("1.2.2", "1.6")]
    public void OpenG2P_pms_api_example_passes(string pms, string esignet)
    {
        ClientDefinition d = Defs.PmsBaseline();
        d.ClientName = "OpenG2P Portal";
        d.AuthPartnerId = "openg2p-auth-partner";
        d.PolicyId = "mpolicy-default-auth";
        d.RedirectUris = new List<string> { "https://portal.your.org/auth_oauth/signin" };
        NoIssues(DefinitionValidator.Validate(d, Defs.Pms(pms, esignet), PmsOidcClient));
    }

    [Theory]
    [MemberData(nameof(AllLines))]
    public void Defaults_fill_a_minimal_definition_that_then_validates(string line)
    {
        var d = new ClientDefinition
        {
            ClientId = "portal-1",
            ClientName = "Portal",
            RelyingPartyId = "rp-1",
            PublicKey = Defs.Rsa,
            LogoUri = Defs.Logo,
            RedirectUris = new List<string> { Defs.Redirect },
        };
        d = DefinitionDefaults.Apply(d, ClientApi.Esignet);
        Assert.Equal(new[] { "authorization_code" }, d.GrantTypes);
        Assert.Equal(new[] { "private_key_jwt" }, d.ClientAuthMethods);
        Assert.Equal(Defs.OpenG2PClaims, d.UserClaims);
        Assert.Equal(Defs.OpenG2PAcrs, d.AuthContextRefs);
        NoIssues(Validate(d, line));
    }

    [Fact]
    public void Defaults_leave_given_values_and_pms_claims_alone()
    {
        var d = new ClientDefinition { UserClaims = new List<string> { "name" }, GrantTypes = new List<string> { "x" } };
        d = DefinitionDefaults.Apply(d, ClientApi.Esignet);
        Assert.Equal(new[] { "name" }, d.UserClaims);
        Assert.Equal(new[] { "x" }, d.GrantTypes);

        var p = new ClientDefinition();
        p = DefinitionDefaults.Apply(p, ClientApi.Pms);
        Assert.Empty(p.UserClaims);
        Assert.Empty(p.AuthContextRefs);
        Assert.Equal(new[] { "authorization_code" }, p.GrantTypes);
        Assert.Equal(new[] { "private_key_jwt" }, p.ClientAuthMethods);
    }

    // ---- values the servers accept ----

    [Theory]
    [MemberData(nameof(LinesFrom17))]
    public void Ec_key_is_accepted_from_1_7(string line)
    {
        ClientDefinition d = Defs.Baseline();
        d.PublicKey = Defs.Ec;
        NoErrors(Validate(d, line));
    }

    [Theory]
    [MemberData(nameof(LinesFrom17))]
    public void Ps256_key_is_accepted_from_1_7(string line)
    {
        ClientDefinition d = Defs.Baseline();
        d.PublicKey = Defs.RsaWith(j => j["alg"] = "PS256");
        NoErrors(Validate(d, line));
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1.7")]
    public void Blank_alg_and_use_are_not_invalid_public_key_before_1_8(string line)
    {
        // §3.1: only v1.8.0+ refuses alg/use present but blank.
        ClientDefinition d = Defs.Baseline();
        d.PublicKey = Defs.RsaWith(j => { j["alg"] = ""; j["use"] = ""; });
        Assert.DoesNotContain(Validate(d, line), i => i.Code == "invalid_public_key");
    }

    [Theory]
    [MemberData(nameof(AllLines))]
    public void Key_without_kid_alg_or_use_is_accepted(string line)
    {
        ClientDefinition d = Defs.Baseline();
        d.PublicKey = Defs.RsaWith(j => { j.Remove("alg"); j.Remove("use"); j.Remove("kid"); });
        Assert.Null(d.PublicKey.Algorithm);
        NoErrors(Validate(d, line));
    }

    [Theory]
    [MemberData(nameof(AllLines))]
    public void Limits_themselves_are_accepted(string line)
    {
        ClientDefinition d = Defs.Baseline();
        d.ClientId = Defs.Repeat('c', 100);
        d.RelyingPartyId = Defs.Repeat('r', 100);
        d.ClientName = Defs.Repeat('n', 256);
        d.RedirectUris = Enumerable.Range(1, 5).Select(i => $"https://portal.example.org/cb{i}").ToList();
        d.GrantTypes = new List<string> { "authorization_code" };
        NoErrors(Validate(d, line));
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1.8")]
    public void Ids_with_symbols_are_accepted(string line)
    {
        // §2.1: `cid#1`, `@#DDSS$` are accepted by \S*.
        ClientDefinition d = Defs.Baseline();
        d.ClientId = "cid#1";
        d.RelyingPartyId = "@#DDSS$";
        NoErrors(Validate(d, line));
    }

    [Theory]
    [MemberData(nameof(LinesFrom12))]
    public void Custom_scheme_redirect_is_accepted_from_1_2(string line)
    {
        ClientDefinition d = Defs.Baseline();
        d.RedirectUris = new List<string> { "io.mosip.residentapp://oauth", "residentapp://oauth/*" };
        NoErrors(Validate(d, line));
    }

    [Theory]
    [MemberData(nameof(AllLines))]
    public void Localhost_wildcard_path_redirects_are_accepted(string line)
    {
        ClientDefinition d = Defs.Baseline();
        d.RedirectUris = new List<string> { "http://localhost:5000/**", "http://localhost:3000/registration/*" };
        NoErrors(Validate(d, line));
    }

    [Theory]
    [MemberData(nameof(AllLines))]
    public void Empty_claims_are_allowed_on_create(string line)
    {
        ClientDefinition d = Defs.Baseline();
        d.UserClaims.Clear();
        NoErrors(Validate(d, line));
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1.4")]
    [InlineData("1.8")]
    public void Thirty_claims_are_allowed(string line)
    {
        ClientDefinition d = Defs.Baseline();
        d.UserClaims = Enumerable.Range(0, 30).Select(i => Defs.OpenG2PClaims[i % 7]).ToList();
        NoErrors(Validate(d, line));
    }

    [Theory]
    [MemberData(nameof(AllLines))]
    public void Space_joined_acrs_in_one_element_are_accepted(string line)
    {
        ClientDefinition d = Defs.Baseline();
        d.AuthContextRefs = new List<string> { "mosip:idp:acr:static-code mosip:idp:acr:biometrics" };
        NoErrors(Validate(d, line));
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("1.8")]
    public void Acrs_added_in_1_5_are_accepted_from_1_5(string line)
    {
        ClientDefinition d = Defs.Baseline();
        d.AuthContextRefs = new List<string> { "mosip:idp:acr:knowledge", "mosip:idp:acr:password", "mosip:idp:acr:id-token" };
        NoErrors(Validate(d, line));
    }

    [Fact]
    public void A_null_acr_element_is_tolerated()
    {
        // §2.5: "a null element is valid (treated as optional) and later removed by the service"; §9 item 7.
        ClientDefinition d = Defs.Baseline();
        d.AuthContextRefs = new List<string> { null!, "mosip:idp:acr:biometrics" };
        NoErrors(Validate(d, "1.8"));
    }

    [Theory]
    [MemberData(nameof(LinesFrom16))]
    public void Missing_name_map_is_allowed_on_oauth_client_from_1_6(string line)
    {
        ClientDefinition d = Defs.Baseline();
        NoErrors(Validate(d, line, OAuthClient));
    }

    [Theory]
    [InlineData("1.2")]
    [InlineData("1.3")]
    public void Any_three_character_key_is_accepted_before_1_4(string line)
    {
        ClientDefinition d = Defs.BaselineFor(ClientApi.Esignet, OAuthClient);
        d.ClientNameLangMap["fre"] = "Portail";
        d.ClientNameLangMap["xyz"] = "Portal";
        NoErrors(Validate(d, line, OAuthClient));
    }

    [Theory]
    [InlineData("1.4")]
    [InlineData("1.8")]
    public void Iso_639_2_terminology_codes_are_accepted(string line)
    {
        ClientDefinition d = Defs.BaselineFor(ClientApi.Esignet, OAuthClient);
        foreach (string code in new[] { "fra", "ara", "hin", "khm" }) d.ClientNameLangMap[code] = "Portal";
        NoErrors(Validate(d, line, OAuthClient));
    }

    [Fact]
    public void A_51_character_name_is_allowed_on_1_5()
    {
        ClientDefinition d = Defs.BaselineFor(ClientApi.Esignet, OAuthClient);
        d.ClientNameLangMap["eng"] = Defs.Repeat('p', 51);
        NoErrors(Validate(d, "1.5", OAuthClient));
    }

    [Fact]
    public void A_50_character_name_is_allowed_on_1_8()
    {
        ClientDefinition d = Defs.BaselineFor(ClientApi.Esignet, OAuthClient);
        d.ClientNameLangMap["eng"] = Defs.Repeat('p', 50);
        NoErrors(Validate(d, "1.8", OAuthClient));
    }

    [Fact]
    public void Redirect_uris_just_under_the_1_8_column_are_accepted()
    {
        ClientDefinition d = Defs.Baseline();
        d.RedirectUris = Enumerable.Range(1, 5).Select(i => $"https://portal.example.org/{i}/" + Defs.Repeat('a', 370)).ToList();
        Assert.True(System.Text.Json.JsonSerializer.Serialize(d.RedirectUris).Length <= 2048);
        NoErrors(Validate(d, "1.8"));
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1.7")]
    public void Long_redirect_uris_are_accepted_before_1_8(string line)
    {
        // §2.8: redirect_uris is unbounded varchar before 1.8.
        ClientDefinition d = Defs.Baseline();
        d.RedirectUris = Enumerable.Range(1, 5).Select(i => $"https://portal.example.org/{i}/" + Defs.Repeat('a', 420)).ToList();
        NoErrors(Validate(d, line));
    }

    // ---- warnings: accepted by the server, probably a mistake ----

    private static void WarnsOnly(IReadOnlyList<ValidationIssue> issues, string field)
    {
        NoErrors(issues);
        Assert.True(issues.Any(i => i.Severity == ValidationSeverity.Warning && i.Field.StartsWith(field, StringComparison.Ordinal) && !i.IsError),
            $"expected a warning on {field}*, got:" + Defs.Dump(issues));
    }

    [Theory]
    [InlineData("1.2.0")]
    [InlineData("1.2.2")]
    public void Pms_given_a_client_id_warns(string pms)
    {
        ClientDefinition d = Defs.PmsBaseline();
        d.ClientId = "portal-1";
        WarnsOnly(DefinitionValidator.Validate(d, Defs.Pms(pms, "1.4"), PmsOidcClient), "clientId");
    }

    [Theory]
    [InlineData("1.2")]
    [InlineData("1.8")]
    public void Comma_in_a_redirect_uri_warns(string line)
    {
        ClientDefinition d = Defs.Baseline();
        d.RedirectUris = new List<string> { "https://portal.example.org/cb?next=a,b" };
        WarnsOnly(Validate(d, line), "redirectUris");
    }

    [Theory]
    [InlineData("1.2")]
    [InlineData("1.8")]
    public void Two_uris_joined_by_a_comma_are_refused_as_the_server_does(string line)
    {
        // The path "/cb,https://other..." holds "//", which commons-validator 1.7 refuses (ALLOW_2_SLASHES off).
        ClientDefinition d = Defs.Baseline();
        d.RedirectUris = new List<string> { "https://portal.example.org/cb,https://other.example.org/cb" };
        ValidationIssue issue = Assert.Single(Validate(d, line), i => i.Severity == ValidationSeverity.Error);
        Assert.Equal("invalid_redirect_uri", issue.Code);
        Assert.Contains("separate them with ';' or '|'", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Comma_in_a_redirect_uri_warns_for_pms_too()
    {
        // pms-api.md §4.6: PMS stores redirect URIs comma-joined, so a comma corrupts the list it reads back.
        ClientDefinition d = Defs.PmsBaseline();
        d.RedirectUris = new List<string> { "https://portal.example.org/cb?a=1,2" };
        WarnsOnly(DefinitionValidator.Validate(d, Defs.Pms("1.2.2", "1.8"), PmsOidcClient), "redirectUris");
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1.8")]
    public void Duplicate_list_values_warn(string line)
    {
        ClientDefinition d = Defs.Baseline();
        d.UserClaims.Add("name");
        WarnsOnly(Validate(d, line), "userClaims");

        d = Defs.Baseline();
        d.RedirectUris.Add(Defs.Redirect);
        WarnsOnly(Validate(d, line), "redirectUris");

        d = Defs.Baseline();
        d.AuthContextRefs.Add("mosip:idp:acr:biometrics");
        NoErrors(Validate(d, line));
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1.8")]
    public void Http_logo_warns(string line)
    {
        ClientDefinition d = Defs.Baseline();
        d.LogoUri = "http://portal.example.org/logo.png";
        WarnsOnly(Validate(d, line), "logoUri");
    }

    [Fact]
    public void Non_ascii_client_id_is_accepted_with_at_most_a_warning()
    {
        // §2.1: unicode ids are accepted by \S*.
        ClientDefinition d = Defs.Baseline();
        d.ClientId = "portail-é";
        NoErrors(Validate(d, "1.8"));
    }
}
