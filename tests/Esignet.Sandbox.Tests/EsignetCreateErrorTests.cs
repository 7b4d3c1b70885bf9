using System.Text.Json.Nodes;
using Esignet.Sandbox.Tests.Infrastructure;

namespace Esignet.Sandbox.Tests;

/// <summary>Every create-side error code of esignet-api.md §4 that validation yields, per endpoint and line.</summary>
public sealed class EsignetCreateErrorTests
{
    public static TheoryData<string, string, string, string, string> FieldCases() => new()
    {
        // version, endpoint, mutation, code, errorMessage
        { "1.8", "oidc-client", "clientId=has space", "invalid_client_id", "request.clientId: invalid_client_id" },
        { "1.0", "oidc-client", "clientId=", "invalid_client_id", "request.clientId: invalid_client_id" },
        { "1.8", "client", "clientName= ", "invalid_client_name", "request.clientName: invalid_client_name" },
        { "1.8", "oidc-client", "publicKey={}", "invalid_public_key", "request.publicKey: invalid_public_key" },
        { "1.8", "oidc-client", "relyingPartyId=a b", "invalid_rp_id", "request.relyingPartyId: invalid_rp_id" },
        { "1.8", "oidc-client", "userClaims=given_name", "invalid_claim", "request.userClaims[0]: invalid_claim" },
        { "1.8", "oidc-client", "userClaims=null", "invalid_claim", "request.userClaims: invalid_claim" },
        { "1.8", "oidc-client", "authContextRefs=mosip:idp:acr:unknown", "invalid_acr", "request.authContextRefs[0]: invalid_acr" },
        { "1.8", "oidc-client", "authContextRefs=[]", "invalid_acr", "request.authContextRefs: invalid_acr" },
        { "1.8", "oidc-client", "logoUri=not a url", "invalid_uri", "request.logoUri: invalid_uri" },
        { "1.8", "oidc-client", "redirectUris=[]", "invalid_redirect_uri", "request.redirectUris: invalid_redirect_uri" },
        { "1.8", "client", "redirectUris=http://exa mple.com/x", "invalid_redirect_uri", "request.redirectUris[0]: invalid_redirect_uri" },
        { "1.1", "oidc-client", "redirectUris=residentapp://oauth", "invalid_redirect_uri", "request.redirectUris[0]: invalid_redirect_uri" },
        { "1.6", "client", "grantTypes=client_credentials", "invalid_grant_type", "request.grantTypes[0]: invalid_grant_type" },
        { "1.7", "client", "grantTypes=client_credentials", "unsupported_grant_type", "request.grantTypes[0]: unsupported_grant_type" },
        { "1.5", "oidc-client", "grantTypes=[]", "invalid_grant_type", "request.grantTypes: invalid_grant_type" },
        { "1.8", "oidc-client", "clientAuthMethods=client_secret_post", "invalid_client_auth", "request.clientAuthMethods[0]: invalid_client_auth" },
        { "1.3", "oauth-client", "clientNameLangMap.en=English", "invalid_language_code", "request.clientNameLangMap[en]: invalid_language_code" },
        { "1.5", "oauth-client", "clientNameLangMap.abc=Abc", "invalid_language_code", "request.clientNameLangMap[abc]: invalid_language_code" },
        { "1.8", "client", "clientNameLangMap.eng= ", "invalid_client_name_value", "request.clientNameLangMap[eng]: invalid_client_name_value" },
        { "1.6", "client", "clientNameLangMap.eng=LONG", "invalid_client_name_length", "request.clientNameLangMap[eng]: invalid_client_name_length" },
        { "1.5", "oauth-client", "clientNameLangMap=null", "invalid_client_name", "request.clientNameLangMap: invalid_client_name" },
        { "1.6", "client", "additionalConfig={\"unknown\":true}", "invalid_additional_config", "request.additionalConfig: invalid_additional_config" },
        { "1.7", "client", "additionalConfig={\"require_pkce\":true}", "invalid_additional_config", "request.additionalConfig: invalid_additional_config" },
        { "1.6", "client", "additionalConfig={\"consent_expire_in_mins\":5}", "invalid_additional_config", "request.additionalConfig: invalid_additional_config" },
    };

    [Theory]
    [MemberData(nameof(FieldCases))]
    public async Task A_field_violation_gives_its_code_and_path(string version, string endpoint, string mutation, string code, string message)
    {
        await using var sandbox = await TestSandbox.StartAsync(version);
        var request = Bodies.EsignetCreate("case-client", langMap: endpoint != "oidc-client");
        Apply(request, mutation);
        var json = await sandbox.EsignetAsync(HttpMethod.Post, endpoint, Bodies.Wrap(request), await sandbox.KeycloakTokenAsync());
        JsonAssert.EsignetError(json, code, message);
        Assert.Empty(sandbox.Host.EsignetClients.Snapshot());
    }

    public static TheoryData<string, string, string> AcceptedCases() => new()
    {
        { "1.6", "client", "clientNameLangMap=null" },            // optional from v1.6.0
        { "1.8", "client", "additionalConfig={\"require_pkce\":true}" },
        { "1.7", "client", "additionalConfig={\"dpop_bound_access_tokens\":false,\"purpose\":{\"type\":\"login\",\"title\":{\"@none\":\"Hi\"}}}" },
        { "1.2", "oauth-client", "redirectUris=residentapp://oauth/*" }, // commons-validator accepts any scheme
        { "1.8", "oidc-client", "authContextRefs=mosip:idp:acr:static-code mosip:idp:acr:biometrics" },
        { "1.8", "oidc-client", "userClaims=[]" },
        { "1.0", "oidc-client", "clientId=cid#1" },
    };

    [Theory]
    [MemberData(nameof(AcceptedCases))]
    public async Task Values_the_contract_accepts_are_accepted(string version, string endpoint, string mutation)
    {
        await using var sandbox = await TestSandbox.StartAsync(version);
        var request = Bodies.EsignetCreate("ok-client", langMap: endpoint != "oidc-client");
        Apply(request, mutation);
        var clientId = request["clientId"]!.GetValue<string>();
        var json = await sandbox.EsignetAsync(HttpMethod.Post, endpoint, Bodies.Wrap(request), await sandbox.KeycloakTokenAsync());
        JsonAssert.EsignetSuccess(json, clientId);
    }

    [Fact]
    public async Task An_unparsable_key_is_the_service_error_invalid_public_key()
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8");
        var json = await sandbox.EsignetAsync(HttpMethod.Post, "client", Bodies.Wrap(Bodies.EsignetCreate("c1", new JsonObject { ["kty"] = "RSA", ["e"] = "AQAB" }, langMap: true)), await sandbox.KeycloakTokenAsync());
        JsonAssert.EsignetError(json, "invalid_public_key", "invalid_public_key");
    }

    [Theory]
    [InlineData("1.6", false)]
    [InlineData("1.7", true)]
    [InlineData("1.8", true)]
    public async Task EC_keys_are_accepted_from_1_7(string version, bool accepted)
    {
        await using var sandbox = await TestSandbox.StartAsync(version);
        using var ec = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var json = await sandbox.EsignetAsync(HttpMethod.Post, "client", Bodies.Wrap(Bodies.EsignetCreate("ec-client", TestKeys.Jwk(ec), langMap: true)), await sandbox.KeycloakTokenAsync());
        if (accepted) JsonAssert.EsignetSuccess(json, "ec-client");
        else JsonAssert.EsignetError(json, "invalid_public_key", "invalid_public_key");
    }

    [Theory]
    [InlineData("1.7", "alg", true)]
    [InlineData("1.8", "alg", false)]
    [InlineData("1.8", "use", false)]
    public async Task Blank_alg_or_use_is_rejected_from_1_8(string version, string member, bool accepted)
    {
        await using var sandbox = await TestSandbox.StartAsync(version);
        var jwk = TestKeys.NewRsaJwk();
        jwk[member] = "";
        var json = await sandbox.EsignetAsync(HttpMethod.Post, "client", Bodies.Wrap(Bodies.EsignetCreate("k-client", jwk, langMap: true)), await sandbox.KeycloakTokenAsync());
        if (accepted) JsonAssert.EsignetSuccess(json, "k-client");
        else JsonAssert.EsignetError(json, "invalid_public_key");
    }

    [Fact]
    public async Task Kty_is_not_checked_before_1_7()
    {
        await using var sandbox = await TestSandbox.StartAsync("1.6");
        var jwk = TestKeys.NewRsaJwk();
        jwk["kty"] = "EC";
        var json = await sandbox.EsignetAsync(HttpMethod.Post, "client", Bodies.Wrap(Bodies.EsignetCreate("k-client", jwk, langMap: true)), await sandbox.KeycloakTokenAsync());
        JsonAssert.EsignetSuccess(json, "k-client");
        Assert.Equal("RSA", sandbox.Host.EsignetClients.Snapshot()[0].PublicKeyType);
    }

    public static TheoryData<string, string, string> DuplicateKeyCases() => new()
    {
        // esignet-api.md §3.2 second table
        { "1.3", "oidc-client", "unknown_error" },
        { "1.4", "oidc-client", "duplicate_public_key" },
        { "1.8", "oidc-client", "duplicate_public_key" },
        { "1.2", "oauth-client", "unknown_error" },
        { "1.8", "oauth-client", "unknown_error" },
        { "1.6", "client", "unknown_error" },
        { "1.7", "client", "duplicate_public_key" },
    };

    [Theory]
    [MemberData(nameof(DuplicateKeyCases))]
    public async Task A_duplicate_key_gives_the_endpoint_and_line_specific_error(string version, string endpoint, string code)
    {
        await using var sandbox = await TestSandbox.StartAsync(version);
        var token = await sandbox.KeycloakTokenAsync();
        var jwk = TestKeys.NewRsaJwk();
        var langMap = endpoint != "oidc-client";
        JsonAssert.EsignetSuccess(await sandbox.EsignetAsync(HttpMethod.Post, endpoint, Bodies.Wrap(Bodies.EsignetCreate("first", jwk, langMap)), token), "first");
        var json = await sandbox.EsignetAsync(HttpMethod.Post, endpoint, Bodies.Wrap(Bodies.EsignetCreate("second", jwk.DeepClone().AsObject(), langMap)), token);
        JsonAssert.EsignetError(json, code);
        if (code == "duplicate_public_key") Assert.Equal("duplicate_public_key", json.GetProperty("errors")[0].GetProperty("errorMessage").GetString());
        Assert.Single(sandbox.Host.EsignetClients.Snapshot());
    }

    [Theory]
    [InlineData("1.5.0", true)]   // UNIQUE(public_key): another kid makes another key
    [InlineData("1.5.1", false)]  // unique n
    [InlineData("1.8", false)]    // unique hash of n
    public async Task The_key_uniqueness_rule_follows_the_line(string version, bool sameModulusOtherKidAccepted)
    {
        await using var sandbox = await TestSandbox.StartAsync(version);
        var token = await sandbox.KeycloakTokenAsync();
        using var rsa = TestKeys.NewRsa();
        JsonAssert.EsignetSuccess(await sandbox.EsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(Bodies.EsignetCreate("first", TestKeys.Jwk(rsa, kid: "k1"))), token), "first");
        var json = await sandbox.EsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(Bodies.EsignetCreate("second", TestKeys.Jwk(rsa, kid: "k2"))), token);
        if (sameModulusOtherKidAccepted) JsonAssert.EsignetSuccess(json, "second");
        else JsonAssert.EsignetError(json, "duplicate_public_key");
    }

    [Fact]
    public async Task Duplicate_client_id_is_checked_before_the_key()
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8");
        var token = await sandbox.KeycloakTokenAsync();
        JsonAssert.EsignetSuccess(await sandbox.EsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(Bodies.EsignetCreate("same")), token), "same");
        var json = await sandbox.EsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(Bodies.EsignetCreate("same", new JsonObject { ["kty"] = "RSA" })), token);
        JsonAssert.EsignetError(json, "duplicate_client_id", "duplicate_client_id");
    }

    [Fact]
    public async Task Configured_claims_acrs_grant_types_and_auth_methods_replace_the_defaults()
    {
        await using var sandbox = await TestSandbox.StartAsync(new Hosting.SandboxSettings
        {
            Claims = ["name", "given_name"], Acrs = ["custom:acr"], GrantTypes = ["authorization_code", "client_credentials"], AuthMethods = ["private_key_jwt", "client_secret_jwt"],
        });
        var token = await sandbox.KeycloakTokenAsync();
        var request = Bodies.EsignetCreate("custom");
        request["userClaims"] = Bodies.Array("given_name");
        request["authContextRefs"] = Bodies.Array("custom:acr");
        request["grantTypes"] = Bodies.Array("client_credentials");
        request["clientAuthMethods"] = Bodies.Array("client_secret_jwt");
        JsonAssert.EsignetSuccess(await sandbox.EsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(request), token), "custom");
        var rejected = Bodies.EsignetCreate("custom2");
        rejected["userClaims"] = Bodies.Array("email");
        JsonAssert.EsignetError(await sandbox.EsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(rejected), token), "invalid_claim");
    }

    /// <summary>"member=value": value "null" is JSON null, "[]" an empty list, "{...}" JSON, "LONG" 51 characters; "a.b=v" sets a map entry.</summary>
    internal static void Apply(JsonObject request, string mutation)
    {
        var eq = mutation.IndexOf('=');
        var path = mutation[..eq];
        var value = mutation[(eq + 1)..];
        JsonNode? node = value switch
        {
            "null" => null,
            "[]" => new JsonArray(),
            "LONG" => new string('x', 51),
            _ when value.StartsWith('{') => JsonNode.Parse(value),
            _ => value,
        };
        if (path.Contains('.'))
        {
            var (map, key) = (path[..path.IndexOf('.')], path[(path.IndexOf('.') + 1)..]);
            request[map] = new JsonObject { [key] = node };
            return;
        }
        var isList = request[path] is JsonArray;
        request[path] = isList && node is JsonValue v ? new JsonArray(JsonValue.Create(v.GetValue<string>())) : node;
    }
}
