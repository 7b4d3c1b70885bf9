using System;
using System.Formats.Asn1;
using System.Security.Cryptography;
using Esignet.Core.Errors;

namespace Esignet.Core.Keys
{
    /// <summary>
    /// PEM and DER forms of keys through the runtime's own encoders (RSA/ECDsa import and export,
    /// <see cref="PemEncoding"/>): PKCS#8, PKCS#1, SEC1 and SubjectPublicKeyInfo. Only the choice of block and the
    /// module's error ids and messages are the module's; no DER is read or written here by hand.
    /// </summary>
    internal static class KeyPem
    {
        /// <summary>The private key as PKCS#8 PEM, ending with a newline as every file the module wrote before.</summary>
        public static string ExportPkcs8Pem(KeyMaterial key)
        {
            RequirePrivate(key);
            using (AsymmetricAlgorithm algorithm = key.CreateAlgorithm())
            {
                return algorithm.ExportPkcs8PrivateKeyPem() + "\n";
            }
        }

        /// <summary>DER SubjectPublicKeyInfo (RFC 5280).</summary>
        public static byte[] ExportSpki(KeyMaterial key)
        {
            using (AsymmetricAlgorithm algorithm = key.PublicOnly().CreateAlgorithm())
            {
                return algorithm.ExportSubjectPublicKeyInfo();
            }
        }

        public static bool LooksLikePem(string text) => text != null && text.IndexOf("-----BEGIN ", StringComparison.Ordinal) >= 0;

        /// <summary>
        /// The key in PEM text: the first private-key block, else the first block that is not a certificate.
        /// </summary>
        public static KeyMaterial Read(string text)
        {
            (string Label, byte[] Der)? chosen = null;
            string? firstLabel = null;
            ReadOnlySpan<char> rest = text.AsSpan();
            while (PemEncoding.TryFind(rest, out PemFields fields))
            {
                string label = new string(rest[fields.Label]);
                byte[] der = new byte[fields.DecodedDataLength];
                bool decoded = Convert.TryFromBase64Chars(rest[fields.Base64Data], der, out int written);
                rest = rest.Slice(fields.Location.End.GetOffset(rest.Length));
                if (!decoded)
                {
                    continue;
                }

                firstLabel ??= label;
                if (label.EndsWith("PRIVATE KEY", StringComparison.Ordinal))
                {
                    return Import(label, der[..written]);
                }

                if (chosen == null && label != "CERTIFICATE")
                {
                    chosen = (label, der[..written]);
                }
            }

            if (chosen == null)
            {
                // RFC 1421 headers (Proc-Type, DEK-Info) mark legacy encrypted keys, which RFC 7468 parsers skip.
                if (text.IndexOf("Proc-Type:", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    throw Encrypted();
                }

                throw new EsignetException("UnrecognisedKeyFormat", EsignetErrorKind.InvalidData,
                    firstLabel == "CERTIFICATE"
                        ? "The PEM holds only a certificate; give the private key (or the public key) instead."
                        : "The PEM text holds no readable block; check that the file was copied whole.");
            }

            return Import(chosen.Value.Label, chosen.Value.Der);
        }

        private static KeyMaterial Import(string label, byte[] der)
        {
            switch (label)
            {
                case "PRIVATE KEY":
                    return ImportEither(label, der, (rsa, d) => rsa.ImportPkcs8PrivateKey(d, out _), (ec, d) => ec.ImportPkcs8PrivateKey(d, out _));
                case "PUBLIC KEY":
                    return ImportEither(label, der, (rsa, d) => rsa.ImportSubjectPublicKeyInfo(d, out _), (ec, d) => ec.ImportSubjectPublicKeyInfo(d, out _));
                case "RSA PRIVATE KEY":
                    return ImportEither(label, der, (rsa, d) => rsa.ImportRSAPrivateKey(d, out _), null);
                case "RSA PUBLIC KEY":
                    return ImportEither(label, der, (rsa, d) => rsa.ImportRSAPublicKey(d, out _), null);
                case "EC PRIVATE KEY":
                    return ImportEither(label, der, null, (ec, d) => ec.ImportECPrivateKey(d, out _));
            }

            if (label.StartsWith("ENCRYPTED", StringComparison.Ordinal))
            {
                throw Encrypted();
            }

            throw new EsignetException("UnsupportedPemLabel", EsignetErrorKind.InvalidData,
                $"A PEM block '{label}' is not a key the module reads. Use PRIVATE KEY (PKCS#8), RSA PRIVATE KEY (PKCS#1), EC PRIVATE KEY or PUBLIC KEY.");
        }

        /// <summary>
        /// Tries RSA, then EC. The runtime tells a broken structure (its <see cref="CryptographicException"/> wraps
        /// the DER decoder's <see cref="AsnContentException"/>) from a well-formed key of another algorithm
        /// (Ed25519, DSA...), which keeps the module's two error ids apart.
        /// </summary>
        private static KeyMaterial ImportEither(string label, byte[] der, Action<RSA, byte[]>? rsaImport, Action<ECDsa, byte[]>? ecImport)
        {
            // A PKCS#8, PKCS#1 or SEC1 private-key structure always holds the private key; a public-key one never does.
            bool isPrivate = label.EndsWith("PRIVATE KEY", StringComparison.Ordinal);
            bool malformed = false;
            if (rsaImport != null)
            {
                using (RSA rsa = RSA.Create())
                {
                    try
                    {
                        rsaImport(rsa, der);
                        return KeyMaterial.FromRsa(rsa.ExportParameters(isPrivate));
                    }
                    catch (CryptographicException e)
                    {
                        malformed |= e.InnerException is AsnContentException || ecImport == null;
                    }
                }
            }

            if (ecImport != null)
            {
                using (ECDsa ec = ECDsa.Create())
                {
                    try
                    {
                        ecImport(ec, der);
                    }
                    catch (CryptographicException e)
                    {
                        malformed |= e.InnerException is AsnContentException || rsaImport == null;
                        throw malformed
                            ? Malformed(label, e)
                            : new EsignetException("UnsupportedKeyAlgorithm", EsignetErrorKind.InvalidData,
                                "The key's algorithm is not RSA or EC. Only RSA and EC keys can be registered with eSignet.", e);
                    }

                    return FromEcdsa(ec, isPrivate);
                }
            }

            throw Malformed(label, null);
        }

        private static KeyMaterial FromEcdsa(ECDsa ec, bool isPrivate)
        {
            ECParameters p = ec.ExportParameters(isPrivate);
            EcCurve curve = EcCurve.FromOid(p.Curve.Oid?.Value)
                ?? EcCurve.FromPlatformName(p.Curve.Oid?.FriendlyName)
                ?? throw new EsignetException("UnsupportedCurve", EsignetErrorKind.InvalidData,
                    $"The EC key uses curve '{p.Curve.Oid?.Value ?? p.Curve.Oid?.FriendlyName ?? "(explicit parameters)"}'. Only P-256, P-384 and P-521 are supported.");
            return KeyMaterial.FromEc(curve, p.Q.X!, p.Q.Y!, p.D);
        }

        private static void RequirePrivate(KeyMaterial key)
        {
            if (!key.HasPrivate)
            {
                throw new EsignetException("PrivateKeyMissing", EsignetErrorKind.InvalidOperation, "This key has no private part.");
            }
        }

        private static EsignetException Encrypted()
        {
            return new EsignetException("EncryptedKeyNotSupported", EsignetErrorKind.InvalidData,
                "The key is encrypted with a passphrase. Decrypt it first, e.g. 'openssl pkey -in key.pem -out plain.pem', and keep the plain file owner-only.");
        }

        private static EsignetException Malformed(string label, Exception? e)
        {
            return new EsignetException("MalformedPem", EsignetErrorKind.InvalidData,
                $"The '{label}' PEM block is not a valid DER key structure. Check that the file was copied whole.", e);
        }
    }
}
