using System;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;

namespace Esignet.Core.Partners
{
    /// <summary>
    /// Reads a partner's state from PMS with the reads of pms-partner-onboarding.md §6 that exist on 1.2.0 and 1.2.2:
    /// GET /partners/{id}, GET /partners/{id}/certificate, GET /partners/apikey and the group list for policy names.
    /// Null when PMS has no such partner.
    /// </summary>
    public sealed class PartnerStatusReader
    {
        private readonly IPmsPartnerApi _api;

        public PartnerStatusReader(IPmsPartnerApi api) => _api = api;

        public async Task<PartnerStatus?> ReadAsync(string partnerId, CancellationToken cancel)
        {
            PartnerInfo? partner = await _api.GetPartnerAsync(partnerId, cancel).ConfigureAwait(false);
            if (partner == null)
            {
                return null;
            }

            string? pem = await _api.GetPartnerCertificateAsync(partnerId, cancel).ConfigureAwait(false);
            var mappings = (await _api.ListMappingsAsync(cancel).ConfigureAwait(false)).Where(m => m.PartnerId == partnerId).ToList();
            var names = (await _api.ListPolicyGroupsAsync(cancel).ConfigureAwait(false)).SelectMany(g => g.Policies).GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First().Name);
            var status = new PartnerStatus
            {
                AuthPartnerId = partner.Id,
                OrganizationName = partner.OrganizationName,
                PartnerType = partner.PartnerType,
                PolicyGroup = partner.PolicyGroup,
                IsActive = partner.IsActive,
                EmailId = partner.EmailId,
                CertificateUploaded = pem != null,
                Mappings = mappings.Select(m => new PartnerMapping(m.Key, m.PolicyId, names.TryGetValue(m.PolicyId, out string? n) ? n : null, m.Status)).ToList(),
                PolicyId = mappings.FirstOrDefault(m => string.Equals(m.Status, "approved", StringComparison.OrdinalIgnoreCase))?.PolicyId,
            };
            if (pem != null)
            {
                using X509Certificate2 certificate = X509Certificate2.CreateFromPem(pem);
                status.CertificateExpires = certificate.NotAfter.ToUniversalTime();
            }

            return status;
        }
    }
}
