using System.Text.Json.Nodes;
using Esignet.Sandbox.Tests.Infrastructure;

namespace Esignet.Sandbox.Tests;

/// <summary>
/// Issue 16: behaviours of the real servers that the sandbox now reproduces, each read from the source at a tag
/// (cited in the sandbox code next to the rule).
/// </summary>
public sealed class FidelityTests
{
    [Fact]
    public async Task Rule9_a_patch_of_only_the_language_map_loses_a_plain_stored_name()
    {
        // ClientManagementServiceImpl.buildClient@v1.8.0: the stored name of an oidc-client client is plain text, which
        // objectMapper cannot read as a map, so "@none" falls back to "".
        await using var sandbox = await TestSandbox.StartAsync("1.8");
        var token = await sandbox.KeycloakTokenAsync();
        JsonAssert.EsignetSuccess(await sandbox.EsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(Bodies.EsignetCreate("plain-1")), token), "plain-1");
        Assert.Equal("Test client", sandbox.Host.EsignetClients.Snapshot().Single().Name);

        await sandbox.EsignetAsync(HttpMethod.Patch, "client/plain-1", Bodies.Wrap(new JsonObject { ["clientNameLangMap"] = new JsonObject { ["eng"] = "Portal" } }), token);
        var stored = JsonNode.Parse(sandbox.Host.EsignetClients.Snapshot().Single().Name)!.AsObject();
        Assert.Equal("", stored["@none"]!.GetValue<string>());
        Assert.Equal("Portal", stored["eng"]!.GetValue<string>());

        // Sending clientName along, as the module does, keeps it.
        await sandbox.EsignetAsync(HttpMethod.Patch, "client/plain-1", Bodies.Wrap(new JsonObject { ["clientName"] = "Test client", ["clientNameLangMap"] = new JsonObject { ["eng"] = "Portal" } }), token);
        Assert.Equal("Test client", JsonNode.Parse(sandbox.Host.EsignetClients.Snapshot().Single().Name)!["@none"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rule9_a_patch_of_only_the_language_map_keeps_a_map_stored_name()
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8");
        var token = await sandbox.KeycloakTokenAsync();
        await sandbox.EsignetAsync(HttpMethod.Post, "client", Bodies.Wrap(Bodies.EsignetCreate("map-1", langMap: true)), token);
        await sandbox.EsignetAsync(HttpMethod.Patch, "client/map-1", Bodies.Wrap(new JsonObject { ["clientNameLangMap"] = new JsonObject { ["fra"] = "Portail" } }), token);
        var stored = JsonNode.Parse(sandbox.Host.EsignetClients.Snapshot().Single().Name)!.AsObject();
        Assert.Equal("Test client", stored["@none"]!.GetValue<string>());
        Assert.Equal("Portail", stored["fra"]!.GetValue<string>());
        Assert.False(stored.ContainsKey("eng"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Rule10_patch_with_additionalConfig_null_clears_it_and_without_it_keeps_it(bool sendNull)
    {
        // additionalConfig is a JsonNode; Jackson binds null to NullNode, which is != null in buildClient@v1.8.0.
        await using var sandbox = await TestSandbox.StartAsync("1.8");
        var token = await sandbox.KeycloakTokenAsync();
        var request = Bodies.EsignetCreate("cfg-1", langMap: true);
        request["additionalConfig"] = new JsonObject { ["require_pkce"] = true };
        await sandbox.EsignetAsync(HttpMethod.Post, "client", Bodies.Wrap(request), token);
        var patch = new JsonObject { ["status"] = "ACTIVE" };
        if (sendNull) patch["additionalConfig"] = null;
        JsonAssert.EsignetSuccess(await sandbox.EsignetAsync(HttpMethod.Patch, "client/cfg-1", Bodies.Wrap(patch), token), "cfg-1");
        var config = sandbox.Host.EsignetClients.Snapshot().Single().AdditionalConfig;
        if (sendNull) Assert.Null(config);
        else Assert.NotNull(config);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Rule14_pms_takes_a_blank_requesttime_as_absent(string requestTime)
    {
        // requesttime is a LocalDateTime (RequestWrapper.java@v1.2.2.2); Jackson's jsr310 deserializer reads "" as null.
        await using var sandbox = await TestSandbox.StartAsync("1.8", "1.2.2");
        var body = Bodies.PmsCreate();
        body["requesttime"] = requestTime;
        var json = await sandbox.PmsAsync(HttpMethod.Post, "oidc/client", body, await sandbox.AuthManagerTokenAsync());
        Assert.Equal("ACTIVE", json.GetProperty("response").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Rule14_a_requesttime_out_of_pattern_is_still_400()
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8", "1.2.2");
        var body = Bodies.PmsCreate();
        body["requesttime"] = "yesterday";
        using var response = await sandbox.SendPmsAsync(HttpMethod.Post, "oidc/client", body, await sandbox.AuthManagerTokenAsync());
        Assert.Equal(400, (int)response.StatusCode);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("1.8")]
    public async Task Rule6_a_null_claim_is_invalid_claim_and_a_null_acr_is_not(string version)
    {
        await using var sandbox = await TestSandbox.StartAsync(version);
        var token = await sandbox.KeycloakTokenAsync();
        var claims = Bodies.EsignetCreate("null-claim");
        claims["userClaims"] = Bodies.Array("name", null);
        JsonAssert.EsignetError(await sandbox.EsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(claims), token), "invalid_claim");
        var acrs = Bodies.EsignetCreate("null-acr");
        acrs["authContextRefs"] = Bodies.Array("mosip:idp:acr:generated-code", null);
        JsonAssert.EsignetSuccess(await sandbox.EsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(acrs), token), "null-acr");
    }

    public static TheoryData<string, string?> ScalarCases() => new()
    {
        // JSON value for clientName, expected stored name (null = unknown_error): Jackson's StringDeserializer coerces
        // scalars to their text and refuses arrays and objects (issue 16, rule 11).
        { "123", "123" },
        { "1.50", "1.50" },
        { "true", "true" },
        { "[\"Portal\"]", null },
        { "{\"eng\":\"Portal\"}", null },
    };

    [Theory]
    [MemberData(nameof(ScalarCases))]
    public async Task Rule11_scalars_are_coerced_to_strings_and_arrays_or_objects_are_unknown_error(string json, string? stored)
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8");
        var request = Bodies.EsignetCreate("scalar-1");
        request["clientName"] = JsonNode.Parse(json);
        var answer = await sandbox.EsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(request), await sandbox.KeycloakTokenAsync());
        if (stored is null)
        {
            JsonAssert.EsignetError(answer, "unknown_error");
            Assert.Empty(sandbox.Host.EsignetClients.Snapshot());
        }
        else
        {
            JsonAssert.EsignetSuccess(answer, "scalar-1");
            Assert.Equal(stored, sandbox.Host.EsignetClients.Snapshot().Single().Name);
        }
    }

    public static TheoryData<string, string, string, string?> JwkCases() => new()
    {
        // line, member, JSON value, expected code (null = accepted)  (issue 16, rule 12)
        { "1.8", "kty", "1", "unknown_error" },      // (String) jwk.get("kty"), IdentityProviderUtil.java@v1.8.0
        { "1.8", "alg", "5", "unknown_error" },
        { "1.8", "use", "true", "unknown_error" },
        { "1.8", "kid", "5", "invalid_public_key" }, // read by jose4j, which throws JoseException
        { "1.7", "kty", "1", "unknown_error" },      // IdentityProviderUtil.java@v1.7.1 casts only kty
        { "1.7", "alg", "5", "invalid_public_key" },
        { "1.5", "alg", "5", "invalid_public_key" }, // RsaJsonWebKey(map) alone, IdentityProviderUtil.java@v1.5.1
        { "1.8", "alg", "null", null },              // a Java null passes; only a blank string fails
        { "1.8", "use", "null", null },
        { "1.8", "alg", "\" \"", "invalid_public_key" },
        { "1.7", "alg", "\" \"", null },             // the blank check came with 1.8
    };

    [Theory]
    [MemberData(nameof(JwkCases))]
    public async Task Rule12_jwk_member_types(string version, string member, string json, string? code)
    {
        await using var sandbox = await TestSandbox.StartAsync(version);
        var jwk = TestKeys.Jwk(TestKeys.NewRsa(2048), alg: "RS256", use: "sig");
        jwk[member] = JsonNode.Parse(json);
        var answer = await sandbox.EsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(Bodies.EsignetCreate("jwk-1", jwk)), await sandbox.KeycloakTokenAsync());
        if (code is null) JsonAssert.EsignetSuccess(answer, "jwk-1");
        else JsonAssert.EsignetError(answer, code);
    }

    [Theory]
    [InlineData("1.5", 511, "invalid_public_key")]
    [InlineData("1.5", 512, null)]
    [InlineData("1.8", 256, "invalid_public_key")]
    [InlineData("1.8", 512, null)]
    public async Task Rule12_rsa_moduli_under_512_bits_are_invalid_public_key(string version, int bits, string? code)
    {
        // RSAKeyFactory refuses moduli under 512 bits; RSAPublicKeySpec does not check that n is a product of primes.
        await using var sandbox = await TestSandbox.StartAsync(version);
        var n = new byte[(bits + 7) / 8];
        System.Security.Cryptography.RandomNumberGenerator.Fill(n);
        n[0] = (byte)(bits % 8 == 0 ? 0x80 | n[0] : (1 << (bits % 8 - 1)) | (n[0] & ((1 << (bits % 8 - 1)) - 1)));
        n[^1] |= 1;
        var jwk = new JsonObject { ["kty"] = "RSA", ["n"] = TestKeys.B64(n), ["e"] = "AQAB" };
        var answer = await sandbox.EsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(Bodies.EsignetCreate("small-1", jwk)), await sandbox.KeycloakTokenAsync());
        if (code is null) JsonAssert.EsignetSuccess(answer, "small-1");
        else JsonAssert.EsignetError(answer, code);
    }

    [Theory]
    [InlineData("1.8", null)]                   // computePublicKeyHash@v1.8.0 hashes the raw n: "AA"+n is another key
    [InlineData("1.7", "duplicate_public_key")] // 1.5.1-1.7.1 compare the decoded modulus
    public async Task Rule12_the_1_8_duplicate_check_hashes_n_as_sent(string version, string? code)
    {
        await using var sandbox = await TestSandbox.StartAsync(version);
        var token = await sandbox.KeycloakTokenAsync();
        var jwk = TestKeys.Jwk(TestKeys.NewRsa(2048));
        JsonAssert.EsignetSuccess(await sandbox.EsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(Bodies.EsignetCreate("dup-a", jwk.DeepClone().AsObject())), token), "dup-a");
        var padded = jwk.DeepClone().AsObject();
        var modulus = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(jwk["n"]!.GetValue<string>());
        padded["n"] = TestKeys.B64([0, .. modulus]);
        var answer = await sandbox.EsignetAsync(HttpMethod.Post, "oidc-client", Bodies.Wrap(Bodies.EsignetCreate("dup-b", padded)), token);
        if (code is null) JsonAssert.EsignetSuccess(answer, "dup-b");
        else JsonAssert.EsignetError(answer, code);
    }
}
