namespace Esignet.Core.Registration
{
    /// <summary>One registered client, as New-/Set-EsignetOidcClient emit it. Nothing secret: key file paths, not keys.</summary>
    public sealed class RegistrationResult
    {
        /// <summary>The Client ID the server answered (design decision 8): the one to hand to the relying party.</summary>
        public string ClientId { get; set; } = string.Empty;

        /// <summary>
        /// The Client ID the module had predicted, only where the server answered another one (PMS on a release line
        /// other than the configured one); null when the prediction held or there was none.
        /// </summary>
        public string? PredictedClientId { get; set; }

        /// <summary>ACTIVE or INACTIVE, as the server reports it.</summary>
        public string? Status { get; set; }

        /// <summary>
        /// Created, Exists (already registered with this key: nothing sent), Updated, Changed (registered, but the
        /// definition differs; use -Update), or Failed (only with -IncludeFailed; the error is in ErrorId and Error).
        /// </summary>
        public string Outcome { get; set; } = string.Empty;

        public string? ClientName { get; set; }

        /// <summary>Esignet or Pms.</summary>
        public string Api { get; set; } = string.Empty;

        /// <summary>Method and path used, e.g. POST /v1/esignet/client-mgmt/oidc-client.</summary>
        public string? Endpoint { get; set; }

        public string? Server { get; set; }

        public string? KeyId { get; set; }

        public string? KeyThumbprint { get; set; }

        public string? PrivateKeyPemPath { get; set; }

        public string? PrivateJwkPath { get; set; }

        public string? PublicJwkPath { get; set; }

        /// <summary>eSignet 1.8+: the private key that decrypts JWE userinfo, when the module made or reused it (-GenerateEncryptionKey).</summary>
        public string? EncryptionPrivateKeyPemPath { get; set; }

        /// <summary>The input line (CSV line number), when the input came from a file.</summary>
        public int? LineNumber { get; set; }

        /// <summary>For a Failed row: the error's id (the server's or validator's code), else null.</summary>
        public string? ErrorId { get; set; }

        /// <summary>For a Failed row: the error's message, naming the line and field, else null. Never holds a secret.</summary>
        public string? Error { get; set; }

        public override string ToString() => ClientId;
    }
}
