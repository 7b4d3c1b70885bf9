using System.Collections.Generic;

namespace Esignet.Core.Partners
{
    /// <summary>One auth partner to bring to "ready for OIDC clients": who it is, its policy, and where its certificates live.</summary>
    public sealed record OnboardingRequest
    {
        public string PartnerId { get; init; } = "";
        public string OrganizationName { get; init; } = "";
        public string EmailId { get; init; } = "";
        public string ContactNumber { get; init; } = "";
        public string Address { get; init; } = "";
        public string PolicyGroup { get; init; } = "";
        public string PolicyGroupDescription { get; init; } = "";
        public string PolicyName { get; init; } = "";
        public string PolicyDescription { get; init; } = "";

        /// <summary>At most 8 characters (auth_policy.version varchar(8)).</summary>
        public string PolicyVersion { get; init; } = "1.0";

        public IReadOnlyList<string> Claims { get; init; } = AuthPolicyContent.DefaultClaims;
        public IReadOnlyList<string> Acrs { get; init; } = AuthPolicyContent.DefaultAcrs;

        /// <summary>Keymanager partner domain of both uploads; OIDC partners use AUTH.</summary>
        public string PartnerDomain { get; init; } = "AUTH";

        /// <summary>Where the CA and partner keys and certificates are kept (owner-only), and reused on rerun.</summary>
        public string CertificateDirectory { get; init; } = "";

        /// <summary>The operator's own CA certificate (PEM) instead of one the module makes; its key is not needed.</summary>
        public string? CaCertificateFile { get; init; }

        /// <summary>The operator's own partner certificate (PEM), issued by <see cref="CaCertificateFile"/>.</summary>
        public string? PartnerCertificateFile { get; init; }

        /// <summary>Let key files go into a folder other users can write to (-Force).</summary>
        public bool AllowSharedFolder { get; init; }
    }
}
