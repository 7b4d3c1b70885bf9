using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Esignet.Core.Assertions;
using Esignet.Core.Connection;
using Esignet.Core.Errors;
using Esignet.Core.Registration;

namespace Esignet.Core.Clients
{
    /// <summary>
    /// What a relying party needs once its client is registered: the Client ID, the private key file to upload
    /// (PEM for OpenG2P's Odoo provider, pms-api.md §12.3), the endpoints from eSignet's discovery document and the
    /// redirect URI. Key file paths, never a key.
    /// </summary>
    public sealed class RelyingPartyConfig
    {
        /// <summary>The OAuth client authentication method of every eSignet client (esignet-api.md §6.1).</summary>
        public const string AuthMethod = "private_key_jwt";

        public string ClientId { get; private set; } = string.Empty;
        public string? ClientName { get; private set; }
        public string Api { get; private set; } = string.Empty;
        public string? Status { get; private set; }

        /// <summary>The private key as PKCS#8 PEM: OpenG2P's "Client Private Key".</summary>
        public string? PrivateKeyPemPath { get; private set; }

        /// <summary>The private key as a JWK: for MOSIP's mock relying party and most JOSE libraries.</summary>
        public string? PrivateJwkPath { get; private set; }

        public string? KeyId { get; private set; }
        public string? KeyThumbprint { get; private set; }

        /// <summary>The alg the client's assertions must use: the registered key's alg, or its type's default.</summary>
        public string? SigningAlgorithm { get; private set; }

        public string ClientAuthenticationMethod => AuthMethod;
        public string ClientAssertionType => ClientAssertionBuilder.AssertionType;

        public string? Issuer { get; private set; }
        public string? AuthorizationEndpoint { get; private set; }
        public string? TokenEndpoint { get; private set; }
        public string? UserinfoEndpoint { get; private set; }
        public string? JwksUri { get; private set; }

        /// <summary>The redirect URI to configure: the given one, else the first registered OpenG2P sign-in URI, else the first registered.</summary>
        public string? RedirectUri { get; private set; }

        public IReadOnlyList<string> RedirectUris { get; private set; } = Array.Empty<string>();
        public IReadOnlyList<string> UserClaims { get; private set; } = Array.Empty<string>();
        public IReadOnlyList<string> AuthContextRefs { get; private set; } = Array.Empty<string>();

        /// <summary>Where the endpoints came from: the discovery document's URL, or null when it could not be read.</summary>
        public string? DiscoverySource { get; private set; }

        /// <summary>The paths OpenG2P's Odoo serves as redirect URIs (pms-api.md §12.3): login, and ID authentication.</summary>
        public static readonly IReadOnlyList<string> OpenG2PRedirectPaths = new[] { "/auth_oauth/signin", "/auth_oauth/g2p_registry_id/authenticate" };

        public static RelyingPartyConfig From(ClientRecord record, DiscoveryDocument? discovery, string? redirectUri)
        {
            string? alg = null;
            if (!string.IsNullOrEmpty(record.PublicJwk))
            {
                try
                {
                    RegisteredJwk registered = RegisteredJwk.Parse(record.PublicJwk!);
                    alg = registered.Algorithm ?? registered.Key.SigningAlgorithm;
                }
                catch (EsignetException)
                {
                    // An unreadable stored key leaves the algorithm unknown; everything else still helps.
                }
            }

            return new RelyingPartyConfig
            {
                ClientId = record.ClientId,
                ClientName = record.ClientName,
                Api = record.Api,
                Status = record.Status,
                PrivateKeyPemPath = record.PrivateKeyPemPath,
                PrivateJwkPath = record.PrivateJwkPath,
                KeyId = record.KeyId,
                KeyThumbprint = record.KeyThumbprint,
                SigningAlgorithm = alg,
                Issuer = discovery?.Issuer,
                AuthorizationEndpoint = discovery?.AuthorizationEndpoint,
                TokenEndpoint = discovery?.TokenEndpoint,
                UserinfoEndpoint = discovery?.UserinfoEndpoint,
                JwksUri = discovery?.JwksUri,
                DiscoverySource = discovery?.Source,
                RedirectUris = record.RedirectUris,
                RedirectUri = redirectUri
                    ?? record.RedirectUris.FirstOrDefault(IsOpenG2PRedirect)
                    ?? record.RedirectUris.FirstOrDefault(),
                UserClaims = record.UserClaims,
                AuthContextRefs = record.AuthContextRefs,
            };
        }

        public static bool IsOpenG2PRedirect(string uri) =>
            Uri.TryCreate(uri, UriKind.Absolute, out Uri? u) && OpenG2PRedirectPaths.Any(p => u.AbsolutePath.EndsWith(p, StringComparison.Ordinal));

        /// <summary>
        /// The same as JSON with OpenID client-metadata names (token_endpoint_auth_method, redirect_uris, ...) plus
        /// the key file paths: a config file for relying-party software or a deployment script.
        /// </summary>
        public string ToJson()
        {
            using (var stream = new MemoryStream())
            {
                using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
                {
                    w.WriteStartObject();
                    w.WriteString("client_id", ClientId);
                    Optional(w, "client_name", ClientName);
                    w.WriteString("token_endpoint_auth_method", ClientAuthenticationMethod);
                    Optional(w, "token_endpoint_auth_signing_alg", SigningAlgorithm);
                    w.WriteString("client_assertion_type", ClientAssertionType);
                    Optional(w, "private_key_pem_file", PrivateKeyPemPath);
                    Optional(w, "private_jwk_file", PrivateJwkPath);
                    Optional(w, "kid", KeyId);
                    Optional(w, "issuer", Issuer);
                    Optional(w, "authorization_endpoint", AuthorizationEndpoint);
                    Optional(w, "token_endpoint", TokenEndpoint);
                    Optional(w, "userinfo_endpoint", UserinfoEndpoint);
                    Optional(w, "jwks_uri", JwksUri);
                    Optional(w, "redirect_uri", RedirectUri);
                    List(w, "redirect_uris", RedirectUris);
                    List(w, "acr_values", AuthContextRefs);
                    List(w, "claims", UserClaims);
                    w.WriteEndObject();
                }

                return Encoding.UTF8.GetString(stream.ToArray());
            }
        }

        private static void Optional(Utf8JsonWriter w, string name, string? value)
        {
            if (value != null) w.WriteString(name, value);
        }

        private static void List(Utf8JsonWriter w, string name, IEnumerable<string> values)
        {
            w.WriteStartArray(name);
            foreach (string v in values) w.WriteStringValue(v);
            w.WriteEndArray();
        }

        public override string ToString() => ClientId;
    }
}
