using System.Security.Cryptography;
using System.Text.Json;
using Esignet.Sandbox.Json;
using Esignet.Sandbox.State;
using Esignet.Sandbox.Tokens;
using Esignet.Sandbox.Versions;

namespace Esignet.Sandbox.Oidc;

/// <summary>
/// The <c>private_key_jwt</c> checks of <c>TokenServiceImpl.verifyClientAssertionToken</c> per line
/// (esignet-api.md §6.2) and the key selection of §3.3. Returns null when the assertion is accepted, else a
/// description for <c>error_description</c>.
/// </summary>
public sealed class ClientAssertionVerifier
{
    private readonly AssertionReplayCache _replay;
    private readonly TimeProvider _clock;

    public ClientAssertionVerifier(AssertionReplayCache replay, TimeProvider clock)
    {
        _replay = replay;
        _clock = clock;
    }

    public string? Verify(string assertion, EsignetClientRecord client, EsignetLine line, IReadOnlyList<string> acceptedAlgorithms, IReadOnlyList<string> audiences)
    {
        var jws = Jws.TryParse(assertion);
        if (jws is null) return "client_assertion is not a signed JWT";
        var alg = jws.Algorithm;
        // ≤ v1.6: JWSVerificationKeySelector(RS256); v1.7+: alg in token_endpoint_auth_signing_alg_values_supported.
        if (alg is null || !acceptedAlgorithms.Contains(alg)) return $"Unsupported alg {alg}";

        using var key = SelectKey(client.PublicKey, jws, alg);
        if (key is null) return "No registered key matches the JWS header (kty/kid/use/alg)";
        if (!jws.VerifyWith(key)) return "Invalid signature";

        var claims = jws.Payload;
        string[] required = line.RequiresUniqueJti ? ["sub", "aud", "exp", "iss", "iat", "jti"] : ["sub", "aud", "exp", "iss", "iat"];
        foreach (var name in required)
        {
            if (!claims.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return $"Missing required claim {name}";
        }
        if (Text(claims, "iss") != client.ClientId) return "iss does not match client_id";
        if (Text(claims, "sub") != client.ClientId) return "sub does not match client_id";
        if (!AudienceAccepted(claims.GetProperty("aud"), audiences, line.AudienceMustBeSingleValue)) return "aud is not an accepted audience";

        var leeway = TimeSpan.FromSeconds(line.AssertionLeewaySeconds);
        var now = _clock.GetUtcNow();
        if (!claims.GetProperty("exp").TryGetInt64(out var exp)) return "exp is not a number";
        if (now > DateTimeOffset.FromUnixTimeSeconds(exp) + leeway) return "Expired client assertion";
        if (claims.TryGetProperty("nbf", out var nbfElement) && nbfElement.TryGetInt64(out var nbf) && now + leeway < DateTimeOffset.FromUnixTimeSeconds(nbf))
            return "Client assertion not yet valid";
        if (line.RequiresUniqueJti)
        {
            var jti = Text(claims, "jti");
            if (string.IsNullOrWhiteSpace(jti)) return "jti is blank";
            if (!_replay.TryRecord(client.ClientId, jti)) return "jti already used";
        }
        return null;
    }

    /// <summary>
    /// Nimbus <c>JWKMatcher.forJWSHeader</c>: key type matches the alg family, header kid equals the registered kid,
    /// registered use is sig or absent, registered alg equals the header alg or is absent (§3.3).
    /// </summary>
    private static AsymmetricAlgorithm? SelectKey(string registeredJwk, Jws jws, string alg)
    {
        using var document = JsonDocument.Parse(registeredJwk);
        var jwk = document.RootElement;
        var kty = Text(jwk, "kty");
        var family = alg.StartsWith("ES", StringComparison.Ordinal) ? "EC" : "RSA";
        if (kty != family) return null;
        if (jws.KeyId is { } kid && Text(jwk, "kid") != kid) return null;
        if (Text(jwk, "use") is { } use && use != "sig") return null;
        if (Text(jwk, "alg") is { } keyAlg && keyAlg != alg) return null;
        try
        {
            if (kty == "RSA")
                return RSA.Create(new RSAParameters { Modulus = Base64Url.Decode(Text(jwk, "n")!), Exponent = Base64Url.Decode(Text(jwk, "e")!) });
            if (Text(jwk, "crv") != "P-256") return null; // ES256 needs P-256
            return ECDsa.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = Base64Url.Decode(Text(jwk, "x")!), Y = Base64Url.Decode(Text(jwk, "y")!) },
            });
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static bool AudienceAccepted(JsonElement aud, IReadOnlyList<string> accepted, bool mustBeSingle)
    {
        var values = aud.ValueKind switch
        {
            JsonValueKind.String => [aud.GetString()!],
            JsonValueKind.Array => aud.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!).ToList(),
            _ => new List<string>(),
        };
        // ≤ v1.6 Nimbus exact match on a single value; v1.7+ any listed audience may be an accepted one.
        if (mustBeSingle) return values.Count == 1 && values[0] == accepted[0];
        return values.Any(accepted.Contains);
    }

    private static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
