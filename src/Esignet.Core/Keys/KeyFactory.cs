using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using Esignet.Core.Errors;

namespace Esignet.Core.Keys
{
    /// <summary>Makes <see cref="JwkKeyPair"/>s: generated, or read from JWK or PEM text and files.</summary>
    public static class KeyFactory
    {
        /// <summary>Generates one key pair. <paramref name="spec"/> is validated first (sizes, curves, algorithms).</summary>
        public static JwkKeyPair Generate(KeySpec spec)
        {
            KeySpec s = spec.Validate();
            KeyMaterial key = KeyMaterial.Generate(s);
            return new JwkKeyPair(key, s.KeyId, s.Use == KeyUse.Sig ? "sig" : "enc", s.Algorithm);
        }

        /// <summary>Reads a JWK (or a one-key JWK Set) from JSON text.</summary>
        public static JwkKeyPair FromJwk(string json)
        {
            ParsedJwk jwk = JwkJson.Parse(json);
            return new JwkKeyPair(jwk.Key, jwk.KeyId, jwk.Use, jwk.Algorithm);
        }

        /// <summary>
        /// Reads a JWK given as its members (a hashtable or object from PowerShell, already unwrapped to plain
        /// values). The JSON is made here, not by the caller, so that the cmdlet assembly needs no JSON library:
        /// JSON libraries are what other modules load in conflicting versions, and they stay behind the Core.
        /// </summary>
        public static JwkKeyPair FromJwkMembers(IDictionary<string, object?> members)
        {
            return FromJwk(JsonSerializer.Serialize(members));
        }

        /// <summary>
        /// Reads a key from PEM (PKCS#8, PKCS#1, SEC1 or SubjectPublicKeyInfo) or JWK text. PEM carries no
        /// kid/use/alg, so those come from the arguments or default to the thumbprint, sig and the key's algorithm.
        /// </summary>
        public static JwkKeyPair FromText(string text, string? keyId = null, string? use = null, string? algorithm = null)
        {
            string trimmed = (text ?? string.Empty).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
            if (trimmed.StartsWith("{", StringComparison.Ordinal) || trimmed.StartsWith("[", StringComparison.Ordinal))
            {
                JwkKeyPair fromJwk = FromJwk(trimmed);
                if (keyId == null && use == null && algorithm == null)
                {
                    return fromJwk;
                }

                return new JwkKeyPair(fromJwk.Material, keyId ?? fromJwk.KeyId, use ?? fromJwk.Use, algorithm ?? fromJwk.Algorithm);
            }

            if (!KeyPem.LooksLikePem(trimmed))
            {
                throw new EsignetException("UnrecognisedKeyFormat", EsignetErrorKind.InvalidData,
                    "The text is neither a JWK (JSON) nor a PEM key (-----BEGIN ...-----).");
            }

            KeyMaterial key = KeyPem.Read(trimmed);
            string defaultAlg = JwkAlgorithms.Default(key.Kind, KeyUse.Sig, key.Curve);
            return new JwkKeyPair(key, keyId, use ?? "sig", algorithm ?? defaultAlg);
        }

        /// <summary>Reads a key file (PEM or JWK). With <paramref name="requirePrivate"/>, a public-only file is an error.</summary>
        public static JwkKeyPair FromFile(string path, bool requirePrivate, string? keyId = null, string? use = null, string? algorithm = null)
        {
            string text;
            try
            {
                var info = new FileInfo(path);
                if (!info.Exists)
                {
                    throw new EsignetException("KeyFileNotFound", EsignetErrorKind.ObjectNotFound, $"The key file '{path}' does not exist.") { TargetObject = path };
                }

                if (info.Length > 1024 * 1024)
                {
                    throw new EsignetException("KeyFileTooLarge", EsignetErrorKind.InvalidData, $"'{path}' is over 1 MiB; it is not a key file.") { TargetObject = path };
                }

                text = File.ReadAllText(path, Encoding.UTF8);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new EsignetException("KeyFileUnreadable", EsignetErrorKind.PermissionDenied,
                    $"The key file '{path}' cannot be read: permission denied. Run as its owner.", e) { TargetObject = path };
            }
            catch (IOException e)
            {
                throw new EsignetException("KeyFileUnreadable", EsignetErrorKind.ReadError, $"The key file '{path}' cannot be read: {e.Message}", e) { TargetObject = path };
            }

            JwkKeyPair pair;
            try
            {
                pair = FromText(text, keyId, use, algorithm);
            }
            catch (EsignetException e)
            {
                // Keep the id, add the file so a bulk run says which file is wrong.
                throw new EsignetException(e.ErrorId, e.Kind, $"{path}: {e.Message}", e) { TargetObject = path };
            }

            if (requirePrivate && !pair.HasPrivateKey)
            {
                throw new EsignetException("PrivateKeyMissing", EsignetErrorKind.InvalidData,
                    $"'{path}' holds only a public key. Give the private key file (*.private.pem or *.private.jwk.json).") { TargetObject = path };
            }

            AttachPaths(pair, Path.GetFullPath(path), text);
            return pair;
        }

        /// <summary>
        /// Records where the key lives: the file itself, and its siblings when it follows the
        /// <see cref="KeyFileSet"/> naming, so later cmdlets (ledger, Test-, Export-) can point at every file.
        /// </summary>
        private static void AttachPaths(JwkKeyPair pair, string fullPath, string text)
        {
            foreach (string suffix in new[] { ".private.pem", ".private.jwk.json", ".public.jwk.json" })
            {
                if (fullPath.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    var set = new KeyFileSet(fullPath.Substring(0, fullPath.Length - suffix.Length));
                    pair.PrivateKeyPemPath = pair.HasPrivateKey && File.Exists(set.PrivateKeyPemPath) ? set.PrivateKeyPemPath : null;
                    pair.PrivateJwkPath = pair.HasPrivateKey && File.Exists(set.PrivateJwkPath) ? set.PrivateJwkPath : null;
                    pair.PublicJwkPath = File.Exists(set.PublicJwkPath) ? set.PublicJwkPath : null;
                    return;
                }
            }

            bool isJwk = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith("{", StringComparison.Ordinal);
            if (!pair.HasPrivateKey)
            {
                pair.PublicJwkPath = isJwk ? fullPath : null;
            }
            else if (isJwk)
            {
                pair.PrivateJwkPath = fullPath;
            }
            else
            {
                pair.PrivateKeyPemPath = fullPath;
            }
        }
    }
}
