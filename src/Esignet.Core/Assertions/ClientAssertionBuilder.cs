using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using Esignet.Core.Errors;
using Esignet.Core.Keys;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Esignet.Core.Assertions
{
    /// <summary>
    /// Makes <c>private_key_jwt</c> client assertions (RFC 7523) exactly as eSignet's token endpoint checks them
    /// (esignet-api.md §6.2): header <c>alg</c> from the key and its <c>kid</c>; claims <c>iss</c> = <c>sub</c> = the
    /// Client ID, a single-string <c>aud</c>, <c>iat</c>, <c>exp</c> and a unique <c>jti</c> (required from 1.7, harmless
    /// before). No <c>nbf</c>: eSignet 1.2-1.5.0 allow no clock skew at all, and an <c>nbf</c> a second ahead of the
    /// server's clock would be refused. The result is a secret (it authenticates as the client until it expires).
    /// </summary>
    public static class ClientAssertionBuilder
    {
        /// <summary>The <c>client_assertion_type</c> form value that goes with the assertion.</summary>
        public const string AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

        public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(5);

        /// <summary>eSignet 1.7+ remembers a jti for 86 400 s; a longer-lived assertion could be replayed after that.</summary>
        public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(1);

        /// <summary>Signs a compact JWS client assertion with <paramref name="key"/>, which must hold its private key.</summary>
        public static ClientAssertion Build(JwkKeyPair key, ClientAssertionRequest request)
        {
            if (key == null) throw new ArgumentNullException(nameof(key));
            if (request == null) throw new ArgumentNullException(nameof(request));
            Validate(key, request);

            string alg = request.Algorithm ?? key.SigningAlgorithm;
            string? kid = request.KeyId ?? key.KeyId;
            DateTimeOffset iat = request.IssuedAt ?? DateTimeOffset.UtcNow;
            string jti = request.JwtId ?? Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));

            DateTimeOffset exp = iat + request.Lifetime;

            // Microsoft.IdentityModel writes and signs the JWS. Its defaults are turned off where eSignet differs:
            // no nbf/iat/exp of its own (SetDefaultTimesOnTokenCreation; eSignet 1.2-1.5 refuse an nbf ahead of their
            // clock), aud as one string, and a kid only when the registered key has one (the key's KeyId is left null
            // otherwise, and the handler then writes none).
            var descriptor = new SecurityTokenDescriptor
            {
                TokenType = "JWT",
                Claims = new Dictionary<string, object>(StringComparer.Ordinal)
                {
                    ["iss"] = request.ClientId,
                    ["sub"] = request.ClientId,
                    ["aud"] = request.Audience,
                    ["iat"] = iat.ToUnixTimeSeconds(),
                    ["exp"] = exp.ToUnixTimeSeconds(),
                    ["jti"] = jti,
                },
            };
            var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
            string token = key.WithSigningCredentials(alg, string.IsNullOrEmpty(kid) ? null : kid, credentials =>
            {
                descriptor.SigningCredentials = credentials;
                return handler.CreateToken(descriptor);
            });
            return new ClientAssertion(token, request.ClientId, request.Audience, alg,
                string.IsNullOrEmpty(kid) ? null : kid, iat, exp, jti);
        }

        private static void Validate(JwkKeyPair key, ClientAssertionRequest request)
        {
            if (string.IsNullOrWhiteSpace(request.ClientId))
                throw new EsignetException("ClientIdRequired", EsignetErrorKind.InvalidArgument, "A client assertion needs the Client ID (iss and sub).");
            // On Unix "/oauth/v2/token" parses as an absolute file: URI, so the scheme is checked too.
            if (!Uri.TryCreate(request.Audience, UriKind.Absolute, out Uri? audience) || (audience.Scheme != "https" && audience.Scheme != "http"))
                throw new EsignetException("InvalidAudience", EsignetErrorKind.InvalidArgument,
                    $"The audience '{request.Audience}' is not an http(s) URL. Give the token endpoint, e.g. https://esignet.example.org/v1/esignet/oauth/v2/token.");
            if (request.Lifetime < TimeSpan.FromSeconds(1) || request.Lifetime > MaxLifetime)
                throw new EsignetException("InvalidLifetime", EsignetErrorKind.InvalidArgument,
                    $"The lifetime {request.Lifetime} is out of range: give 1 second to 1 day (eSignet 1.7+ remembers a jti for one day, so a longer-lived assertion could be replayed).");
            if (!key.HasPrivateKey)
                throw new EsignetException("PrivateKeyMissing", EsignetErrorKind.InvalidArgument,
                    $"Key {key.KeyId} holds only a public key; a client assertion is signed with the private key (*.private.pem or *.private.jwk.json).");
            if (key.Use != null && key.Use.Trim().Length > 0 && key.Use != "sig")
                throw new EsignetException("KeyNotForSigning", EsignetErrorKind.InvalidArgument,
                    $"Key {key.KeyId} has use '{key.Use}'; client assertions need a signing key (use sig).");
        }
    }
}
