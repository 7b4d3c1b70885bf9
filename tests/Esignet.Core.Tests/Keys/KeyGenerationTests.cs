using System.Text.Json;
using Esignet.Core.Errors;
using Esignet.Core.Keys;

namespace Esignet.Core.Tests.Keys;

public class KeyGenerationTests
{
    [Fact]
    public void Defaults_are_rsa_2048_sig_rs256()
    {
        JwkKeyPair key = KeyFactory.Generate(new KeySpec());
        Assert.Equal("RSA", key.KeyType);
        Assert.Equal(2048, key.KeySize);
        Assert.Equal("sig", key.Use);
        Assert.Equal("RS256", key.Algorithm);
        Assert.Null(key.Curve);
        Assert.True(key.HasPrivateKey);
    }

    [Theory]
    [InlineData(3072)]
    [InlineData(4096)]
    public void Larger_rsa_sizes_are_allowed(int size)
    {
        Assert.Equal(size, KeyFactory.Generate(new KeySpec { RsaSize = size }).KeySize);
    }

    [Theory]
    [InlineData(1024, "KeySizeTooSmall")]
    [InlineData(512, "KeySizeTooSmall")]
    [InlineData(2047, "KeySizeTooSmall")]
    [InlineData(2049, "KeySizeUnsupported")]
    [InlineData(8192, "KeySizeUnsupported")]
    public void Bad_rsa_sizes_are_refused_with_a_specific_error(int size, string errorId)
    {
        var e = Assert.Throws<EsignetException>(() => KeyFactory.Generate(new KeySpec { RsaSize = size }));
        Assert.Equal(errorId, e.ErrorId);
        Assert.Contains("2048", e.Message);
    }

    [Theory]
    [InlineData("P-256", "ES256", 256)]
    [InlineData("secp384r1", "ES384", 384)]
    [InlineData("p521", "ES512", 521)]
    public void Ec_keys_take_their_algorithm_from_the_curve(string curve, string alg, int bits)
    {
        JwkKeyPair key = KeyFactory.Generate(new KeySpec { Kind = KeyKind.EC, Curve = EcCurve.Parse(curve) });
        Assert.Equal(alg, key.Algorithm);
        Assert.Equal(bits, key.KeySize);
        Assert.Equal("EC", key.KeyType);
    }

    [Theory]
    [InlineData("P-192")]
    [InlineData("secp256k1")]
    [InlineData("Ed25519")]
    public void Unknown_curves_are_refused(string curve)
    {
        var e = Assert.Throws<EsignetException>(() => EcCurve.Parse(curve));
        Assert.Equal("UnsupportedCurve", e.ErrorId);
    }

    [Theory]
    [InlineData(KeyKind.RSA, KeyUse.Enc, null, "RSA-OAEP-256")]
    [InlineData(KeyKind.EC, KeyUse.Enc, null, "ECDH-ES")]
    [InlineData(KeyKind.RSA, KeyUse.Sig, "ps256", "PS256")]
    public void Algorithm_defaults_and_canonical_spelling(KeyKind kind, KeyUse use, string? alg, string expected)
    {
        var spec = new KeySpec { Kind = kind, Use = use, Algorithm = alg }.Validate();
        Assert.Equal(expected, spec.Algorithm);
    }

    [Theory]
    [InlineData(KeyKind.RSA, "ES256")]
    [InlineData(KeyKind.EC, "RS256")]
    [InlineData(KeyKind.RSA, "HS256")]
    public void Algorithms_that_do_not_fit_the_key_are_refused(KeyKind kind, string alg)
    {
        var e = Assert.Throws<EsignetException>(() => new KeySpec { Kind = kind, Algorithm = alg }.Validate());
        Assert.Equal("AlgorithmKeyMismatch", e.ErrorId);
    }

    [Fact]
    public void Public_jwk_has_the_public_members_only()
    {
        JwkKeyPair key = KeyFactory.Generate(new KeySpec());
        using JsonDocument doc = JsonDocument.Parse(key.PublicJwk);
        var names = doc.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(new[] { "kty", "kid", "use", "alg", "n", "e" }, names);
    }

    [Fact]
    public void To_string_shows_no_secret()
    {
        JwkKeyPair key = KeyFactory.Generate(new KeySpec());
        string privateJwk = key.RevealPrivateJwk();
        using JsonDocument doc = JsonDocument.Parse(privateJwk);
        string d = doc.RootElement.GetProperty("d").GetString()!;
        Assert.DoesNotContain(d, key.ToString());
        Assert.DoesNotContain(d, key.PublicJwk);
        Assert.StartsWith("RSA 2048 RS256 kid=", key.ToString());
    }
}
