using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Esignet.Core.Partners
{
    /// <summary>
    /// PMS's policy-manager and partner-manager calls that onboard an auth partner (pms-partner-onboarding.md §3, §6),
    /// one method per endpoint. Reads that find nothing return null or an empty list (the "not found" codes of §9 #8);
    /// every other PMS error is a ServerErrorException carrying the code. Each attempt renders a fresh requesttime.
    /// </summary>
    public interface IPmsPartnerApi
    {
        /// <summary>GET /v1/policymanager/policies/group/all.</summary>
        Task<IReadOnlyList<PolicyGroupInfo>> ListPolicyGroupsAsync(CancellationToken cancel);

        /// <summary>POST /v1/policymanager/policies/group/new; the new group's id.</summary>
        Task<string> CreatePolicyGroupAsync(string name, string description, CancellationToken cancel);

        /// <summary>POST /v1/policymanager/policies (a draft); the new policy's id.</summary>
        Task<string> CreateAuthPolicyAsync(AuthPolicyRequest request, CancellationToken cancel);

        /// <summary>GET /v1/policymanager/policies/{id}; null on PMS_POL_008.</summary>
        Task<PolicyDetail?> GetPolicyAsync(string policyId, CancellationToken cancel);

        /// <summary>POST /v1/policymanager/policies/{policyId}/group/{groupId}/publish.</summary>
        Task PublishPolicyAsync(string policyId, string groupId, CancellationToken cancel);

        /// <summary>GET /v1/partnermanager/partners/{id}; null on PMS_PRT_005.</summary>
        Task<PartnerInfo?> GetPartnerAsync(string partnerId, CancellationToken cancel);

        /// <summary>POST /v1/partnermanager/partners.</summary>
        Task RegisterPartnerAsync(PartnerRegistration registration, CancellationToken cancel);

        /// <summary>POST …/partners/certificate/ca/upload; false when keymanager already holds it (KER-PCM-003).</summary>
        Task<bool> UploadCaCertificateAsync(string pem, string domain, CancellationToken cancel);

        /// <summary>GET …/partners/{id}/certificate: the MOSIP-signed PEM; null on PMS_PRT_108.</summary>
        Task<string?> GetPartnerCertificateAsync(string partnerId, CancellationToken cancel);

        /// <summary>POST …/partners/certificate/upload: the MOSIP-signed PEM.</summary>
        Task<string> UploadPartnerCertificateAsync(string partnerId, string pem, string domain, CancellationToken cancel);

        /// <summary>PATCH …/partners/{id} {status:"Active"}.</summary>
        Task ActivatePartnerAsync(string partnerId, CancellationToken cancel);

        /// <summary>GET …/partners/apikey; empty on PMS_PMP_015.</summary>
        Task<IReadOnlyList<MappingInfo>> ListMappingsAsync(CancellationToken cancel);

        /// <summary>POST …/partners/{id}/policy/map; the mappingkey.</summary>
        Task<string> RequestMappingAsync(string partnerId, string policyName, string useCase, CancellationToken cancel);

        /// <summary>PUT …/partners/policy/{key} {status:"Approved"}.</summary>
        Task ApproveMappingAsync(string mappingKey, CancellationToken cancel);
    }
}
