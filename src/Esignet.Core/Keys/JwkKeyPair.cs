using System;
using System.Globalization;
using System.Security.Cryptography;
using Esignet.Core.Errors;
using Microsoft.IdentityModel.Tokens;

namespace Esignet.Core.Keys
{
    /// <summary>
    /// A key pair as the module hands it around: public facts as properties, the private key sealed inside.
    /// Every public property is safe to print, log or serialise (the default view, <c>Format-List *</c>,
    /// <c>ConvertTo-Json</c> and <see cref="ToString"/> show no private member); the private key leaves only
    /// through the methods whose names start with <c>RevealPrivate</c>.
    /// </summary>
    public sealed class JwkKeyPair
    {
        private readonly KeyMaterial _key;

        internal JwkKeyPair(KeyMaterial key, string? keyId, string? use, string? algorithm)
        {
            _key = key;
            Thumbprint = JwkJson.Thumbprint(key);
            KeyId = keyId ?? Thumbprint;
            Use = use;
            Algorithm = algorithm;
            PublicJwk = JwkJson.Write(key, KeyId, use, algorithm, includePrivate: false);
        }

        /// <summary>The <c>kid</c>: the RFC 7638 thumbprint unless one was chosen.</summary>
        public string KeyId { get; }

        /// <summary><c>RSA</c> or <c>EC</c>.</summary>
        public string KeyType => _key.Kind == KeyKind.RSA ? "RSA" : "EC";

        /// <summary>RSA modulus bits, or the EC curve's bits.</summary>
        public int KeySize => _key.KeySize;

        /// <summary>The EC curve (P-256, P-384, P-521); null for RSA.</summary>
        public string? Curve => _key.Curve?.JwkName;

        /// <summary>The JOSE <c>alg</c> (RS256, ES256, RSA-OAEP-256, ...); null when an imported key had none.</summary>
        public string? Algorithm { get; }

        /// <summary><c>sig</c> or <c>enc</c>; null when an imported key had none.</summary>
        public string? Use { get; }

        /// <summary>The RFC 7638 SHA-256 thumbprint, base64url: the key's identity whatever its kid.</summary>
        public string Thumbprint { get; }

        /// <summary>The public JWK as compact JSON: what is sent to eSignet or PMS.</summary>
        public string PublicJwk { get; }

        /// <summary>True when the private key is held (false for a key read from a public file).</summary>
        public bool HasPrivateKey => _key.HasPrivate;

        public string? PrivateKeyPemPath { get; internal set; }

        public string? PrivateJwkPath { get; internal set; }

        public string? PublicJwkPath { get; internal set; }

        internal KeyMaterial Material => _key;

        /// <summary>The private key as PKCS#8 PEM (what OpenG2P's Odoo takes). Secret: never log it.</summary>
        public string RevealPrivateKeyPem()
        {
            RequirePrivate();
            return KeyPem.ExportPkcs8Pem(_key);
        }

        /// <summary>The private JWK as compact JSON (what MOSIP's mock relying party takes). Secret: never log it.</summary>
        public string RevealPrivateJwk()
        {
            RequirePrivate();
            return JwkJson.Write(_key, KeyId, Use, Algorithm, includePrivate: true);
        }

        /// <summary>The public key as SubjectPublicKeyInfo PEM (public: a user's script may hand it on).</summary>
        public string ExportPublicKeyPem() => new string(PemEncoding.Write("PUBLIC KEY", KeyPem.ExportSpki(_key))) + "\n";

        /// <summary>DER SubjectPublicKeyInfo: what PMS 1.2.2+ hashes into the Client ID.</summary>
        public byte[] ExportSubjectPublicKeyInfo() => KeyPem.ExportSpki(_key);

        /// <summary>True when <paramref name="other"/> holds the same public key.</summary>
        public bool HasSamePublicKey(JwkKeyPair other) => other != null && _key.SamePublicKey(other._key);

        /// <summary>Signs data for a JWS with this key's algorithm (or <paramref name="algorithm"/>). Returns the JWS signature bytes.</summary>
        public byte[] Sign(byte[] data, string? algorithm = null)
        {
            RequirePrivate();
            string alg = algorithm ?? SigningAlgorithm;
            CheckAlgorithmFitsKey(alg);
            if (_key.Kind == KeyKind.RSA)
            {
                using (RSA rsa = _key.CreateRsa())
                {
                    return rsa.SignData(data, HashFor(alg), PaddingFor(alg));
                }
            }

            using (ECDsa ec = _key.CreateEcdsa())
            {
                // .NET's ECDsa.SignData returns IEEE P1363 (r||s), the form JWS needs (RFC 7518 §3.4).
                return ec.SignData(data, HashFor(alg));
            }
        }

        /// <summary>
        /// Runs <paramref name="use"/> with Microsoft.IdentityModel signing credentials over this key's private key
        /// (<paramref name="keyId"/> as the key's kid, null for none) and disposes the key object after. The
        /// credentials' provider cache is off, so no private key outlives the call in a process-wide cache.
        /// </summary>
        internal T WithSigningCredentials<T>(string algorithm, string? keyId, Func<SigningCredentials, T> use)
        {
            RequirePrivate();
            CheckAlgorithmFitsKey(algorithm);
            var factory = new CryptoProviderFactory { CacheSignatureProviders = false };
            if (_key.Kind == KeyKind.RSA)
            {
                var rsaKey = new RsaSecurityKey(_key.Rsa) { KeyId = keyId, CryptoProviderFactory = factory };
                return use(new SigningCredentials(rsaKey, algorithm) { CryptoProviderFactory = factory });
            }

            using (ECDsa ec = _key.CreateEcdsa())
            {
                var ecKey = new ECDsaSecurityKey(ec) { KeyId = keyId, CryptoProviderFactory = factory };
                return use(new SigningCredentials(ecKey, algorithm) { CryptoProviderFactory = factory });
            }
        }

        /// <summary>RS* or PS* for an RSA key; the curve's own ES* for an EC key.</summary>
        private bool FitsKey(string alg) => _key.Kind == KeyKind.RSA
            ? alg.StartsWith("RS", StringComparison.Ordinal) || alg.StartsWith("PS", StringComparison.Ordinal)
            : alg == _key.Curve!.SigningAlgorithm;

        private void CheckAlgorithmFitsKey(string alg)
        {
            if (FitsKey(alg))
            {
                return;
            }

            throw new EsignetException("AlgorithmKeyMismatch", EsignetErrorKind.InvalidArgument, _key.Kind == KeyKind.RSA
                ? $"An RSA key cannot sign with '{alg}'."
                : $"An EC {_key.Curve!.JwkName} key signs with {_key.Curve.SigningAlgorithm}, not '{alg}'.");
        }

        /// <summary>
        /// The JWS <c>alg</c> this key signs with: its own <c>alg</c>, else the default for its type (RS256, or
        /// ES256/ES384/ES512 by curve).
        /// </summary>
        internal string SigningAlgorithm => Algorithm ?? JwkAlgorithms.Default(_key.Kind, KeyUse.Sig, _key.Curve);

        /// <summary>
        /// True when <paramref name="signature"/> is a valid JWS signature of <paramref name="data"/> under this public
        /// key with <paramref name="algorithm"/> (RS*, PS*, or the curve's ES*). False for a wrong signature or an
        /// algorithm that does not fit the key: a verifier never throws on what a sender made.
        /// </summary>
        public bool Verify(byte[] data, byte[] signature, string algorithm)
        {
            if (data == null || signature == null || string.IsNullOrEmpty(algorithm) || !FitsKey(algorithm))
            {
                return false;
            }

            try
            {
                if (_key.Kind == KeyKind.RSA)
                {
                    using (RSA rsa = _key.PublicOnly().CreateRsa())
                    {
                        return rsa.VerifyData(data, signature, HashFor(algorithm), PaddingFor(algorithm));
                    }
                }

                using (ECDsa ec = _key.PublicOnly().CreateEcdsa())
                {
                    return ec.VerifyData(data, signature, HashFor(algorithm));
                }
            }
            catch (CryptographicException)
            {
                return false;
            }
        }

        /// <summary>A copy without the private key.</summary>
        public JwkKeyPair ToPublicOnly()
        {
            return new JwkKeyPair(_key.PublicOnly(), KeyId, Use, Algorithm)
            {
                PublicJwkPath = PublicJwkPath,
            };
        }

        public override string ToString() =>
            $"{KeyType} {Curve ?? KeySize.ToString(CultureInfo.InvariantCulture)}{(Algorithm == null ? string.Empty : " " + Algorithm)} kid={KeyId}";

        private static RSASignaturePadding PaddingFor(string alg) => alg.StartsWith("PS", StringComparison.Ordinal) ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;

        private static HashAlgorithmName HashFor(string alg)
        {
            if (alg.EndsWith("384", StringComparison.Ordinal)) return HashAlgorithmName.SHA384;
            if (alg.EndsWith("512", StringComparison.Ordinal)) return HashAlgorithmName.SHA512;
            return HashAlgorithmName.SHA256;
        }

        private void RequirePrivate()
        {
            if (!_key.HasPrivate)
            {
                throw new EsignetException("PrivateKeyMissing", EsignetErrorKind.InvalidOperation,
                    $"Key {KeyId} was read from a public key; its private key is not available here.");
            }
        }
    }
}
