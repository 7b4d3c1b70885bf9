using System;
using System.Linq;
using Esignet.Core.Keys;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Esignet.Core.Assertions
{
    /// <summary>
    /// Checks a client assertion the way eSignet's token endpoint does (esignet-api.md §6.2, key selection §3.3),
    /// against the registered public key: alg accepted, key selected by kty/kid/use/alg, signature, iss = sub = the
    /// Client ID, aud, exp, iat, jti. Offline: it proves the assertion would pass those checks, not that the server is up.
    /// </summary>
    /// <remarks>
    /// Microsoft.IdentityModel's <see cref="JsonWebTokenHandler"/> reads the JWS and validates the signature, iss, aud
    /// and lifetime. What stays hand-written is eSignet's own: the line's algorithm list and Nimbus's key selection
    /// (<see cref="RegisteredJwk.RefusalFor"/>), and the claims the handler does not check (sub, one aud, iat, jti).
    /// The server's checks: TokenServiceImpl.verifyClientAssertionToken
    /// (oidc-service-impl/src/main/java/io/mosip/esignet/services/TokenServiceImpl.java@v1.5.1: Nimbus
    /// DefaultJWTClaimsVerifier with exact aud/iss/sub and required sub, aud, exp, iss, iat;
    /// @v1.8.0: the discovery alg list, then JwtTimestampValidator, JwtIssuerValidator, non-null iat and exp, aud,
    /// sub, and a non-blank jti). Every failure there is one code (invalid_assertion before 1.8, invalid_client on
    /// 1.8); the reasons here say which check it would be, in eSignet's terms.
    /// </remarks>
    public static class ClientAssertionCheck
    {
        /// <summary>Null when the assertion passes every check; else the first reason it would be refused.</summary>
        public static string? Check(string assertion, RegisteredJwk registered, string clientId, AssertionServerRules rules, DateTimeOffset now)
        {
            assertion = assertion ?? string.Empty;
            if (assertion.Split('.').Length != 3) return "it is not a compact JWS (three dot-separated parts)";
            var handler = new JsonWebTokenHandler();
            JsonWebToken token;
            try
            {
                token = handler.ReadJsonWebToken(assertion);
            }
            catch (ArgumentException)
            {
                return "its header or claims are not base64url JSON";
            }

            string? alg = token.TryGetHeaderValue("alg", out string headerAlg) ? headerAlg : null;
            if (alg == null || !rules.Algorithms.Contains(alg))
                return $"its alg {alg ?? "(none)"} is not one the token endpoint verifies ({string.Join(", ", rules.Algorithms)})";

            string? refusal = registered.RefusalFor(alg, token.TryGetHeaderValue("kid", out string kid) ? kid : null);
            if (refusal != null) return refusal;

            TokenValidationResult result = handler.ValidateTokenAsync(token, Parameters(registered, clientId, rules, now)).GetAwaiter().GetResult();
            if (!result.IsValid) return Reason(result.Exception, token, registered, clientId, rules);

            if (token.Subject != clientId) return $"sub is '{token.Subject}', not the Client ID '{clientId}'";
            // @v1.5.1 matches aud exactly (one value); @v1.8.0 takes any match. One value passes both.
            if (token.Audiences.Count() != 1) return $"aud is not the single value '{rules.Audience}' (the token endpoint)";
            if (!token.TryGetPayloadValue("iat", out long _)) return "iat is missing";
            if (rules.RequiresJti && string.IsNullOrWhiteSpace(token.Id)) return "jti is missing, and this eSignet line requires one";
            return null;
        }

        private static TokenValidationParameters Parameters(RegisteredJwk registered, string clientId, AssertionServerRules rules, DateTimeOffset now) => new TokenValidationParameters
        {
            IssuerSigningKey = new JsonWebKey(registered.Key.PublicJwk),
            ValidAlgorithms = rules.Algorithms,
            ValidIssuer = clientId,
            ValidAudience = rules.Audience,
            IgnoreTrailingSlashWhenValidatingAudience = false, // eSignet compares the audience exactly
            // eSignet's lifetime rules, at the time given (the handler's own check reads the machine's clock): exp
            // required and later than now, no nbf required and one that is present not later than now, as Nimbus
            // (@v1.5.1) and JwtTimestampValidator (@v1.8.0) check them. No clock skew: 1.2-1.5.0 allow none
            // (setMaxClockSkew(0), TokenServiceImpl.java@v1.5.0), later lines 5 s by default
            // (mosip.esignet.client-assertion-jwt.leeway-seconds, @v1.5.1), so none holds on every line.
            LifetimeValidator = (notBefore, expires, _, _) =>
            {
                if (expires == null) throw new SecurityTokenNoExpirationException("exp is missing");
                if (expires.Value <= now.UtcDateTime) throw new SecurityTokenExpiredException("expired");
                if (notBefore > now.UtcDateTime) throw new SecurityTokenNotYetValidException("nbf is later than now");
                return true;
            },
        };

        private static string Reason(Exception? e, JsonWebToken token, RegisteredJwk registered, string clientId, AssertionServerRules rules)
        {
            switch (e)
            {
                case SecurityTokenInvalidSignatureException _: // SecurityTokenSignatureKeyNotFoundException too
                    return $"its signature does not verify with the registered public key (thumbprint {registered.Thumbprint})";
                case SecurityTokenInvalidIssuerException _:
                    return $"iss is '{token.Issuer}', not the Client ID '{clientId}'";
                case SecurityTokenInvalidAudienceException _:
                    return $"aud is not the single value '{rules.Audience}' (the token endpoint)";
                case SecurityTokenNoExpirationException _:
                    return "exp is missing";
                case SecurityTokenExpiredException _:
                    return "it has expired";
                case SecurityTokenNotYetValidException _:
                    return "its nbf is later than now, so eSignet would refuse it until then; send no nbf";
                case SecurityTokenInvalidAlgorithmException _:
                    return $"its alg is not one the token endpoint verifies ({string.Join(", ", rules.Algorithms)})";
                default:
                    return $"it does not validate ({e?.GetType().Name ?? "no reason given"})";
            }
        }
    }
}
