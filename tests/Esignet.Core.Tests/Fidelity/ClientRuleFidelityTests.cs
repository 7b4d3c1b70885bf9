using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Esignet.Core.Definitions;
using Esignet.Core.Keys;
using Esignet.Core.Servers;
using Esignet.Core.Tests.Definitions;
using Esignet.Core.Versions;
using Esignet.Sandbox.Hosting;

namespace Esignet.Core.Tests.Fidelity;

/// <summary>
/// Issue 16: for each rule brought in line with the real server, Core's offline verdict and the sandbox's answer to
/// the very body Core would send (EsignetRequestBuilder.Create) must both be the expected one: accepted, or the
/// server's code. Only the set of codes is compared, never their order (rule 13: the server's order is unspecified).
/// </summary>
public sealed class ClientRuleFidelityTests : IClassFixture<ClientRuleFidelityTests.Sandboxes>
{
    private const string Khmer = "ក";  // U+1780, one character of the Khmer block
    private const string Arabic = "ع"; // U+0639
    private readonly Sandboxes _sandboxes;

    public ClientRuleFidelityTests(Sandboxes sandboxes) => _sandboxes = sandboxes;

    public static TheoryData<string, string, string, string?> Cases() => new()
    {
        // rule, line, endpoint (oidc | oauth | client), case name, expected code (null = accepted)
        // 1. Stored name length, counted as Jackson writes it (non-ASCII unescaped).
        { "1.5", "oauth", "khmer-40", null },
        { "1.5", "oauth", "khmer-name-overflows-256", "unknown_error" },
        { "1.6", "client", "khmer-name-fits-600", null },
        { "1.8", "client", "arabic-50-twice", null },
        { "1.8", "client", "arabic-51", "invalid_client_name_length" },
        // 2/3. Redirect URI hosts and paths.
        { "1.8", "oidc", "host=portal.ns.svc.cluster.local", "invalid_redirect_uri" },
        { "1.5", "oauth", "host=portal.internal", "invalid_redirect_uri" },
        { "1.8", "oidc", "host=rp.gov.kh", null },
        { "1.8", "oidc", "host=x.co.za", null },
        { "1.2", "oauth", "host=x.co.za", null },
        { "1.8", "client", "host=bücher.de", null },
        { "1.8", "oidc", "host=x.kids", "invalid_redirect_uri" },
        { "1.8", "oidc", "path=//cb", "invalid_redirect_uri" },
        { "1.8", "oidc", "path=/café", "invalid_redirect_uri" },
        { "1.8", "oidc", "host=10.0.0.01", "invalid_redirect_uri" },
        { "1.8", "oidc", "host=10.0.0.1", null },
        // 4. A logo URL with a line terminator.
        { "1.8", "oidc", "logo+\n", "invalid_uri" },
        { "1.5", "oidc", "logo+\r\n", "invalid_uri" },
        { "1.8", "client", "logo+\r", "invalid_uri" },
        // 5. ACRs: Java split(" ") then trim.
        { "1.8", "oidc", "acr=mosip:idp:acr:biometrics ", null },
        { "1.8", "oidc", "acr=mosip:idp:acr:biometrics mosip:idp:acr:generated-code", null },
        { "1.8", "oidc", "acr=mosip:idp:acr:biometrics\t", null },
        { "1.8", "oidc", "acr= mosip:idp:acr:biometrics", "invalid_acr" },
        { "1.8", "oidc", "acr=mosip:idp:acr:biometrics  mosip:idp:acr:generated-code", "invalid_acr" },
        { "1.8", "oidc", "acr=", "invalid_acr" },
        // 6. Null elements: tolerated in ACRs, refused in claims.
        { "1.8", "oidc", "acr+null", null },
        { "1.8", "oidc", "claims+null", "invalid_claim" },
        { "1.5", "oauth", "claims+null", "invalid_claim" },
        // 7. Language codes of the line's JVM.
        { "1.5", "oauth", "lang=nds", null },
        { "1.5", "oauth", "lang=bgc", "invalid_language_code" },
        { "1.8", "client", "lang=bgc", null },
        { "1.8", "client", "lang=ivl", "invalid_language_code" },
        { "1.7", "client", "lang=", null },
        // Upstream's own api-test cases (api-test/src/main/resources/esignet/CreateOIDCClientV2/CreateOIDCClient.yml@v1.5.1).
        { "1.5", "oauth", "lang=mhsdfsfd", "invalid_language_code" },  // ESignet_CreateOIDCClientV2_Invalid_langCode_Size_Neg
        { "1.5", "oauth", "lang=abc", "invalid_language_code" },       // ESignet_CreateOIDCClientV2_Invalid_langCode_Neg
        { "1.5", "oauth", "langvalue=", "invalid_client_name_value" }, // ESignet_CreateOIDCClientV2_Invalid_clientNameLang_Neg
        { "1.5", "oauth", "no-langmap", "invalid_client_name" },       // ...missing clientNameLangMap
        { "1.5", "oauth", "lang=eng", null },
        // 8. 1.8 list columns measured on json-simple's text ('/' written as '\/').
        { "1.8", "client", "redirects-overflow-with-escaped-slashes", "duplicate_public_key" },
        { "1.8", "client", "redirects-fit-with-escaped-slashes", null },
        { "1.8", "oidc", "redirects-overflow-with-escaped-slashes", "duplicate_public_key" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Core_and_the_sandbox_agree_with_the_server(string line, string endpoint, string caseName, string? expected)
    {
        ClientEndpointKind kind = endpoint switch
        {
            "oidc" => ClientEndpointKind.OidcClient,
            "oauth" => ClientEndpointKind.OAuthClient,
            _ => ClientEndpointKind.Client,
        };
        ClientDefinition d = Defs.BaselineFor(ClientApi.Esignet, kind);
        d.ClientId = "fid-" + Guid.NewGuid().ToString("N");
        d.PublicKey = KeyFactory.Generate(new KeySpec()); // a key per case: the sandbox refuses a key twice
        Apply(d, caseName);
        string[] want = expected == null ? Array.Empty<string>() : new[] { expected };

        string[] core = DefinitionValidator.Validate(d, ValidationRules.ForEsignet(EsignetVersion.Parse(line)), kind)
            .Where(i => i.IsError).Select(i => i.Code).Distinct().OrderBy(c => c, StringComparer.Ordinal).ToArray();
        Assert.True(want.SequenceEqual(core), $"Core: [{string.Join(", ", core)}], expected [{string.Join(", ", want)}] for {caseName} on {line}.");

        string[] sandbox = await _sandboxes.CreateAsync(line, kind, EsignetRequestBuilder.Create(d, kind));
        Assert.True(want.SequenceEqual(sandbox), $"Sandbox: [{string.Join(", ", sandbox)}], expected [{string.Join(", ", want)}] for {caseName} on {line}.");
    }

    private static void Apply(ClientDefinition d, string caseName)
    {
        string Repeat(string s, int n) => string.Concat(Enumerable.Repeat(s, n));
        switch (caseName)
        {
            case "khmer-40":
                d.ClientName = Repeat(Khmer, 40);
                d.ClientNameLangMap.Clear();
                d.ClientNameLangMap["khm"] = Repeat(Khmer, 40);
                return;
            case "khmer-name-overflows-256":
                // {"khm":"<50>","@none":"<200>"} = 271 characters > 256.
                d.ClientName = Repeat(Khmer, 200);
                d.ClientNameLangMap.Clear();
                d.ClientNameLangMap["khm"] = Repeat(Khmer, 50);
                return;
            case "khmer-name-fits-600":
                d.ClientName = Repeat(Khmer, 250);
                d.ClientNameLangMap.Clear();
                d.ClientNameLangMap["khm"] = Repeat(Khmer, 50);
                d.ClientNameLangMap["eng"] = "Portal";
                return;
            case "arabic-50-twice":
                d.ClientNameLangMap.Clear();
                d.ClientNameLangMap["ara"] = Repeat(Arabic, 50);
                d.ClientNameLangMap["fas"] = Repeat(Arabic, 50);
                return;
            case "arabic-51":
                d.ClientNameLangMap["ara"] = Repeat(Arabic, 51);
                return;
            case "redirects-overflow-with-escaped-slashes":
            case "redirects-fit-with-escaped-slashes":
            {
                // Five URIs of 227 characters with 102 slashes each: 1,151 characters as JSON with "/", 1,661 with "\/"
                // (fits 2048); with 300 characters and 138 slashes: 1,516 and 2,206 (overflows).
                int segments = caseName.StartsWith("redirects-fit", StringComparison.Ordinal) ? 100 : 136;
                d.RedirectUris = Enumerable.Range(1, 5).Select(i => $"https://portal.example.org/{i}" + Repeat("/a", segments)).ToList();
                return;
            }
            case "langvalue=":
                d.ClientNameLangMap.Clear();
                d.ClientNameLangMap["eng"] = "";
                return;
            case "no-langmap":
                d.ClientNameLangMap.Clear();
                return;
            case "acr+null":
                d.AuthContextRefs.Add(null!);
                return;
            case "claims+null":
                d.UserClaims.Add(null!);
                return;
        }

        string value = caseName.Substring(caseName.IndexOfAny(new[] { '=', '+' }) + 1);
        if (caseName.StartsWith("host=", StringComparison.Ordinal)) d.RedirectUris = new List<string> { $"https://{value}/cb" };
        else if (caseName.StartsWith("path=", StringComparison.Ordinal)) d.RedirectUris = new List<string> { "https://portal.example.org" + value };
        else if (caseName.StartsWith("logo+", StringComparison.Ordinal)) d.LogoUri = Defs.Logo + value;
        else if (caseName.StartsWith("acr=", StringComparison.Ordinal)) d.AuthContextRefs = new List<string> { value };
        else if (caseName.StartsWith("lang=", StringComparison.Ordinal))
        {
            d.ClientNameLangMap.Clear();
            d.ClientNameLangMap[value] = "Portal";
        }
        else throw new ArgumentException("unknown case " + caseName);
    }

    /// <summary>One in-process sandbox per line, started on first use and shared by the cases of that line.</summary>
    public sealed class Sandboxes : IAsyncDisposable
    {
        private readonly Dictionary<string, Task<(SandboxHost Host, HttpClient Http, string Token)>> _byLine = new();
        private readonly object _gate = new();

        public async Task<string[]> CreateAsync(string line, ClientEndpointKind kind, string body)
        {
            Task<(SandboxHost, HttpClient, string)> start;
            lock (_gate)
            {
                if (!_byLine.TryGetValue(line, out start!)) _byLine[line] = start = StartAsync(line);
            }

            (SandboxHost _, HttpClient http, string token) = await start;
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/esignet/" + Esignet.Core.ClientApis.EsignetClientManagement.PathOf(kind)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using HttpResponseMessage response = await http.SendAsync(request);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            if (!json.RootElement.TryGetProperty("errors", out JsonElement errors) || errors.ValueKind != JsonValueKind.Array) return Array.Empty<string>();
            return errors.EnumerateArray().Select(e => e.GetProperty("errorCode").GetString()!).Distinct().OrderBy(c => c, StringComparer.Ordinal).ToArray();
        }

        private static async Task<(SandboxHost, HttpClient, string)> StartAsync(string line)
        {
            SandboxHost host = await SandboxHost.StartAsync(new SandboxSettings { EsignetVersion = line });
            var http = new HttpClient { BaseAddress = host.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
            using HttpResponseMessage token = await http.PostAsync("/auth/realms/mosip/protocol/openid-connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = "esignet-admin", ["client_secret"] = "sandbox-secret",
            }));
            token.EnsureSuccessStatusCode();
            using JsonDocument json = JsonDocument.Parse(await token.Content.ReadAsStringAsync());
            return (host, http, json.RootElement.GetProperty("access_token").GetString()!);
        }

        public async ValueTask DisposeAsync()
        {
            foreach (Task<(SandboxHost Host, HttpClient Http, string Token)> t in _byLine.Values)
            {
                (SandboxHost host, HttpClient http, string _) = await t;
                http.Dispose();
                await host.DisposeAsync();
            }
        }
    }
}
