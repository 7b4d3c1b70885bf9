using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Esignet.Sandbox.Hosting;
using Esignet.Sandbox.Tests.Infrastructure;

namespace Esignet.Sandbox.Tests;

/// <summary>PMS OIDC client API (pms-api.md §2–§9): wrappers, the ordered create checks, update, get, list, cookie auth.</summary>
public sealed class PmsTests
{
    public static TheoryData<string, string, string?, string?> CreateErrorCases() => new()
    {
        // pmsVersion, case, errorCode, message
        { "1.2.2", "name= ", "PMS_COR_001", "Invalid request parameter - must not be blank :request.name" },
        { "1.2.0", "policyId=null", "PMS_COR_001", "Invalid request parameter - must not be blank :request.policyId" },
        { "1.2.2", "publicKey={}", "PMS_COR_001", "Invalid request parameter - must not be empty :request.publicKey" },
        { "1.2.2", "logoUri=not a url", "PMS_COR_001", "Invalid request parameter - must be a valid URL :request.logoUri" },
        { "1.2.2", "redirectUris=[]", "PMS_COR_001", "Invalid request parameter - size must be between 1 and 5 :request.redirectUris" },
        { "1.2.2", "badkey", "PMS_ESI_007", "Failed to process the Public Key" },
        { "1.2.0", "badkey", null, null },
        { "1.2.2", "partner=nobody", "PMS_PRT_058", "AuthPartner doesn't exists with this Id - nobody." },
        { "1.2.0", "partner=device-provider-partner", "PMS_PRT_059", "Only Auth_partner can Create OIDC Client. Device_Provider is not allowed to create OIDC Client." },
        { "1.2.2", "partner=inactive-auth-partner", "PMS_PMP_016", "Partner is not active." },
        { "1.2.2", "policy=nothing", "PMS_PRT_073", "Policy not exists." },
        { "1.2.0", "policy=datashare-policy", "PMS_PRT_057", "Policy Type Mismatch. Only Auth policy can be used to create OIDC Client." },
        { "1.2.2", "policy=unmapped-auth-policy", "PMS_PRT_061", "Partner policy mapping not exists." },
        { "1.2.2", "policy=pending-auth-policy", "PMS_ESI_002", "Partner policy mapping is not approved. Please check mapping status." },
        { "1.2.0", "policy=pending-auth-policy", "PMS_IDP_002", "Partner policy mapping is not approved. Please check mapping status." },
        { "1.2.2", "partner=admin-created-partner", "PMS_ESI_002", "Partner policy mapping is not approved. Please check mapping status." },
        { "1.2.2", "policy=no-claims-auth-policy", "PMS_ESI_005", "Partner has no user claims" },
        { "1.2.0", "policy=no-claims-auth-policy", "PMS_IDP_005", "Partner has no user claims" },
        { "1.2.2", "policy=mandatory-auth-policy", "PMS_ESI_003", "Policy having mandatory auths. So client can't be created for the same." },
        { "1.2.0", "policy=mandatory-auth-policy", "PMS_IDP_003", "Policy having mandatory auths. So client can't be created for the same." },
        { "1.2.2", "policy=no-acr-auth-policy", "PMS_ESI_006", "Partner has no Authentication Context Refrences" },
        { "1.2.0", "policy=no-acr-auth-policy", "PMS_IDP_005", "Partner has no Authentication Context Refrences" },
        { "1.2.2", "redirectUris=not a uri", "invalid_redirect_uri", "request.redirectUris[0]: invalid_redirect_uri" },
        { "1.2.2", "grantTypes=client_credentials", "unsupported_grant_type", "request.grantTypes[0]: unsupported_grant_type" },
        { "1.2.0", "clientAuthMethods=client_secret_basic", "invalid_client_auth", "request.clientAuthMethods[0]: invalid_client_auth" },
        // check order: the partner is looked at before the policy, the duplicate key before both
        { "1.2.2", "partner=nobody;policy=nothing", "PMS_PRT_058", "AuthPartner doesn't exists with this Id - nobody." },
    };

    [Theory]
    [MemberData(nameof(CreateErrorCases))]
    public async Task Create_fails_with_the_catalogue_error(string pmsVersion, string change, string? code, string? message)
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8", pmsVersion);
        var body = Bodies.PmsCreate();
        var request = body["request"]!.AsObject();
        foreach (var part in change.Split(';'))
        {
            if (part == "badkey") { request["publicKey"] = new JsonObject { ["kty"] = "RSA", ["e"] = "AQAB" }; continue; }
            var (name, value) = (part[..part.IndexOf('=')], part[(part.IndexOf('=') + 1)..]);
            if (name == "partner") request["authPartnerId"] = value;
            else if (name == "policy") request["policyId"] = value;
            else EsignetCreateErrorTests.Apply(request, part);
        }
        var json = await sandbox.PmsAsync(HttpMethod.Post, "oidc/client", body, await sandbox.AuthManagerTokenAsync());
        Assert.Equal((code, message), JsonAssert.PmsError(json));
        Assert.Empty(sandbox.Host.PmsClients.Snapshot());
        Assert.Empty(sandbox.Host.EsignetClients.Snapshot());
    }

    [Fact]
    public async Task Error_bodies_have_the_handler_specific_id_and_version()
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8");
        var token = await sandbox.AuthManagerTokenAsync();
        var business = Bodies.PmsCreate(partnerId: "nobody");
        var json = await sandbox.PmsAsync(HttpMethod.Post, "oidc/client", business, token);
        Assert.Equal("mosip.partnermanagement", json.GetProperty("id").GetString());
        Assert.Equal("1.0", json.GetProperty("version").GetString());

        var invalid = Bodies.PmsCreate();
        invalid["request"]!["name"] = "";
        var validation = await sandbox.PmsAsync(HttpMethod.Post, "oidc/client", invalid, token);
        Assert.Equal(JsonValueKind.Null, validation.GetProperty("id").ValueKind);
        Assert.Equal(["id", "version", "metadata", "response", "responsetime", "errors"], validation.EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Theory]
    [InlineData("1.2.2", "PMS_ESI_001")]
    [InlineData("1.2.0", "PMS_IDP_001")]
    public async Task A_second_create_with_the_same_key_is_refused_before_any_partner_check(string pmsVersion, string code)
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8", pmsVersion);
        var token = await sandbox.AuthManagerTokenAsync();
        var jwk = TestKeys.NewRsaJwk();
        var first = await sandbox.PmsAsync(HttpMethod.Post, "oidc/client", Bodies.PmsCreate(jwk), token);
        Assert.Equal("ACTIVE", first.GetProperty("response").GetProperty("status").GetString());
        var second = await sandbox.PmsAsync(HttpMethod.Post, "oidc/client", Bodies.PmsCreate(jwk.DeepClone().AsObject(), partnerId: "nobody"), token);
        Assert.Equal((code, "Client public key already exists."), JsonAssert.PmsError(second));
    }

    [Fact]
    public async Task A_create_reaches_esignet_with_the_policy_derived_claims_and_acrs()
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8");
        var json = await sandbox.PmsAsync(HttpMethod.Post, "oidc/client", Bodies.PmsCreate(), await sandbox.AuthManagerTokenAsync());
        var clientId = json.GetProperty("response").GetProperty("clientId").GetString()!;
        Assert.Equal(JsonValueKind.Null, json.GetProperty("id").ValueKind);
        var esignet = Assert.Single(sandbox.Host.EsignetClients.Snapshot());
        Assert.Equal(clientId, esignet.ClientId);
        Assert.Equal("openg2p-auth-partner", esignet.RelyingPartyId);
        Assert.Equal(Bodies.OpenG2pClaims.Order(), esignet.UserClaims.Order());
        Assert.Equal(new[] { "mosip:idp:acr:biometrics", "mosip:idp:acr:generated-code", "mosip:idp:acr:linked-wallet" }, esignet.AuthContextRefs.Order());
        Assert.Single(sandbox.Host.PmsClients.Snapshot());
    }

    [Theory]
    [InlineData("1.2.2", "PMS_ESI_004")]
    [InlineData("1.2.0", "PMS_IDP_004")]
    public async Task Get_returns_the_client_detail_or_not_found(string pmsVersion, string notFound)
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8", pmsVersion);
        var token = await sandbox.AuthManagerTokenAsync();
        var id = (await sandbox.PmsAsync(HttpMethod.Post, "oidc/client", Bodies.PmsCreate(), token)).GetProperty("response").GetProperty("clientId").GetString()!;
        var detail = (await sandbox.PmsAsync(HttpMethod.Get, $"oidc/client/{id}", null, token)).GetProperty("response");
        Assert.Equal(id, detail.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.String, detail.GetProperty("publicKey").ValueKind);
        Assert.Equal("openg2p-auth-policy", detail.GetProperty("policyName").GetString());
        Assert.Contains("picture", detail.GetProperty("claims").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal((notFound, "Client not exists with given id."), JsonAssert.PmsError(await sandbox.PmsAsync(HttpMethod.Get, "oidc/client/nope", null, token)));
    }

    [Fact]
    public async Task The_token_is_read_only_from_the_Authorization_cookie()
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8");
        var token = await sandbox.AuthManagerTokenAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/partnermanager/oidc/client") { Content = TestSandbox.Json(Bodies.PmsCreate()) };
        request.Headers.Authorization = new("Bearer", token);
        using var bearerOnly = await sandbox.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, bearerOnly.StatusCode);
        Assert.Equal(("KER-ATH-401", "Authentication Failed"), JsonAssert.PmsError(await bearerOnly.Content.ReadFromJsonAsync<JsonElement>()));

        using var expired = await sandbox.SendPmsAsync(HttpMethod.Post, "oidc/client", Bodies.PmsCreate(), await sandbox.MintTokenAsync("", lifetimeSeconds: -1, roles: "PARTNER_ADMIN"));
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        using var keycloakToken = await sandbox.SendPmsAsync(HttpMethod.Post, "oidc/client", Bodies.PmsCreate(), await sandbox.KeycloakTokenAsync("mosip-pms-client"));
        Assert.Equal(HttpStatusCode.OK, keycloakToken.StatusCode);
    }

    [Theory]
    [InlineData("mosip-idrepo-client", "PMS_CERTIFICATE_ERROR_002", "User Id does not exists.")]
    [InlineData("other-partner-user", "PMS_POLICY_ERROR_009", "The given partner ID does not belong to the user.So unable to create OIDC client")]
    public async Task On_1_2_2_non_admin_callers_must_own_the_partner(string account, string code, string message)
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8", "1.2.2");
        var json = await sandbox.PmsAsync(HttpMethod.Post, "oidc/client", Bodies.PmsCreate(), await sandbox.KeycloakTokenAsync(account));
        Assert.Equal((code, message), JsonAssert.PmsError(json));
    }

    [Theory]
    [InlineData("openg2p-partner-user", null)]
    [InlineData("other-partner-user", "PMS_POLICY_ERROR_011")]
    public async Task On_1_2_2_get_checks_ownership(string account, string? code)
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8", "1.2.2");
        var owner = await sandbox.KeycloakTokenAsync("openg2p-partner-user");
        var id = (await sandbox.PmsAsync(HttpMethod.Post, "oidc/client", Bodies.PmsCreate(), owner)).GetProperty("response").GetProperty("clientId").GetString()!;
        var json = await sandbox.PmsAsync(HttpMethod.Get, $"oidc/client/{id}", null, await sandbox.KeycloakTokenAsync(account));
        if (code is null) Assert.Equal(id, json.GetProperty("response").GetProperty("id").GetString());
        else Assert.Equal(code, JsonAssert.PmsError(json).Code);
    }

    [Theory]
    [InlineData("1.2.0", true)]
    [InlineData("1.2.2", false)]
    public async Task Only_1_2_2_checks_that_the_partner_is_active(string pmsVersion, bool created)
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8", pmsVersion);
        var json = await sandbox.PmsAsync(HttpMethod.Post, "oidc/client", Bodies.PmsCreate(partnerId: "inactive-auth-partner"), await sandbox.AuthManagerTokenAsync());
        Assert.Equal(created, json.GetProperty("errors").GetArrayLength() == 0);
    }

    [Fact]
    public async Task The_feature_flag_off_gives_PMS_FEATURE_002()
    {
        await using var sandbox = await TestSandbox.StartAsync(new SandboxSettings { PmsOidcFeatureAvailable = false });
        var json = await sandbox.PmsAsync(HttpMethod.Post, "oidc/client", Bodies.PmsCreate(), await sandbox.AuthManagerTokenAsync());
        Assert.Equal(("PMS_FEATURE_002", "OIDC client related features are not available in the current deployment."), JsonAssert.PmsError(json));
    }

    [Theory]
    [InlineData("{bad json", 400)]
    [InlineData("{\"requesttime\":\"2024-01-01T00:00:00Z\",\"request\":{}}", 400)]
    public async Task Unreadable_bodies_are_400_with_no_body(string raw, int status)
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8");
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/partnermanager/oidc/client") { Content = new StringContent(raw, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Cookie", "Authorization=" + await sandbox.AuthManagerTokenAsync());
        using var response = await sandbox.Http.SendAsync(request);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Unknown_wrapper_members_are_ignored_and_requesttime_is_optional()
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8");
        var body = Bodies.PmsCreate();
        body.Remove("requesttime");
        body["requestTime"] = "whatever"; // the onboarder's camelCase member: ignored
        var json = await sandbox.PmsAsync(HttpMethod.Post, "oidc/client", body, await sandbox.AuthManagerTokenAsync());
        Assert.Equal("ACTIVE", json.GetProperty("response").GetProperty("status").GetString());
    }

    [Fact]
    public async Task On_1_2_2_a_status_change_updates_only_the_status_and_an_inactive_client_is_frozen()
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8", "1.2.2");
        var token = await sandbox.AuthManagerTokenAsync();
        var id = (await sandbox.PmsAsync(HttpMethod.Post, "oidc/client", Bodies.PmsCreate(), token)).GetProperty("response").GetProperty("clientId").GetString()!;
        var update = await sandbox.PmsAsync(HttpMethod.Put, $"oidc/client/{id}", Bodies.PmsUpdate("inactive"), token);
        Assert.Equal("INACTIVE", update.GetProperty("response").GetProperty("status").GetString());
        var stored = sandbox.Host.PmsClients.Snapshot().Single();
        Assert.Equal("https://example.org/logo.png", stored.LogoUri); // not the update's logo2
        Assert.Equal("INACTIVE", sandbox.Host.EsignetClients.Snapshot().Single().Status);
        var again = await sandbox.PmsAsync(HttpMethod.Put, $"oidc/client/{id}", Bodies.PmsUpdate("ACTIVE"), token);
        Assert.Equal(("PMS_ESI_008", "Client already deactivated."), JsonAssert.PmsError(again));
        Assert.Equal("PMS_ESI_004", JsonAssert.PmsError(await sandbox.PmsAsync(HttpMethod.Put, "oidc/client/nope", Bodies.PmsUpdate(), token)).Code);
    }

    [Fact]
    public async Task On_1_2_0_an_update_replaces_the_fields_and_validation_uses_the_update_dto()
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8", "1.2.0");
        var token = await sandbox.AuthManagerTokenAsync();
        var id = (await sandbox.PmsAsync(HttpMethod.Post, "oidc/client", Bodies.PmsCreate(), token)).GetProperty("response").GetProperty("clientId").GetString()!;
        await sandbox.PmsAsync(HttpMethod.Put, $"oidc/client/{id}", Bodies.PmsUpdate("INACTIVE"), token);
        await sandbox.PmsAsync(HttpMethod.Put, $"oidc/client/{id}", Bodies.PmsUpdate("ACTIVE"), token);
        Assert.Equal("https://example.org/logo2.png", sandbox.Host.PmsClients.Snapshot().Single().LogoUri);
        var invalid = Bodies.PmsUpdate("RETIRED");
        Assert.Equal(("PMS_COR_001", "Invalid request parameter - must match \"(ACTIVE)|(INACTIVE)\" :request.status"), JsonAssert.PmsError(await sandbox.PmsAsync(HttpMethod.Put, $"oidc/client/{id}", invalid, token)));
    }

    [Fact]
    public async Task The_oauth_endpoints_exist_only_on_1_2_2()
    {
        await using (var old = await TestSandbox.StartAsync("1.8", "1.2.0"))
        {
            using var response = await old.SendPmsAsync(HttpMethod.Post, "oauth/client", Bodies.PmsCreate(langMap: true), await old.AuthManagerTokenAsync());
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        await using var sandbox = await TestSandbox.StartAsync("1.8", "1.2.2");
        var token = await sandbox.AuthManagerTokenAsync();
        var noMap = Bodies.PmsCreate();
        Assert.Equal("Invalid request parameter - must not be empty :request.clientNameLangMap", JsonAssert.PmsError(await sandbox.PmsAsync(HttpMethod.Post, "oauth/client", noMap, token)).Message);
        var id = (await sandbox.PmsAsync(HttpMethod.Post, "oauth/client", Bodies.PmsCreate(langMap: true), token)).GetProperty("response").GetProperty("clientId").GetString()!;
        var detail = (await sandbox.PmsAsync(HttpMethod.Get, $"oauth/client/{id}", null, token)).GetProperty("response");
        var name = JsonNode.Parse(detail.GetProperty("name").GetString()!)!;
        Assert.Equal("OpenG2P portal", name["@none"]!.GetValue<string>());
        Assert.Equal("OpenG2P portal", name["eng"]!.GetValue<string>());
        Assert.Equal("POST /v1/esignet/client-mgmt/oauth-client".Replace("POST /v1/esignet/client-mgmt", "PMS POST /v1/partnermanager").Replace("oauth-client", "oauth/client"), sandbox.Host.EsignetClients.Snapshot().Single().CreatedThrough);
        var updated = await sandbox.PmsAsync(HttpMethod.Put, $"oauth/client/{id}", Bodies.PmsUpdate(langMap: true), token);
        Assert.Equal("ACTIVE", updated.GetProperty("response").GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_list_shows_the_caller_s_clients_and_needs_a_partner_role()
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8", "1.2.2");
        var admin = await sandbox.AuthManagerTokenAsync();
        await sandbox.PmsAsync(HttpMethod.Post, "oidc/client", Bodies.PmsCreate(), admin);
        await sandbox.PmsAsync(HttpMethod.Post, "oidc/client", Bodies.PmsCreate(partnerId: "other-auth-partner"), admin);

        var all = await sandbox.PmsAsync(HttpMethod.Get, "oauth/client", null, admin);
        Assert.Equal("mosip.pms.oauth.partners.clients.get", all.GetProperty("id").GetString());
        Assert.True(all.TryGetProperty("responseTime", out _));
        Assert.Equal(2, all.GetProperty("response").GetProperty("totalResults").GetInt32());

        var own = await sandbox.PmsAsync(HttpMethod.Get, "oauth/client", null, await sandbox.KeycloakTokenAsync("other-partner-user"));
        var row = Assert.Single(own.GetProperty("response").GetProperty("data").EnumerateArray());
        Assert.Equal("other-auth-partner", row.GetProperty("partnerId").GetString());
        Assert.Equal("openg2p-policy-group", row.GetProperty("policyGroupName").GetString());

        var paged = await sandbox.PmsAsync(HttpMethod.Get, "oauth/client?pageNo=0&pageSize=1&sortFieldName=partnerId&sortType=ASC", null, admin);
        Assert.Equal("openg2p-auth-partner", Assert.Single(paged.GetProperty("response").GetProperty("data").EnumerateArray()).GetProperty("partnerId").GetString());

        using var forbidden = await sandbox.SendPmsAsync(HttpMethod.Get, "oauth/client", null, await sandbox.KeycloakTokenAsync("mosip-idrepo-client"));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("KER-ATH-403", JsonAssert.PmsError(await forbidden.Content.ReadFromJsonAsync<JsonElement>()).Code);
    }

    [Fact]
    public async Task A_failure_after_the_esignet_create_leaves_the_client_in_esignet_only_and_a_retry_is_duplicate_client_id()
    {
        await using var sandbox = await TestSandbox.StartAsync(new SandboxSettings { PmsPublishFailRate = 1 });
        var token = await sandbox.AuthManagerTokenAsync();
        var jwk = TestKeys.NewRsaJwk();
        Assert.Equal(("PMS_KKS_001", "Error while accessing the API.Please check the logs."), JsonAssert.PmsError(await sandbox.PmsAsync(HttpMethod.Post, "oidc/client", Bodies.PmsCreate(jwk), token)));
        Assert.Single(sandbox.Host.EsignetClients.Snapshot());
        Assert.Empty(sandbox.Host.PmsClients.Snapshot());

        sandbox.Host.Settings = sandbox.Host.Settings with { PmsPublishFailRate = 0 };
        var retry = await sandbox.PmsAsync(HttpMethod.Post, "oidc/client", Bodies.PmsCreate(jwk.DeepClone().AsObject()), token);
        Assert.Equal("duplicate_client_id", JsonAssert.PmsError(retry).Code);
    }
}
