using System.Numerics;
using System.Text.Json.Nodes;
using Esignet.Core.Definitions;
using Esignet.Core.Keys;
using Microsoft.IdentityModel.Tokens;

namespace Esignet.Core.Tests.Definitions;

/// <summary>
/// Issue 16 rule 12, Core's part: an RSA key under 2048 bits is refused (KeySizeTooSmall) unless the caller insists
/// (-Force, <see cref="ValidationRules.AllowWeakRsaKeys"/>), then only warned about (WeakKey); under 512 bits eSignet
/// itself answers invalid_public_key (jose4j through the JDK's RSAKeyFactory, IdentityProviderUtil.java@v1.5.1,
/// @v1.8.0), with or without -Force. EC keys are unaffected.
/// </summary>
public class KeyStrengthTests
{
    /// <summary>bits, allowed (-Force), the one key issue's code on eSignet (null = none), its severity.</summary>
    public static IEnumerable<object?[]> Table() => new[]
    {
        new object?[] { 511, false, "invalid_public_key", ValidationSeverity.Error },
        new object?[] { 511, true, "invalid_public_key", ValidationSeverity.Error },
        new object?[] { 512, false, "KeySizeTooSmall", ValidationSeverity.Error },
        new object?[] { 512, true, "invalid_public_key", ValidationSeverity.Warning }, // the server's code, as a warning
        new object?[] { 1024, false, "KeySizeTooSmall", ValidationSeverity.Error },
        new object?[] { 1024, true, "invalid_public_key", ValidationSeverity.Warning },
        new object?[] { 2047, false, "KeySizeTooSmall", ValidationSeverity.Error },
        new object?[] { 2047, true, "invalid_public_key", ValidationSeverity.Warning },
        new object?[] { 2048, false, null, null },
        new object?[] { 2048, true, null, null },
        new object?[] { 3072, false, null, null },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void An_RSA_key_under_2048_bits_is_refused_unless_forced(int bits, bool force, string? code, ValidationSeverity? severity)
    {
        foreach (string line in new[] { "1.5", "1.8" })
        {
            foreach (ClientApi api in new[] { ClientApi.Esignet, ClientApi.Pms })
            {
                ClientDefinition d = api == ClientApi.Pms ? Defs.PmsBaseline() : Defs.Baseline();
                d.PublicKey = RsaOfBits(bits);
                Assert.Equal(bits, d.PublicKey.KeySize);
                ValidationRules rules = api == ClientApi.Pms ? Defs.Pms("1.2.2", line) : Defs.Esignet(line);
                rules.AllowWeakRsaKeys = force;

                var keyIssues = DefinitionValidator.Validate(d, rules, api == ClientApi.Pms ? ClientEndpointKind.PmsOidcClient : ClientEndpointKind.OidcClient)
                    .Where(i => i.Field == "publicKey").ToList();
                string where = $"RSA-{bits} on {api} {line}, force {force}:" + Defs.Dump(keyIssues);
                if (code == null)
                {
                    Assert.True(keyIssues.Count == 0, where);
                    continue;
                }

                ValidationIssue issue = Assert.Single(keyIssues);
                Assert.True(issue.Severity == severity, where);
                if (severity == ValidationSeverity.Error && bits < 512)
                {
                    // The server's own refusal, in the server's code (eSignet's; PMS forwards what it gets).
                    Assert.Equal(ValidationRuleNames.KeyTooSmall, issue.Rule);
                    if (api == ClientApi.Esignet) Assert.Equal("invalid_public_key", issue.Code);
                }
                else if (severity == ValidationSeverity.Error)
                {
                    Assert.Equal("KeySizeTooSmall", issue.Code);
                    Assert.Equal(ValidationRuleNames.WeakKey, issue.Rule);
                    Assert.Contains($"RSA-{bits}", issue.Message);
                    Assert.Contains("can be broken", issue.Message);   // says why
                    Assert.Contains("-Force", issue.Message);          // and the way round
                    Assert.Contains("512", issue.Message);             // and that eSignet itself would accept it
                }
                else
                {
                    Assert.Equal(ValidationRuleNames.WeakKey, issue.Rule);
                    Assert.Contains($"RSA-{bits}", issue.Message);
                }
            }
        }
    }

    [Theory]
    [InlineData("P-256")]
    [InlineData("P-384")]
    [InlineData("P-521")]
    public void EC_keys_are_unaffected(string curve)
    {
        ClientDefinition d = Defs.Baseline();
        d.PublicKey = KeyFactory.Generate(new KeySpec { Kind = KeyKind.EC, Curve = EcCurve.Parse(curve) });
        foreach (bool force in new[] { false, true })
        {
            ValidationRules rules = Defs.Esignet("1.8");
            rules.AllowWeakRsaKeys = force;
            // (P-384 and P-521 draw AlgorithmNotAccepted on 1.8: another rule.)
            Assert.DoesNotContain(DefinitionValidator.Validate(d, rules, ClientEndpointKind.OidcClient),
                i => i.Rule == ValidationRuleNames.WeakKey || i.Rule == ValidationRuleNames.KeyTooSmall || i.Code == ValidationCodes.KeySizeTooSmall);
        }
    }

    [Fact]
    public void KeyStrength_draws_the_line_at_2048_RSA_bits_only()
    {
        Assert.True(KeyStrength.IsWeak(RsaOfBits(2047)));
        Assert.False(KeyStrength.IsWeak(RsaOfBits(2048)));
        Assert.False(KeyStrength.IsWeak(KeyFactory.Generate(new KeySpec { Kind = KeyKind.EC })));
    }

    /// <summary>
    /// A public RSA JWK whose modulus has exactly <paramref name="bits"/> bits (2^(bits-1) + 1: the validator looks at
    /// the size only, and odd sizes such as 511 and 2047 cannot be generated).
    /// </summary>
    internal static JwkKeyPair RsaOfBits(int bits)
    {
        byte[] n = (BigInteger.One << (bits - 1) | BigInteger.One).ToByteArray(isUnsigned: true, isBigEndian: true);
        var jwk = new JsonObject { ["kty"] = "RSA", ["n"] = Base64UrlEncoder.Encode(n), ["e"] = "AQAB" };
        return KeyFactory.FromJwk(jwk.ToJsonString());
    }
}
