using System.Text.Json.Nodes;
using Esignet.Core.Definitions;
using static Esignet.Core.Definitions.ClientEndpointKind;

namespace Esignet.Core.Tests.Definitions;

/// <summary>
/// Each row is one mutation of the valid baseline (Defs.Baseline / Defs.PmsBaseline), validated for one line and
/// one endpoint. The expected field and code come from the contracts: esignet-api.md §2-§4 (codes per line and
/// endpoint) and pms-api.md §4.1-§4.2, §5.1 (PMS_COR_001 for PMS bean validation; eSignet's codes for what PMS
/// forwards). Module codes (no server reports them) are used only where the contract says the server accepts the
/// value but the client could never work (esignet-api.md §3.3).
/// </summary>
public class MalformedDefinitionTests
{
    public sealed record Case(
        string Name,
        ClientApi Api,
        string EsignetLine,
        string? PmsLine,
        ClientEndpointKind Endpoint,
        Action<ClientDefinition> Mutate,
        string Field,
        string Code);

    private const string IdCode = "invalid_client_id";
    private const string RpCode = "invalid_rp_id";
    private const string NameCode = "invalid_client_name";
    private const string KeyCode = "invalid_public_key";
    private const string UriCode = "invalid_uri";
    private const string RedirectCode = "invalid_redirect_uri";
    private const string AuthCode = "invalid_client_auth";
    private const string ClaimCode = "invalid_claim";
    private const string AcrCode = "invalid_acr";
    private const string LangCode = "invalid_language_code";
    private const string LangValueCode = "invalid_client_name_value";
    private const string LangLengthCode = "invalid_client_name_length";
    private const string ConfigCode = "invalid_additional_config";
    private const string Pms = "PMS_COR_001";

    /// <summary>esignet-api.md §4: invalid_grant_type up to 1.6.2, unsupported_grant_type from 1.7.0.</summary>
    private static string GrantCode(string line) => string.CompareOrdinal(line, "1.7") >= 0 ? "unsupported_grant_type" : "invalid_grant_type";

    private static readonly Dictionary<string, Case> Cases = Build();

    public static IEnumerable<object[]> Names() => Cases.Keys.Select(k => new object[] { k });

    [Fact]
    public void The_table_has_at_least_60_rows()
    {
        Assert.True(Cases.Count >= 60, $"only {Cases.Count} rows");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_single_mutation_is_reported_with_the_servers_code(string name)
    {
        Case c = Cases[name];
        ClientDefinition d = Defs.BaselineFor(c.Api, c.Endpoint);
        d.LineNumber = 7;
        c.Mutate(d);
        ValidationRules rules = c.Api == ClientApi.Pms ? Defs.Pms(c.PmsLine!, c.EsignetLine) : Defs.Esignet(c.EsignetLine);

        IReadOnlyList<ValidationIssue> issues = DefinitionValidator.Validate(d, rules, c.Endpoint);

        ValidationIssue? hit = issues.FirstOrDefault(i => i.Field.StartsWith(c.Field, StringComparison.Ordinal) && i.Code == c.Code && i.Severity == ValidationSeverity.Error);
        Assert.True(hit != null, $"{name}: expected an Error {c.Code} on {c.Field}*, got:{Defs.Dump(issues)}");
        Assert.Equal(7, hit!.LineNumber);
        Assert.False(string.IsNullOrWhiteSpace(hit.Message));

        // One mutation, one field: nothing else of the baseline may be reported as an error.
        IReadOnlyList<ValidationIssue> elsewhere = Defs.Errors(issues).Where(i => !i.Field.StartsWith(c.Field, StringComparison.Ordinal)).ToList();
        Assert.True(elsewhere.Count == 0, $"{name}: errors on other fields:{Defs.Dump(elsewhere)}");
    }

    [Fact]
    public void Ec_key_on_pms_1_2_0_is_an_error_but_not_an_esignet_code()
    {
        // pms-api.md §5.1 #2: PMS 1.2.0.x/1.2.1.x parses the JWK with jose4j RsaJsonWebKey; on failure it throws a
        // bare Exception, i.e. HTTP 200 errors:[{"errorCode":null,"message":null}]. The key never reaches eSignet,
        // so eSignet's invalid_public_key is not what the server answers (whatever the eSignet line behind it).
        ClientDefinition d = Defs.PmsBaseline();
        d.PublicKey = Defs.Ec;
        IReadOnlyList<ValidationIssue> issues = DefinitionValidator.Validate(d, Defs.Pms("1.2.0", "1.8"), PmsOidcClient);
        IReadOnlyList<ValidationIssue> keyErrors = Defs.Errors(issues).Where(i => i.Field == "publicKey").ToList();
        Assert.True(keyErrors.Count > 0, "expected an error on publicKey, got:" + Defs.Dump(issues));
        Assert.All(keyErrors, i => Assert.NotEqual("invalid_public_key", i.Code));
    }

    private static Dictionary<string, Case> Build()
    {
        var all = new Dictionary<string, Case>(StringComparer.Ordinal);

        void E(string what, string[] lines, ClientEndpointKind endpoint, Action<ClientDefinition> mutate, string field, Func<string, string> code)
        {
            foreach (string line in lines)
            {
                string name = $"{what} | eSignet {line} {endpoint}";
                all.Add(name, new Case(name, ClientApi.Esignet, line, null, endpoint, mutate, field, code(line)));
            }
        }

        void Es(string what, string[] lines, Action<ClientDefinition> mutate, string field, string code) =>
            E(what, lines, OidcClient, mutate, field, _ => code);

        void P(string what, string pms, string esignet, ClientEndpointKind endpoint, Action<ClientDefinition> mutate, string field, string code)
        {
            string name = $"{what} | PMS {pms} -> eSignet {esignet} {endpoint}";
            all.Add(name, new Case(name, ClientApi.Pms, esignet, pms, endpoint, mutate, field, code));
        }

        string[] L(params string[] lines) => lines;
        string[] allLines = Defs.Lines;
        List<string> Uris(int n) => Enumerable.Range(1, n).Select(i => $"https://portal.example.org/cb{i}").ToList();

        // clientId / relyingPartyId: @IdFormat (\S*, non-blank) + @Size(max=100) (§2.1).
        Es("clientId missing", L("1.0", "1.5", "1.8"), d => d.ClientId = null, "clientId", IdCode);
        Es("clientId empty", L("1.1", "1.7"), d => d.ClientId = "", "clientId", IdCode);
        Es("clientId whitespace only", L("1.2", "1.8"), d => d.ClientId = "   ", "clientId", IdCode);
        Es("clientId with inner space", L("1.4"), d => d.ClientId = "portal 1", "clientId", IdCode);
        Es("clientId with trailing tab", L("1.6"), d => d.ClientId = "portal-1\t", "clientId", IdCode);
        Es("clientId 101 chars", L("1.0", "1.6", "1.8"), d => d.ClientId = Defs.Repeat('c', 101), "clientId", IdCode);
        Es("relyingPartyId missing", L("1.0", "1.8"), d => d.RelyingPartyId = null, "relyingPartyId", RpCode);
        Es("relyingPartyId blank", L("1.2"), d => d.RelyingPartyId = "", "relyingPartyId", RpCode);
        Es("relyingPartyId whitespace only", L("1.5"), d => d.RelyingPartyId = " \t ", "relyingPartyId", RpCode);
        Es("relyingPartyId with space", L("1.7"), d => d.RelyingPartyId = "openg2p auth partner", "relyingPartyId", RpCode);
        Es("relyingPartyId 101 chars", L("1.1", "1.8"), d => d.RelyingPartyId = Defs.Repeat('r', 101), "relyingPartyId", RpCode);

        // clientName: @NotBlank @Size(max=256).
        Es("clientName blank", L("1.0", "1.8"), d => d.ClientName = "", "clientName", NameCode);
        Es("clientName whitespace", L("1.4"), d => d.ClientName = "   ", "clientName", NameCode);
        Es("clientName missing", L("1.6"), d => d.ClientName = null, "clientName", NameCode);
        Es("clientName 257 chars", L("1.1", "1.7"), d => d.ClientName = Defs.Repeat('n', 257), "clientName", NameCode);

        // publicKey (§3.1): required; EC only from 1.7; blank alg/use refused from 1.8.
        Es("publicKey missing", allLines, d => d.PublicKey = null, "publicKey", KeyCode);
        Es("EC key before 1.7", L("1.0", "1.1", "1.2", "1.4", "1.5", "1.6"), d => d.PublicKey = Defs.Ec, "publicKey", KeyCode);
        Es("JWK with blank alg", L("1.8"), d => d.PublicKey = Defs.RsaWith(j => j["alg"] = ""), "publicKey", KeyCode);
        Es("JWK with blank use", L("1.8"), d => d.PublicKey = Defs.RsaWith(j => j["use"] = ""), "publicKey", KeyCode);

        // Accepted by the server (§3.1: no check of use/alg values) but unusable for private_key_jwt (§3.3, §6.2):
        // the module refuses them with its own codes, as an immutable, useless client cannot be fixed later.
        Es("key with use enc", L("1.0", "1.8"), d => d.PublicKey = Defs.RsaWith(j => j["use"] = "enc"), "publicKey", "KeyNotForSigning");
        Es("encryption key (RSA-OAEP-256, enc)", L("1.5"), d => d.PublicKey = Defs.Enc, "publicKey", "KeyNotForSigning");
        Es("alg PS256 before 1.7", L("1.2", "1.6"), d => d.PublicKey = Defs.RsaWith(j => j["alg"] = "PS256"), "publicKey", "AlgorithmNotAccepted");
        Es("alg RS512 on 1.8", L("1.8"), d => d.PublicKey = Defs.RsaWith(j => j["alg"] = "RS512"), "publicKey", "AlgorithmNotAccepted");

        // logoUri: @NotBlank + Hibernate @URL (a protocol java.net.URL knows).
        Es("logoUri blank", L("1.0", "1.8"), d => d.LogoUri = "", "logoUri", UriCode);
        Es("logoUri missing", L("1.4"), d => d.LogoUri = null, "logoUri", UriCode);
        Es("logoUri whitespace", L("1.6"), d => d.LogoUri = "  ", "logoUri", UriCode);
        Es("logoUri without scheme", L("1.1", "1.5", "1.7"), d => d.LogoUri = "portal.example.org/logo.png", "logoUri", UriCode);
        Es("logoUri with unknown protocol", L("1.2", "1.8"), d => d.LogoUri = "foo://portal.example.org/logo.png", "logoUri", UriCode);

        // redirectUris: @Size(1..5), elements @NotBlank + @URL (1.0-1.1) / commons UrlValidator (1.2+) (§2.6).
        Es("no redirect URI", L("1.0", "1.8"), d => d.RedirectUris = new List<string>(), "redirectUris", RedirectCode);
        Es("6 redirect URIs", L("1.2", "1.7"), d => d.RedirectUris = Uris(6), "redirectUris", RedirectCode);
        Es("blank redirect URI element", L("1.0", "1.8"), d => d.RedirectUris = new List<string> { Defs.Redirect, "" }, "redirectUris", RedirectCode);
        Es("redirect URI with a space", L("1.2", "1.5", "1.8"), d => d.RedirectUris = new List<string> { "https://portal.example.org/auth oauth/signin" }, "redirectUris", RedirectCode);
        Es("wildcard host", L("1.2", "1.6", "1.8"), d => d.RedirectUris = new List<string> { "https://*.example.org/cb" }, "redirectUris", RedirectCode);
        Es("custom scheme before 1.2", L("1.0", "1.1"), d => d.RedirectUris = new List<string> { "io.mosip.residentapp://oauth" }, "redirectUris", RedirectCode);
        Es("scheme without authority myapp:/cb", L("1.0", "1.4", "1.8"), d => d.RedirectUris = new List<string> { "myapp:/cb" }, "redirectUris", RedirectCode);
        Es("redirect URI without scheme", L("1.7"), d => d.RedirectUris = new List<string> { "portal.example.org/auth_oauth/signin" }, "redirectUris", RedirectCode);

        // grantTypes: @Size(1..3), elements in {authorization_code}; code renamed in 1.7 (§4).
        E("grant type client_credentials", allLines, OidcClient, d => d.GrantTypes = new List<string> { "client_credentials" }, "grantTypes", GrantCode);
        E("no grant type", L("1.0", "1.6", "1.7", "1.8"), OidcClient, d => d.GrantTypes = new List<string>(), "grantTypes", GrantCode);
        E("4 grant types", L("1.1", "1.8"), OidcClient, d => d.GrantTypes = Enumerable.Repeat("authorization_code", 4).ToList(), "grantTypes", GrantCode);

        // clientAuthMethods: @Size(1..3), elements in {private_key_jwt}.
        Es("auth method client_secret_basic", L("1.0", "1.5", "1.8"), d => d.ClientAuthMethods = new List<string> { "client_secret_basic" }, "clientAuthMethods", AuthCode);
        Es("no auth method", L("1.4"), d => d.ClientAuthMethods = new List<string>(), "clientAuthMethods", AuthCode);

        // userClaims: @Size(max=30), elements in claims_supported (§2.5).
        Es("unknown claim given_name", L("1.0", "1.8"), d => d.UserClaims.Add("given_name"), "userClaims", ClaimCode);
        Es("blank claim", L("1.6"), d => d.UserClaims.Add(""), "userClaims", ClaimCode);
        Es("31 claims", L("1.4", "1.8"), d => d.UserClaims = Enumerable.Range(0, 31).Select(i => Defs.OpenG2PClaims[i % 7]).ToList(), "userClaims", ClaimCode);

        // authContextRefs: @Size(1..30); each element split on single spaces, every token supported (§2.5).
        Es("unknown ACR", L("1.0", "1.8"), d => d.AuthContextRefs.Add("mosip:idp:acr:unknown"), "authContextRefs", AcrCode);
        Es("no ACR", L("1.2", "1.7"), d => d.AuthContextRefs = new List<string>(), "authContextRefs", AcrCode);
        Es("ACRs joined by a double space", L("1.5"), d => d.AuthContextRefs = new List<string> { "mosip:idp:acr:biometrics  mosip:idp:acr:generated-code" }, "authContextRefs", AcrCode);
        Es("ACR \"null\"", L("1.6"), d => d.AuthContextRefs = new List<string> { "null" }, "authContextRefs", AcrCode);
        Es("ACR knowledge before 1.5", L("1.4"), d => d.AuthContextRefs.Add("mosip:idp:acr:knowledge"), "authContextRefs", AcrCode);

        // clientNameLangMap (§2.2) on oauth-client.
        E("oauth-client without a name map up to 1.5", L("1.2", "1.4", "1.5"), OAuthClient, d => d.ClientNameLangMap.Clear(), "clientNameLangMap", _ => NameCode);
        E("name map key fre", L("1.4", "1.5", "1.6", "1.8"), OAuthClient, d => d.ClientNameLangMap["fre"] = "Portail", "clientNameLangMap", _ => LangCode);
        E("name map key fre on /client", L("1.7"), Client, d => d.ClientNameLangMap["fre"] = "Portail", "clientNameLangMap", _ => LangCode);
        E("name map key xx", L("1.2", "1.8"), OAuthClient, d => d.ClientNameLangMap["xx"] = "Portal", "clientNameLangMap", _ => LangCode);
        E("name map key @none", L("1.4"), OAuthClient, d => d.ClientNameLangMap["@none"] = "Portal", "clientNameLangMap", _ => LangCode);
        E("name map blank value", L("1.2", "1.5", "1.8"), OAuthClient, d => d.ClientNameLangMap["eng"] = " ", "clientNameLangMap", _ => LangValueCode);
        E("name map 51-char value", L("1.6", "1.7", "1.8"), OAuthClient, d => d.ClientNameLangMap["eng"] = Defs.Repeat('p', 51), "clientNameLangMap", _ => LangLengthCode);
        E("name map 51-char value on /client", L("1.8"), Client, d => d.ClientNameLangMap["eng"] = Defs.Repeat('p', 51), "clientNameLangMap", _ => LangLengthCode);

        // A member the endpoint's DTO lacks: unknown_error (§2.9).
        Es("name map sent to oidc-client", L("1.4"), d => d.ClientNameLangMap["eng"] = "Portal", "clientNameLangMap", "unknown_error");
        E("additionalConfig sent to oauth-client", L("1.8"), OAuthClient, d => d.AdditionalConfigJson = "{}", "additionalConfig", _ => "unknown_error");

        // The endpoint is missing on the line (a 404/405 on the real server): the module's own code.
        E("oauth-client on a line without it", L("1.0", "1.1"), OAuthClient, _ => { }, "clientNameLangMap", _ => "EndpointNotOnLine");
        E("/client on a line without it", L("1.5"), Client, _ => { }, "additionalConfig", _ => "EndpointNotOnLine");

        // additionalConfig (§2.3): closed schema, members per line.
        void Cfg(string what, string[] lines, string json) =>
            E("additionalConfig " + what, lines, Client, d => d.AdditionalConfigJson = json, "additionalConfig", _ => ConfigCode);
        Cfg("unknown member", L("1.6", "1.8"), "{\"theme\":\"dark\"}");
        Cfg("require_pkce before 1.8", L("1.6", "1.7"), "{\"require_pkce\":true}");
        Cfg("require_pushed_authorization_requests before 1.7", L("1.6"), "{\"require_pushed_authorization_requests\":true}");
        Cfg("consent_expire_in_mins 5", L("1.6", "1.8"), "{\"consent_expire_in_mins\":5}");
        Cfg("purpose without type", L("1.7"), "{\"purpose\":{\"title\":{\"@none\":\"Sign in\"}}}");
        Cfg("purpose type unknown", L("1.8"), "{\"purpose\":{\"type\":\"register\"}}");
        Cfg("purpose title without @none", L("1.8"), "{\"purpose\":{\"type\":\"login\",\"title\":{\"eng\":\"Sign in\"}}}");
        Cfg("userinfo_response_type XYZ", L("1.6", "1.8"), "{\"userinfo_response_type\":\"XYZ\"}");
        Cfg("signup_banner_required as text", L("1.7"), "{\"signup_banner_required\":\"yes\"}");
        Cfg("an array, not an object", L("1.8"), "[\"JWS\"]");
        Cfg("a string, not an object", L("1.6"), "\"JWS\"");

        // Database columns behind the API (§2.8). The create paths that catch DataIntegrityViolationException
        // (E1 /oidc-client from 1.4.0, E5 /client from 1.7.0) answer duplicate_public_key; all others unknown_error.
        List<string> LongUris() => Enumerable.Range(1, 5).Select(i => $"https://portal.example.org/{i}/" + Defs.Repeat('a', 420)).ToList();
        E("redirectUris over the 2048 column", L("1.8"), OidcClient, d => d.RedirectUris = LongUris(), "redirectUris", _ => "duplicate_public_key");
        E("redirectUris over the 2048 column", L("1.8"), OAuthClient, d => d.RedirectUris = LongUris(), "redirectUris", _ => "unknown_error");
        E("redirectUris over the 2048 column", L("1.8"), Client, d => d.RedirectUris = LongUris(), "redirectUris", _ => "duplicate_public_key");
        E("logoUri over the 2048 column", L("1.2"), OidcClient, d => d.LogoUri = "https://portal.example.org/" + Defs.Repeat('l', 2030), "logoUri", _ => "unknown_error");
        E("logoUri over the 2048 column", L("1.4"), OidcClient, d => d.LogoUri = "https://portal.example.org/" + Defs.Repeat('l', 2030), "logoUri", _ => "duplicate_public_key");
        E("name map over the 256 name column", L("1.5"), OAuthClient, d => FillNames(d, 5), "clientNameLangMap", _ => "unknown_error");
        E("name map over the 600 name column", L("1.6"), Client, d => FillNames(d, 13), "clientNameLangMap", _ => "unknown_error");
        E("name map over the 600 name column", L("1.8"), Client, d => FillNames(d, 13), "clientNameLangMap", _ => "duplicate_public_key");

        // PMS bean validation (pms-api.md §4.1, §4.2): PMS_COR_001; what PMS forwards fails with eSignet's code.
        P("name blank", "1.2.0", "1.4", PmsOidcClient, d => d.ClientName = " ", "name", Pms);
        P("name 257 chars", "1.2.2", "1.8", PmsOidcClient, d => d.ClientName = Defs.Repeat('n', 257), "name", Pms);
        P("policyId blank", "1.2.0", "1.4", PmsOidcClient, d => d.PolicyId = "", "policyId", Pms);
        P("policyId missing", "1.2.2", "1.8", PmsOidcClient, d => d.PolicyId = null, "policyId", Pms);
        P("policyId 37 chars", "1.2.2", "1.6", PmsOidcClient, d => d.PolicyId = Defs.Repeat('p', 37), "policyId", Pms);
        P("authPartnerId blank", "1.2.0", "1.4", PmsOidcClient, d => d.AuthPartnerId = "  ", "authPartnerId", Pms);
        P("authPartnerId 101 chars", "1.2.2", "1.8", PmsOidcClient, d => d.AuthPartnerId = Defs.Repeat('a', 101), "authPartnerId", Pms);
        P("authPartnerId with a space (eSignet relyingPartyId rule)", "1.2.0", "1.4", PmsOidcClient, d => d.AuthPartnerId = "openg2p auth", "authPartnerId", RpCode);
        P("no public key", "1.2.0", "1.4", PmsOidcClient, d => d.PublicKey = null, "publicKey", Pms);
        P("no public key", "1.2.2", "1.8", PmsOidcClient, d => d.PublicKey = null, "publicKey", Pms);
        P("EC key forwarded to eSignet 1.6", "1.2.2", "1.6", PmsOidcClient, d => d.PublicKey = Defs.Ec, "publicKey", KeyCode);
        P("no logo", "1.2.0", "1.4", PmsOidcClient, d => d.LogoUri = null, "logoUri", Pms);
        P("logo without scheme", "1.2.2", "1.8", PmsOidcClient, d => d.LogoUri = "portal.example.org/logo.png", "logoUri", Pms);
        P("logo 2049 chars (@Size(max=2048))", "1.2.2", "1.8", PmsOidcClient, d => d.LogoUri = "https://portal.example.org/" + Defs.Repeat('l', 2049 - 27), "logoUri", Pms);
        P("no redirect URI", "1.2.0", "1.4", PmsOidcClient, d => d.RedirectUris = new List<string>(), "redirectUris", Pms);
        P("6 redirect URIs", "1.2.2", "1.8", PmsOidcClient, d => d.RedirectUris = Uris(6), "redirectUris", Pms);
        P("wildcard-host redirect URI (eSignet rule)", "1.2.2", "1.8", PmsOidcClient, d => d.RedirectUris = new List<string> { "https://*.example.org/cb" }, "redirectUris", RedirectCode);
        P("no grant type", "1.2.0", "1.4", PmsOidcClient, d => d.GrantTypes = new List<string>(), "grantTypes", Pms);
        P("grant type client_credentials", "1.2.0", "1.4", PmsOidcClient, d => d.GrantTypes = new List<string> { "client_credentials" }, "grantTypes", "invalid_grant_type");
        P("grant type client_credentials", "1.2.2", "1.8", PmsOidcClient, d => d.GrantTypes = new List<string> { "client_credentials" }, "grantTypes", "unsupported_grant_type");
        P("4 auth methods", "1.2.2", "1.8", PmsOidcClient, d => d.ClientAuthMethods = Enumerable.Repeat("private_key_jwt", 4).ToList(), "clientAuthMethods", Pms);
        P("auth method client_secret_basic", "1.2.0", "1.4", PmsOidcClient, d => d.ClientAuthMethods = new List<string> { "client_secret_basic" }, "clientAuthMethods", AuthCode);
        P("oauth/client without a name map", "1.2.2", "1.8", PmsOAuthClient, d => d.ClientNameLangMap.Clear(), "clientNameLangMap", Pms);
        P("oauth/client map key of 2 letters", "1.2.2", "1.8", PmsOAuthClient, d => d.ClientNameLangMap["fr"] = "Portail", "clientNameLangMap", Pms);
        P("oauth/client blank map value", "1.2.2", "1.8", PmsOAuthClient, d => d.ClientNameLangMap["eng"] = "", "clientNameLangMap", Pms);
        P("oauth/client map key fre (eSignet rule)", "1.2.2", "1.8", PmsOAuthClient, d => d.ClientNameLangMap["fre"] = "Portail", "clientNameLangMap", LangCode);

        return all;
    }

    /// <summary>n names of 50 characters (allowed each) whose stored JSON (map + @none) overflows the name column.</summary>
    private static void FillNames(ClientDefinition d, int n)
    {
        string[] langs = { "eng", "fra", "ara", "hin", "khm", "spa", "por", "deu", "ita", "nld", "swe", "pol", "tur", "rus" };
        d.ClientNameLangMap.Clear();
        foreach (string l in langs.Take(n)) d.ClientNameLangMap[l] = Defs.Repeat('x', 50);
    }
}
