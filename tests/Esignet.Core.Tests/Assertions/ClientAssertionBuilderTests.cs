using System.Text.Json;
using Esignet.Core.Assertions;
using Esignet.Core.Errors;
using Esignet.Core.Keys;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Esignet.Core.Tests.Assertions;

/// <summary>
/// The module's client assertions, verified by an independent JOSE implementation (Microsoft.IdentityModel) with
/// the public JWK as registered, and their claims checked against esignet-api.md §6.2.
/// </summary>
public class ClientAssertionBuilderTests
{
    private const string TokenEndpoint = "https://esignet.example.org/v1/esignet/oauth/v2/token";

    [Theory]
    [InlineData("RSA", null, null, "RS256")]
    [InlineData("RSA", null, "PS256", "PS256")]
    [InlineData("EC", "P-256", null, "ES256")]
    [InlineData("EC", "P-384", null, "ES384")]
    public async Task Verifies_in_Microsoft_IdentityModel_with_the_registered_public_jwk(string kty, string? curve, string? alg, string expectedAlg)
    {
        JwkKeyPair key = KeyFactory.Generate(new KeySpec
        {
            Kind = kty == "EC" ? KeyKind.EC : KeyKind.RSA,
            Curve = curve == null ? null : EcCurve.Parse(curve),
            Algorithm = alg,
        });
        ClientAssertion assertion = ClientAssertionBuilder.Build(key, new ClientAssertionRequest { ClientId = "portal", Audience = TokenEndpoint });

        TokenValidationResult result = await new JsonWebTokenHandler().ValidateTokenAsync(assertion.RevealToken(), new TokenValidationParameters
        {
            ValidIssuer = "portal",
            ValidAudience = TokenEndpoint,
            IssuerSigningKey = new JsonWebKey(key.PublicJwk),
            ValidAlgorithms = new[] { expectedAlg },
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.Zero,
        });

        Assert.True(result.IsValid, result.Exception?.Message);
        var jwt = (JsonWebToken)result.SecurityToken;
        Assert.Equal(expectedAlg, jwt.Alg);
        Assert.Equal(key.KeyId, jwt.Kid);
        Assert.Equal("JWT", jwt.Typ);
        Assert.Equal("portal", jwt.Subject);
        Assert.Equal("portal", jwt.Issuer);
        Assert.Equal(expectedAlg, assertion.Algorithm);
    }

    [Fact]
    public void Carries_exactly_the_claims_eSignet_checks()
    {
        JwkKeyPair key = KeyFactory.Generate(new KeySpec());
        DateTimeOffset iat = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        ClientAssertion assertion = ClientAssertionBuilder.Build(key, new ClientAssertionRequest
        {
            ClientId = "portal",
            Audience = TokenEndpoint,
            IssuedAt = iat,
            Lifetime = TimeSpan.FromSeconds(90),
        });

        JsonElement claims = Payload(assertion.RevealToken());
        Assert.Equal(new[] { "iss", "sub", "aud", "iat", "exp", "jti" }, claims.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.String, claims.GetProperty("aud").ValueKind); // one value: eSignet <= 1.6 compares exactly one
        Assert.Equal(1_800_000_000, claims.GetProperty("iat").GetInt64());
        Assert.Equal(1_800_000_090, claims.GetProperty("exp").GetInt64());
        Assert.False(string.IsNullOrWhiteSpace(claims.GetProperty("jti").GetString()));
        Assert.Equal(iat.AddSeconds(90), assertion.ExpiresAt);
    }

    // Known answers (esignet-api.md §6.2): the exact header and claims text eSignet receives, whichever JOSE library
    // writes them. Member values and their JSON types are pinned; no nbf, one-string aud, kid only when given. The
    // signature is checked with the runtime's RSA/ECDsa directly, not by the library that made it.
    [Fact]
    public void Known_answer_rs256_with_kid()
    {
        JwkKeyPair key = KeyFactory.Generate(new KeySpec { KeyId = "portal-2026" });
        string jws = ClientAssertionBuilder.Build(key, new ClientAssertionRequest
        {
            ClientId = "portal", Audience = TokenEndpoint, Lifetime = TimeSpan.FromSeconds(90),
            IssuedAt = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000), JwtId = "jti-1",
        }).RevealToken();

        Assert.Equal("{\"alg\":\"RS256\",\"kid\":\"portal-2026\",\"typ\":\"JWT\"}", Canonical(Header(jws)));
        Assert.Equal("{\"aud\":\"" + TokenEndpoint + "\",\"exp\":1800000090,\"iat\":1800000000,\"iss\":\"portal\",\"jti\":\"jti-1\",\"sub\":\"portal\"}",
            Canonical(Payload(jws)));
        string[] parts = jws.Split('.');
        Assert.True(key.Verify(System.Text.Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64UrlEncoder.DecodeBytes(parts[2]), "RS256"));
    }

    [Fact]
    public void Known_answer_es256_without_kid()
    {
        JwkKeyPair key = KeyFactory.Generate(new KeySpec { Kind = KeyKind.EC, Curve = EcCurve.P256 });
        string jws = ClientAssertionBuilder.Build(key, new ClientAssertionRequest
        {
            ClientId = "c", Audience = TokenEndpoint, KeyId = "", Lifetime = TimeSpan.FromMinutes(5),
            IssuedAt = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), JwtId = "j",
        }).RevealToken();

        Assert.Equal("{\"alg\":\"ES256\",\"typ\":\"JWT\"}", Canonical(Header(jws)));
        Assert.Equal("{\"aud\":\"" + TokenEndpoint + "\",\"exp\":1700000300,\"iat\":1700000000,\"iss\":\"c\",\"jti\":\"j\",\"sub\":\"c\"}",
            Canonical(Payload(jws)));
        string[] parts = jws.Split('.');
        byte[] signature = Base64UrlEncoder.DecodeBytes(parts[2]);
        Assert.Equal(64, signature.Length); // IEEE P1363 r||s, as RFC 7518 §3.4 requires, not DER
        Assert.True(key.Verify(System.Text.Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature, "ES256"));
    }

    // The members sorted by name, compact: the pinned text does not depend on the writer's member order.
    private static string Canonical(JsonElement e) =>
        "{" + string.Join(",", e.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => JsonSerializer.Serialize(p.Name) + ":" + (p.Value.ValueKind == JsonValueKind.String ? JsonSerializer.Serialize(p.Value.GetString()) : p.Value.GetRawText()))) + "}";

    [Fact]
    public void Every_assertion_has_a_new_jti()
    {
        JwkKeyPair key = KeyFactory.Generate(new KeySpec());
        var request = new ClientAssertionRequest { ClientId = "portal", Audience = TokenEndpoint };
        var jtis = Enumerable.Range(0, 50).Select(_ => ClientAssertionBuilder.Build(key, request).JwtId).ToList();
        Assert.Equal(50, jtis.Distinct().Count());
        Assert.All(jtis, j => Assert.True(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(j).Length >= 16));
    }

    [Fact]
    public void An_empty_key_id_sends_no_kid_header_and_a_given_one_replaces_the_keys()
    {
        JwkKeyPair key = KeyFactory.Generate(new KeySpec());
        string none = ClientAssertionBuilder.Build(key, new ClientAssertionRequest { ClientId = "c", Audience = TokenEndpoint, KeyId = "" }).RevealToken();
        Assert.False(Header(none).TryGetProperty("kid", out _));
        string named = ClientAssertionBuilder.Build(key, new ClientAssertionRequest { ClientId = "c", Audience = TokenEndpoint, KeyId = "portal-2026" }).RevealToken();
        Assert.Equal("portal-2026", Header(named).GetProperty("kid").GetString());
    }

    [Fact]
    public void The_token_is_not_a_property_nor_in_ToString()
    {
        JwkKeyPair key = KeyFactory.Generate(new KeySpec());
        ClientAssertion assertion = ClientAssertionBuilder.Build(key, new ClientAssertionRequest { ClientId = "portal", Audience = TokenEndpoint });
        string token = assertion.RevealToken();
        string shown = JsonSerializer.Serialize(assertion) + assertion;
        Assert.DoesNotContain(token.Split('.')[2], shown);
        Assert.DoesNotContain(token.Split('.')[1], shown);
    }

    [Theory]
    [InlineData("", TokenEndpoint, 60, "ClientIdRequired")]
    [InlineData("portal", "/oauth/v2/token", 60, "InvalidAudience")]
    [InlineData("portal", TokenEndpoint, 0, "InvalidLifetime")]
    [InlineData("portal", TokenEndpoint, 86401, "InvalidLifetime")]
    public void Refuses_what_eSignet_would_refuse_or_what_could_be_replayed(string clientId, string audience, int seconds, string errorId)
    {
        JwkKeyPair key = KeyFactory.Generate(new KeySpec());
        var e = Assert.Throws<EsignetException>(() => ClientAssertionBuilder.Build(key, new ClientAssertionRequest
        {
            ClientId = clientId,
            Audience = audience,
            Lifetime = TimeSpan.FromSeconds(seconds),
        }));
        Assert.Equal(errorId, e.ErrorId);
    }

    [Fact]
    public void Needs_the_private_key_of_a_signing_key()
    {
        JwkKeyPair publicOnly = KeyFactory.Generate(new KeySpec()).ToPublicOnly();
        Assert.Equal("PrivateKeyMissing", Assert.Throws<EsignetException>(() =>
            ClientAssertionBuilder.Build(publicOnly, new ClientAssertionRequest { ClientId = "c", Audience = TokenEndpoint })).ErrorId);
        JwkKeyPair enc = KeyFactory.Generate(new KeySpec { Use = KeyUse.Enc });
        Assert.Equal("KeyNotForSigning", Assert.Throws<EsignetException>(() =>
            ClientAssertionBuilder.Build(enc, new ClientAssertionRequest { ClientId = "c", Audience = TokenEndpoint })).ErrorId);
    }

    internal static JsonElement Header(string jws) => Part(jws, 0);

    internal static JsonElement Payload(string jws) => Part(jws, 1);

    private static JsonElement Part(string jws, int index)
    {
        using JsonDocument doc = JsonDocument.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(jws.Split('.')[index]));
        return doc.RootElement.Clone();
    }
}
