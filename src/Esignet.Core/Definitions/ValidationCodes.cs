namespace Esignet.Core.Definitions
{
    /// <summary>
    /// The error codes a <see cref="ValidationIssue"/> carries: exactly the strings the servers return
    /// (esignet-api.md §4, pms-api.md §8), plus the few module codes for what no server reports.
    /// </summary>
    public static class ValidationCodes
    {
        // eSignet (esignet-api.md §4, core/constants/ErrorConstants.java).
        public const string InvalidClientId = "invalid_client_id";
        public const string InvalidClientName = "invalid_client_name";
        public const string InvalidRpId = "invalid_rp_id";
        public const string InvalidPublicKey = "invalid_public_key";
        public const string InvalidClaim = "invalid_claim";
        public const string InvalidAcr = "invalid_acr";
        public const string InvalidUri = "invalid_uri";
        public const string InvalidRedirectUri = "invalid_redirect_uri";

        /// <summary>Grant-type violations up to eSignet 1.6.2 (§4).</summary>
        public const string InvalidGrantType = "invalid_grant_type";

        /// <summary>Grant-type violations from eSignet 1.7.0 (§4).</summary>
        public const string UnsupportedGrantType = "unsupported_grant_type";

        public const string InvalidClientAuth = "invalid_client_auth";
        public const string InvalidLanguageCode = "invalid_language_code";
        public const string InvalidClientNameValue = "invalid_client_name_value";
        public const string InvalidClientNameLength = "invalid_client_name_length";
        public const string InvalidAdditionalConfig = "invalid_additional_config";
        public const string DuplicateClientId = "duplicate_client_id";
        public const string DuplicatePublicKey = "duplicate_public_key";

        /// <summary>What eSignet answers for a JSON member its DTO lacks, and for some database failures (§2.9, §2.8).</summary>
        public const string UnknownError = "unknown_error";

        // PMS (pms-api.md §8).

        /// <summary>PMS bean validation ("Invalid request parameter").</summary>
        public const string PmsInvalidRequest = "PMS_COR_001";

        // The module's own: no server reports these, the module refuses them.

        /// <summary>The chosen endpoint does not exist on the server line (a 404/405 on the real server).</summary>
        public const string EndpointNotOnLine = "EndpointNotOnLine";

        /// <summary>
        /// PMS 1.2.0/1.2.1 cannot read a non-RSA key and answers with a null error code (pms-api.md §5.1 #2); the
        /// module names it.
        /// </summary>
        public const string PmsKeyUnreadable = "PmsKeyUnreadable";

        /// <summary>A key whose use is not sig: eSignet registers it, but private_key_jwt can never work with it.</summary>
        public const string KeyNotForSigning = "KeyNotForSigning";

        /// <summary>A key whose alg the token endpoint does not verify (esignet-api.md §6.2): the client could never sign in.</summary>
        public const string AlgorithmNotAccepted = "AlgorithmNotAccepted";

        /// <summary>
        /// An RSA key under 2048 bits (issue 16, rule 12): eSignet accepts it from 512 bits, but it can be broken and a
        /// client's key cannot be changed after registration, so the module refuses it unless -Force. The same id as
        /// New-EsignetJwk's refusal to make such a key.
        /// </summary>
        public const string KeySizeTooSmall = "KeySizeTooSmall";

        /// <summary>A field the target API ignores (PMS derives it); a warning.</summary>
        public const string IgnoredField = "IgnoredField";
    }
}
