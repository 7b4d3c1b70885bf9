using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Esignet.Sandbox.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace Esignet.Sandbox.Tests;

/// <summary>
/// Known-answer tests of the Client ID derivation (pms-api.md §5.2) for a fixed RSA-2048 key. The expected ids were
/// computed outside .NET (Python: SPKI DER from the cryptography package; the jose4j string written by hand) and are
/// re-derived here with .NET's own SPKI export, so a bug in the sandbox's hand-written DER or JSON shows up.
/// </summary>
public sealed class PmsClientIdTests
{
    private const string Modulus = "0_H5-beJklgzU74uON8_b4m8nBub9-t6YrIfkR6SOn7P8oszY73S8FnDj1gbviZ7GTQbiuIwaKDINN055tnUO15xjfvotQ7EXV-Bnkn6fTbmpCipFGHSE8Hm4C6G6bzSenInhnFpjmg0IYPnxaQab8o8Cj-c92XbTsOpBt5PHBta3FpvRoZMagOsPkgPEfQtmGqJHcbA3QFpOZWKmB-tR12cyO0CwHmvlXWZw-WiBFyztYRukr-xs4JdS7vLE9PPgOsl-dKDygVERic7YnKU8EV4THgj9NjyGbR41-nsVoVfnQLe6r33leDEuInTLoBGi3_7qkMJrfs3fXhK324MKQ";

    /// <summary>base64url(SHA-256(ASCII(base64(SPKI DER)))) — PMS 1.2.2.</summary>
    private const string ExpectedId122 = "8w7mYWfxvn1NnkcAjdw-5xeX8nPvqbCBRZZ__HiBT0s";

    /// <summary>base64url(SHA-256({"kty":"RSA","kid":"K1","use":"sig","alg":"RS256","n":…,"e":"AQAB"})) — PMS 1.2.0 (jose4j order).</summary>
    private const string ExpectedId120 = "Qyod_Esw4bQ7PAAhjlnFRNp90bTOHCzrhzv0w1iNfr4";

    /// <summary>The key as mkjwk would send it: members in another order than jose4j writes them.</summary>
    private static JsonObject FixedJwk() => new() { ["kty"] = "RSA", ["e"] = "AQAB", ["use"] = "sig", ["kid"] = "K1", ["alg"] = "RS256", ["n"] = Modulus };

    [Fact]
    public void The_expected_ids_agree_with_an_independent_derivation()
    {
        using var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters { Modulus = Base64UrlEncoder.DecodeBytes(Modulus), Exponent = [1, 0, 1] });
        var spki = Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo());
        Assert.Equal(ExpectedId122, Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(spki))));
        var jose4j = $"{{\"kty\":\"RSA\",\"kid\":\"K1\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\"{Modulus}\",\"e\":\"AQAB\"}}";
        Assert.Equal(ExpectedId120, Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(jose4j))));
    }

    [Theory]
    [InlineData("1.2.2", ExpectedId122)]
    [InlineData("1.2.0", ExpectedId120)]
    public async Task Pms_derives_the_known_client_id(string pmsVersion, string expected)
    {
        await using var sandbox = await TestSandbox.StartAsync("1.8", pmsVersion);
        var json = await sandbox.PmsAsync(HttpMethod.Post, "oidc/client", Bodies.PmsCreate(FixedJwk()), await sandbox.AuthManagerTokenAsync());
        Assert.Equal(expected, json.GetProperty("response").GetProperty("clientId").GetString());
        Assert.Equal(43, expected.Length);
    }

    [Fact]
    public async Task On_1_2_2_the_id_ignores_kid_use_and_alg_but_on_1_2_0_it_does_not()
    {
        var bare = new JsonObject { ["kty"] = "RSA", ["n"] = Modulus, ["e"] = "AQAB" };
        await using (var sandbox = await TestSandbox.StartAsync("1.8", "1.2.2"))
        {
            var json = await sandbox.PmsAsync(HttpMethod.Post, "oidc/client", Bodies.PmsCreate(bare.DeepClone().AsObject()), await sandbox.AuthManagerTokenAsync());
            Assert.Equal(ExpectedId122, json.GetProperty("response").GetProperty("clientId").GetString());
        }
        await using (var sandbox = await TestSandbox.StartAsync("1.8", "1.2.0"))
        {
            var json = await sandbox.PmsAsync(HttpMethod.Post, "oidc/client", Bodies.PmsCreate(bare), await sandbox.AuthManagerTokenAsync());
            Assert.NotEqual(ExpectedId120, json.GetProperty("response").GetProperty("clientId").GetString());
        }
    }
}
