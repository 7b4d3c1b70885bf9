using System;
using Esignet.Core.Keys;

namespace Esignet.Core.Assertions
{
    /// <summary>
    /// A public JWK as the server stored it, with the members that decide whether it verifies an assertion
    /// (esignet-api.md §3.3): its <c>kid</c>, <c>use</c> and <c>alg</c> exactly as registered, absent or not. A
    /// <see cref="JwkKeyPair"/> cannot tell: it gives every key a kid (the thumbprint) when the JWK had none.
    /// </summary>
    public sealed class RegisteredJwk
    {
        private RegisteredJwk(JwkKeyPair key, string? kid, string? use, string? alg)
        {
            Key = key;
            KeyId = kid;
            Use = use;
            Algorithm = alg;
        }

        /// <summary>The registered public key.</summary>
        public JwkKeyPair Key { get; }

        /// <summary>The registered <c>kid</c>, or null when the JWK has none.</summary>
        public string? KeyId { get; }

        public string? Use { get; }

        public string? Algorithm { get; }

        public string Thumbprint => Key.Thumbprint;

        /// <summary>Reads the JWK text the ledger or PMS holds.</summary>
        public static RegisteredJwk Parse(string json)
        {
            // The parser keeps kid, use and alg as written (null when absent); JwkKeyPair would fill in a kid.
            ParsedJwk jwk = JwkJson.Parse(json);
            var key = new JwkKeyPair(jwk.Key.PublicOnly(), jwk.KeyId, jwk.Use, jwk.Algorithm);
            return new RegisteredJwk(key, jwk.KeyId, jwk.Use, jwk.Algorithm);
        }

        /// <summary>
        /// Nimbus <c>JWKMatcher.forJWSHeader</c> (§3.3): null when this key is selected for a JWS with
        /// <paramref name="alg"/> and <paramref name="headerKid"/>, else why not.
        /// </summary>
        public string? RefusalFor(string alg, string? headerKid)
        {
            string family = alg.StartsWith("ES", StringComparison.Ordinal) ? "EC" : "RSA";
            if (Key.KeyType != family)
                return $"the registered key is {Key.KeyType}, but the assertion is signed with {alg}";
            if (headerKid != null && headerKid != KeyId)
                return KeyId == null
                    ? $"the assertion names kid '{headerKid}', but the registered key has no kid, so eSignet would find no key; send no kid"
                    : $"the assertion names kid '{headerKid}', but the registered key's kid is '{KeyId}'";
            if (Use != null && Use != "sig")
                return $"the registered key has use '{Use}', so eSignet will not verify signatures with it; register a new client with a signing key";
            if (Algorithm != null && Algorithm != alg)
                return $"the registered key has alg '{Algorithm}', so eSignet accepts only {Algorithm} assertions, not {alg}";
            return null;
        }
    }
}
