using System;
using System.Collections.Generic;

namespace Esignet.Core.Partners
{
    /// <summary>One partner-to-policy mapping as PMS lists it, with the policy's name when its group shows it.</summary>
    public sealed record PartnerMapping(string MappingKey, string PolicyId, string? PolicyName, string Status);

    /// <summary>
    /// What PMS says about an auth partner (Get-EsignetPmsPartner): registration, activity, the certificate PMS holds
    /// and its mappings. <see cref="AuthPartnerId"/> and <see cref="PolicyId"/> (the first approved mapping's) pipe
    /// into New-EsignetOidcClient -Api Pms.
    /// </summary>
    public sealed class PartnerStatus
    {
        public string AuthPartnerId { get; internal set; } = "";
        public string? OrganizationName { get; internal set; }
        public string? PartnerType { get; internal set; }
        public string? PolicyGroup { get; internal set; }
        public bool IsActive { get; internal set; }
        public string? EmailId { get; internal set; }
        public bool CertificateUploaded { get; internal set; }
        public DateTimeOffset? CertificateExpires { get; internal set; }
        public IReadOnlyList<PartnerMapping> Mappings { get; internal set; } = Array.Empty<PartnerMapping>();

        /// <summary>The policy of the first approved mapping, or null.</summary>
        public string? PolicyId { get; internal set; }

        /// <summary>Active, with a certificate and an approved mapping: PMS will accept OIDC clients for it.</summary>
        public bool Ready => IsActive && CertificateUploaded && PolicyId != null;

        public override string ToString() => AuthPartnerId;
    }
}
