using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace Esignet.Sandbox.Tests.Infrastructure;

/// <summary>Key pairs and their public JWKs, encoded with Microsoft.IdentityModel's Base64UrlEncoder (not the sandbox's code).</summary>
public static class TestKeys
{
    public static string B64(byte[] data) => Base64UrlEncoder.Encode(data);

    /// <summary>A fresh RSA key (1024 bits: the contract enforces no minimum, and it keeps the suite fast).</summary>
    public static RSA NewRsa(int bits = 1024) => RSA.Create(bits);

    public static JsonObject Jwk(RSA rsa, string? kid = null, string? use = null, string? alg = null)
    {
        var p = rsa.ExportParameters(false);
        var jwk = new JsonObject { ["kty"] = "RSA", ["e"] = B64(p.Exponent!), ["n"] = B64(p.Modulus!) };
        if (kid is not null) jwk["kid"] = kid;
        if (use is not null) jwk["use"] = use;
        if (alg is not null) jwk["alg"] = alg;
        return jwk;
    }

    public static JsonObject NewRsaJwk() => Jwk(NewRsa());

    public static JsonObject Jwk(ECDsa ec)
    {
        var p = ec.ExportParameters(false);
        return new JsonObject { ["kty"] = "EC", ["crv"] = "P-256", ["x"] = B64(p.Q.X!), ["y"] = B64(p.Q.Y!) };
    }
}
