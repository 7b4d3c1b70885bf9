using Esignet.Core.Keys;
using Microsoft.IdentityModel.Tokens;

namespace Esignet.Core.Tests.Keys;

public class ThumbprintTests
{
    // RFC 7638 §3.1: the example RSA key and its SHA-256 thumbprint.
    private const string Rfc7638N =
        "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";

    [Fact]
    public void Rfc7638_section_3_1_test_vector()
    {
        string jwk = "{\"kty\":\"RSA\",\"n\":\"" + Rfc7638N + "\",\"e\":\"AQAB\",\"alg\":\"RS256\",\"kid\":\"2011-04-29\"}";
        JwkKeyPair key = KeyFactory.FromJwk(jwk);
        Assert.Equal("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", key.Thumbprint);
        Assert.Equal("2011-04-29", key.KeyId); // an explicit kid is kept
    }

    [Theory]
    [InlineData("RSA", null)]
    [InlineData("EC", "P-256")]
    [InlineData("EC", "P-384")]
    [InlineData("EC", "P-521")]
    public void Default_kid_is_the_thumbprint_an_independent_implementation_computes(string kty, string? curve)
    {
        var spec = new KeySpec { Kind = kty == "RSA" ? KeyKind.RSA : KeyKind.EC, Curve = curve == null ? null : EcCurve.Parse(curve) };
        JwkKeyPair key = KeyFactory.Generate(spec);

        var independent = new JsonWebKey(key.PublicJwk);
        string expected = Base64UrlEncoder.Encode(independent.ComputeJwkThumbprint());

        Assert.Equal(expected, key.KeyId);
        Assert.Equal(expected, key.Thumbprint);
    }

    [Fact]
    public void Thumbprint_ignores_kid_use_and_alg()
    {
        JwkKeyPair a = KeyFactory.FromJwk("{\"kty\":\"RSA\",\"n\":\"" + Rfc7638N + "\",\"e\":\"AQAB\"}");
        JwkKeyPair b = KeyFactory.FromJwk("{\"kty\":\"RSA\",\"kid\":\"x\",\"use\":\"sig\",\"alg\":\"PS256\",\"n\":\"" + Rfc7638N + "\",\"e\":\"AQAB\"}");
        Assert.Equal(a.Thumbprint, b.Thumbprint);
        Assert.True(a.HasSamePublicKey(b));
    }

    [Fact]
    public void A_jwk_with_leading_zero_padding_keeps_the_rfc_7638_thumbprint()
    {
        // Some tools write n with a leading 0x00 (a signed big-endian integer). RFC 7638 §3.3 hashes the unpadded
        // value, so the kid must stay the RFC's answer, not the hash of the padded text.
        byte[] n = Base64UrlEncoder.DecodeBytes(Rfc7638N);
        string padded = Base64UrlEncoder.Encode(new byte[] { 0 }.Concat(n).ToArray());
        Assert.NotEqual(Rfc7638N, padded);

        JwkKeyPair key = KeyFactory.FromJwk("{\"kty\":\"RSA\",\"n\":\"" + padded + "\",\"e\":\"AAEAAQ\"}");

        Assert.Equal("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", key.Thumbprint);
        Assert.Contains("\"n\":\"" + Rfc7638N + "\"", key.PublicJwk);
        Assert.Contains("\"e\":\"AQAB\"", key.PublicJwk);
    }
}
