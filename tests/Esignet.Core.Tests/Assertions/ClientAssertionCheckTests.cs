using System.Text;
using Esignet.Core.Assertions;
using Esignet.Core.Connection;
using Esignet.Core.Keys;
using Esignet.Core.Versions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Esignet.Core.Tests.Assertions;

/// <summary>The offline token-endpoint checks Test-EsignetClient applies (esignet-api.md §6.2, key selection §3.3).</summary>
public class ClientAssertionCheckTests
{
    private const string TokenEndpoint = "https://esignet.example.org/v1/esignet/oauth/v2/token";
    private static readonly AssertionServerRules Rs256Only = new(new[] { "RS256" }, TokenEndpoint, requiresJti: false);
    private static readonly AssertionServerRules Line17 = new(new[] { "RS256", "PS256", "ES256" }, TokenEndpoint, requiresJti: true);

    private static string Assert_(JwkKeyPair key, string? kid = null, string? alg = null, string clientId = "portal", string aud = TokenEndpoint, int lifetime = 300) =>
        ClientAssertionBuilder.Build(key, new ClientAssertionRequest { ClientId = clientId, Audience = aud, KeyId = kid, Algorithm = alg, Lifetime = TimeSpan.FromSeconds(lifetime) }).RevealToken();

    [Fact]
    public void Accepts_an_assertion_signed_with_the_registered_key()
    {
        JwkKeyPair key = KeyFactory.Generate(new KeySpec());
        Assert.Null(ClientAssertionCheck.Check(Assert_(key), RegisteredJwk.Parse(key.PublicJwk), "portal", Rs256Only, DateTimeOffset.UtcNow));
    }

    [Fact]
    public void Refuses_a_signature_by_another_key_naming_the_thumbprint()
    {
        JwkKeyPair registered = KeyFactory.Generate(new KeySpec { KeyId = "k" });
        JwkKeyPair other = KeyFactory.Generate(new KeySpec { KeyId = "k" });
        string? why = ClientAssertionCheck.Check(Assert_(other), RegisteredJwk.Parse(registered.PublicJwk), "portal", Rs256Only, DateTimeOffset.UtcNow);
        Assert.Contains("signature", why);
        Assert.Contains(registered.Thumbprint, why);
    }

    [Fact]
    public void Refuses_an_algorithm_the_line_does_not_verify()
    {
        JwkKeyPair key = KeyFactory.Generate(new KeySpec { Algorithm = "PS256" });
        Assert.Contains("PS256", ClientAssertionCheck.Check(Assert_(key), RegisteredJwk.Parse(key.PublicJwk), "portal", Rs256Only, DateTimeOffset.UtcNow));
        Assert.Null(ClientAssertionCheck.Check(Assert_(key), RegisteredJwk.Parse(key.PublicJwk), "portal", Line17, DateTimeOffset.UtcNow));
    }

    [Fact]
    public void Follows_nimbus_key_selection_on_kid_use_and_alg()
    {
        JwkKeyPair key = KeyFactory.Generate(new KeySpec { KeyId = "registered-kid" });
        RegisteredJwk registered = RegisteredJwk.Parse(key.PublicJwk);
        Assert.Contains("kid", ClientAssertionCheck.Check(Assert_(key, kid: "another-kid"), registered, "portal", Rs256Only, DateTimeOffset.UtcNow));

        // Registered without kid: a kid in the header finds no key; no kid is fine.
        string withoutKid = key.PublicJwk.Replace("\"kid\":\"registered-kid\",", string.Empty);
        RegisteredJwk noKid = RegisteredJwk.Parse(withoutKid);
        Assert.Null(noKid.KeyId);
        Assert.Contains("no kid", ClientAssertionCheck.Check(Assert_(key), noKid, "portal", Rs256Only, DateTimeOffset.UtcNow));
        Assert.Null(ClientAssertionCheck.Check(Assert_(key, kid: ""), noKid, "portal", Rs256Only, DateTimeOffset.UtcNow));

        // Registered alg RS256: a PS256 assertion is not selected even where the line verifies PS256.
        Assert.Contains("alg 'RS256'", ClientAssertionCheck.Check(Assert_(key, alg: "PS256"), registered, "portal", Line17, DateTimeOffset.UtcNow));

        // Registered for encryption: never selected.
        string enc = key.PublicJwk.Replace("\"use\":\"sig\"", "\"use\":\"enc\"");
        Assert.Contains("use 'enc'", ClientAssertionCheck.Check(Assert_(key), RegisteredJwk.Parse(enc), "portal", Rs256Only, DateTimeOffset.UtcNow));
    }

    [Fact]
    public void Refuses_wrong_iss_aud_and_expired_assertions()
    {
        JwkKeyPair key = KeyFactory.Generate(new KeySpec());
        RegisteredJwk registered = RegisteredJwk.Parse(key.PublicJwk);
        Assert.Contains("iss", ClientAssertionCheck.Check(Assert_(key, clientId: "other"), registered, "portal", Rs256Only, DateTimeOffset.UtcNow));
        Assert.Contains("aud", ClientAssertionCheck.Check(Assert_(key, aud: "https://esignet.example.org/v1/esignet/oauth/token"), registered, "portal", Rs256Only, DateTimeOffset.UtcNow));
        Assert.Contains("expired", ClientAssertionCheck.Check(Assert_(key, lifetime: 60), registered, "portal", Rs256Only, DateTimeOffset.UtcNow.AddMinutes(2)));
    }

    [Fact]
    public void Refuses_what_is_not_a_jws()
    {
        JwkKeyPair key = KeyFactory.Generate(new KeySpec());
        RegisteredJwk registered = RegisteredJwk.Parse(key.PublicJwk);
        Assert.NotNull(ClientAssertionCheck.Check("a.b", registered, "portal", Rs256Only, DateTimeOffset.UtcNow));
        Assert.NotNull(ClientAssertionCheck.Check("e30.e30.", registered, "portal", Rs256Only, DateTimeOffset.UtcNow));
        Assert.NotNull(ClientAssertionCheck.Check(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("{")) + ".e30.x", registered, "portal", Rs256Only, DateTimeOffset.UtcNow));
    }

    /// <summary>
    /// Known answers for the claims eSignet checks (TokenServiceImpl.verifyClientAssertionToken@v1.5.1 and @v1.8.0),
    /// on assertions signed with the registered key but with one claim changed; null = accepted.
    /// </summary>
    [Theory]
    [InlineData("sub", "other", null, "sub is 'other', not the Client ID 'portal'")]
    [InlineData("sub", null, null, "sub is '', not the Client ID 'portal'")]
    [InlineData("iss", null, null, "iss is '', not the Client ID 'portal'")]
    [InlineData("exp", null, null, "exp is missing")]
    [InlineData("iat", null, null, "iat is missing")]
    [InlineData("aud", TokenEndpoint + "/", null, "aud is not the single value")] // compared exactly, no trailing-slash leniency
    [InlineData("aud", "[two]", null, "aud is not the single value")]
    [InlineData("nbf", "+60", null, "nbf is later than now")]
    [InlineData("nbf", "-60", null, null)] // an nbf is not required, and a past one passes
    [InlineData("jti", null, "Rs256Only", null)] // required from 1.7 only
    [InlineData("jti", null, "Line17", "jti is missing")]
    [InlineData("jti", " ", "Line17", "jti is missing")]
    public void Known_answers_for_each_claim(string claim, string? value, string? line, string? expected)
    {
        JwkKeyPair key = KeyFactory.Generate(new KeySpec());
        DateTimeOffset now = DateTimeOffset.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["iss"] = "portal", ["sub"] = "portal", ["aud"] = TokenEndpoint, ["jti"] = "j-1",
            ["iat"] = now.ToUnixTimeSeconds(), ["exp"] = now.AddMinutes(5).ToUnixTimeSeconds(),
        };
        claims.Remove(claim);
        if (value == "[two]") claims[claim] = new[] { TokenEndpoint, "https://other.example.org/token" };
        else if (value is ['+' or '-', ..]) claims[claim] = now.AddSeconds(int.Parse(value)).ToUnixTimeSeconds();
        else if (value != null) claims[claim] = value;

        string? why = ClientAssertionCheck.Check(Signed(key, claims), RegisteredJwk.Parse(key.PublicJwk), "portal", line == "Line17" ? Line17 : Rs256Only, now);
        if (expected == null) Assert.Null(why);
        else Assert.Contains(expected, why);
    }

    [Fact]
    public void Checks_the_lifetime_at_the_time_it_is_given_without_leeway()
    {
        // eSignet 1.2-1.5.0 allow no clock skew (TokenServiceImpl.java@v1.5.0 setMaxClockSkew(0)); the check holds all lines to it.
        JwkKeyPair key = KeyFactory.Generate(new KeySpec());
        RegisteredJwk registered = RegisteredJwk.Parse(key.PublicJwk);
        DateTimeOffset issued = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        string assertion = ClientAssertionBuilder.Build(key, new ClientAssertionRequest { ClientId = "portal", Audience = TokenEndpoint, IssuedAt = issued, Lifetime = TimeSpan.FromSeconds(60) }).RevealToken();
        Assert.Null(ClientAssertionCheck.Check(assertion, registered, "portal", Rs256Only, issued.AddSeconds(59)));
        Assert.Contains("expired", ClientAssertionCheck.Check(assertion, registered, "portal", Rs256Only, issued.AddSeconds(61)));
        Assert.Null(ClientAssertionCheck.Check(assertion, registered, "portal", Rs256Only, issued.AddMinutes(-10))); // no nbf: valid before iat too
    }

    [Fact]
    public void Refuses_an_EC_assertion_by_another_key_and_accepts_the_registered_one()
    {
        JwkKeyPair key = KeyFactory.Generate(new KeySpec { Kind = KeyKind.EC });
        JwkKeyPair other = KeyFactory.Generate(new KeySpec { Kind = KeyKind.EC });
        RegisteredJwk registered = RegisteredJwk.Parse(key.PublicJwk);
        Assert.Null(ClientAssertionCheck.Check(Assert_(key, kid: key.KeyId), registered, "portal", Line17, DateTimeOffset.UtcNow));
        Assert.Contains("signature does not verify", ClientAssertionCheck.Check(Assert_(other, kid: key.KeyId), registered, "portal", Line17, DateTimeOffset.UtcNow));
    }

    private static string Signed(JwkKeyPair key, Dictionary<string, object> claims) =>
        key.WithSigningCredentials("RS256", key.KeyId, credentials => new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }
            .CreateToken(new SecurityTokenDescriptor { Claims = claims, SigningCredentials = credentials }));

    [Theory]
    [InlineData(0, new[] { "RS256" }, false)]
    [InlineData(6, new[] { "RS256" }, false)]
    [InlineData(7, new[] { "RS256", "PS256", "ES256" }, true)]
    [InlineData(8, new[] { "RS256", "PS256", "ES256" }, true)]
    public void Rules_of_a_line_without_a_discovered_algorithm_list(int minor, string[] algorithms, bool jti)
    {
        var discovery = Discovery(TokenEndpoint);
        AssertionServerRules rules = AssertionServerRules.For(discovery, EsignetVersion.All[minor])!;
        Assert.Equal(algorithms, rules.Algorithms);
        Assert.Equal(jti, rules.RequiresJti);
        Assert.Equal(TokenEndpoint, rules.Audience);
        Assert.Null(AssertionServerRules.For(null, EsignetVersion.All[minor]));
    }

    private static DiscoveryDocument Discovery(string tokenEndpoint)
    {
        var d = (DiscoveryDocument)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(typeof(DiscoveryDocument));
        typeof(DiscoveryDocument).GetProperty(nameof(DiscoveryDocument.TokenEndpoint))!.SetValue(d, tokenEndpoint);
        typeof(DiscoveryDocument).GetProperty(nameof(DiscoveryDocument.TokenEndpointAuthSigningAlgValuesSupported))!.SetValue(d, Array.Empty<string>());
        return d;
    }
}
