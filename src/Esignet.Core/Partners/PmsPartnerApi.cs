using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Esignet.Core.Auth;
using Esignet.Core.Connection;
using Esignet.Core.Errors;
using Esignet.Core.Servers;
using Esignet.Core.Transport;
using Esignet.Core.Versions;

namespace Esignet.Core.Partners
{
    /// <summary>
    /// <see cref="IPmsPartnerApi"/> for PMS 1.2.0.1/1.2.1.x and 1.2.2.x: the §6 reads that exist on both lines (the
    /// 1.2.2 extras sit behind feature flags and need keymanager 1.3, §4.4, §11 #5), the token in the Authorization
    /// cookie, every body rendered anew per attempt. What differs per line is in <see cref="OnboardingRules"/> and
    /// in how the service reads the codes (<see cref="OnboardingCodes"/>).
    /// </summary>
    public sealed class PmsPartnerApi : IPmsPartnerApi
    {
        private readonly Uri _policy;
        private readonly Uri _partner;
        private readonly ApiCaller _caller;

        internal PmsPartnerApi(Uri pmsUri, PmsVersion version, HttpTransport transport, ITokenSource? tokens)
        {
            string root = pmsUri.ToString().TrimEnd('/');
            _policy = new Uri(root + "/v1/policymanager/");
            _partner = new Uri(root + "/v1/partnermanager/");
            Version = version;
            _caller = new ApiCaller(transport, tokens, TokenPlacement.AuthorizationCookie);
        }

        /// <summary>The PMS side of a connection made with Connect-EsignetServer -PmsUri.</summary>
        public static PmsPartnerApi For(EsignetContext context)
        {
            if (context.PmsUri == null)
            {
                throw new EsignetException("NoPmsConnection", EsignetErrorKind.InvalidOperation,
                    "This connection has no PMS. Connect with Connect-EsignetServer -PmsUri <api base> -PmsVersion 1.2.0|1.2.2 and a PARTNER_ADMIN client.");
            }

            return new PmsPartnerApi(context.PmsUri, context.PmsLine, context.Transport, context.Tokens);
        }

        public PmsVersion Version { get; }

        public async Task<IReadOnlyList<PolicyGroupInfo>> ListPolicyGroupsAsync(CancellationToken cancel)
        {
            JsonElement response = await SendAsync(HttpMethod.Get, _policy, "policies/group/all", null, cancel).ConfigureAwait(false);
            var groups = new List<PolicyGroupInfo>();
            if (response.ValueKind != JsonValueKind.Array) return groups;
            foreach (JsonElement entry in response.EnumerateArray())
            {
                if (!entry.TryGetProperty("policyGroup", out JsonElement g) || g.ValueKind != JsonValueKind.Object) continue;
                var policies = PmsAnswer.Items(entry, "policies").Select(p => new PolicySummary(JsonBody.String(p, "policyId") ?? "", JsonBody.String(p, "policyName") ?? "",
                    PmsAnswer.IsPresent(p, "schema"), PmsAnswer.Bool(p, "is_Active"))).ToList();
                groups.Add(new PolicyGroupInfo(JsonBody.String(g, "id") ?? "", JsonBody.String(g, "name") ?? "", PmsAnswer.Bool(g, "isActive"), policies));
            }

            return groups;
        }

        public async Task<string> CreatePolicyGroupAsync(string name, string description, CancellationToken cancel)
        {
            JsonElement r = await SendAsync(HttpMethod.Post, _policy, "policies/group/new", w =>
            {
                w.WriteString("name", name);
                w.WriteString("desc", description);
            }, cancel).ConfigureAwait(false);
            return Id(r, "id", "policy group create");
        }

        public async Task<string> CreateAuthPolicyAsync(AuthPolicyRequest request, CancellationToken cancel)
        {
            JsonElement r = await SendAsync(HttpMethod.Post, _policy, "policies", w =>
            {
                // No policyId: a caller-given id is used as the key and would overwrite an existing row (§2).
                w.WriteString("policyGroupName", request.GroupName);
                w.WriteString("name", request.Name);
                w.WriteString("desc", request.Description);
                w.WriteString("policyType", OnboardingRules.PolicyType);
                w.WriteString("version", request.Version);
                JsonBody.Raw(w, "policies", request.PoliciesJson);
            }, cancel).ConfigureAwait(false);
            return Id(r, "id", "policy create");
        }

        public async Task<PolicyDetail?> GetPolicyAsync(string policyId, CancellationToken cancel)
        {
            JsonElement? found = await ReadAsync(_policy, "policies/" + Uri.EscapeDataString(policyId), OnboardingCodes.PolicyIdNotFound, cancel).ConfigureAwait(false);
            return found is JsonElement r
                ? new PolicyDetail(JsonBody.String(r, "policyId") ?? policyId, JsonBody.String(r, "policyName") ?? "", JsonBody.String(r, "policyType"),
                    JsonBody.String(r, "policyGroupId") ?? "", PmsAnswer.IsPresent(r, "schema"), PmsAnswer.Bool(r, "is_Active"))
                : null;
        }

        public Task PublishPolicyAsync(string policyId, string groupId, CancellationToken cancel) =>
            SendAsync(HttpMethod.Post, _policy, $"policies/{Uri.EscapeDataString(policyId)}/group/{Uri.EscapeDataString(groupId)}/publish", null, cancel);

        public async Task<PartnerInfo?> GetPartnerAsync(string partnerId, CancellationToken cancel)
        {
            JsonElement? found = await ReadAsync(_partner, "partners/" + Uri.EscapeDataString(partnerId), OnboardingCodes.PartnerNotFound, cancel).ConfigureAwait(false);
            if (found is not JsonElement r)
            {
                return null;
            }

            bool active = PmsAnswer.Bool(r, "isActive") || string.Equals(JsonBody.String(r, "status"), "active", StringComparison.OrdinalIgnoreCase);
            return new PartnerInfo(JsonBody.String(r, "partnerID") ?? partnerId, JsonBody.String(r, "organizationName"), JsonBody.String(r, "partnerType"),
                JsonBody.String(r, "policyGroup"), active, JsonBody.String(r, "emailId"));
        }

        public Task RegisterPartnerAsync(PartnerRegistration p, CancellationToken cancel) =>
            SendAsync(HttpMethod.Post, _partner, "partners", w =>
            {
                w.WriteString("partnerId", p.PartnerId);
                w.WriteString("organizationName", p.OrganizationName);
                w.WriteString("address", p.Address);
                w.WriteString("contactNumber", p.ContactNumber);
                w.WriteString("emailId", p.EmailId);
                w.WriteString("partnerType", p.PartnerType);
                w.WriteString("policyGroup", p.PolicyGroup);
            }, cancel);

        public async Task<bool> UploadCaCertificateAsync(string pem, string domain, CancellationToken cancel)
        {
            try
            {
                JsonElement r = await SendAsync(HttpMethod.Post, _partner, "partners/certificate/ca/upload", w =>
                {
                    w.WriteString("certificateData", pem);
                    w.WriteString("partnerDomain", domain);
                }, cancel).ConfigureAwait(false);
                // "Upload Failed." arrives with no errors (multi-certificate input, §3.5): check the status.
                string? status = JsonBody.String(r, "status");
                if (status != "Upload Success.")
                {
                    throw new ServerErrorException("CaUploadNotSuccessful", $"Keymanager answered status '{status}'.", 200, "POST " + _partner.AbsolutePath + "partners/certificate/ca/upload");
                }

                return true;
            }
            catch (ServerErrorException e) when (e.ErrorCode == OnboardingCodes.CertificateExists)
            {
                return false;
            }
        }

        public async Task<string?> GetPartnerCertificateAsync(string partnerId, CancellationToken cancel)
        {
            JsonElement? found = await ReadAsync(_partner, $"partners/{Uri.EscapeDataString(partnerId)}/certificate", OnboardingCodes.CertificateNotUploaded, cancel).ConfigureAwait(false);
            return found is JsonElement r ? JsonBody.String(r, "certificateData") : null;
        }

        public async Task<string> UploadPartnerCertificateAsync(string partnerId, string pem, string domain, CancellationToken cancel)
        {
            JsonElement r = await SendAsync(HttpMethod.Post, _partner, "partners/certificate/upload", w =>
            {
                w.WriteString("partnerId", partnerId);
                w.WriteString("certificateData", pem);
                w.WriteString("partnerDomain", domain);
            }, cancel).ConfigureAwait(false);
            return Id(r, "signedCertificateData", "partner certificate upload");
        }

        public Task ActivatePartnerAsync(string partnerId, CancellationToken cancel) =>
            SendAsync(new HttpMethod("PATCH"), _partner, "partners/" + Uri.EscapeDataString(partnerId), w => w.WriteString("status", "Active"), cancel);

        public async Task<IReadOnlyList<MappingInfo>> ListMappingsAsync(CancellationToken cancel)
        {
            // PMS_PMP_015: no mapping requests at all (§6).
            JsonElement? found = await ReadAsync(_partner, "partners/apikey", OnboardingCodes.NoMappings, cancel).ConfigureAwait(false);
            return (found is JsonElement r ? PmsAnswer.Items(r, "apikeyRequests") : Enumerable.Empty<JsonElement>())
                .Select(m => new MappingInfo(JsonBody.String(m, "apiKeyReqNo") ?? "", JsonBody.String(m, "partnerID") ?? "", JsonBody.String(m, "policyId") ?? "", JsonBody.String(m, "status") ?? ""))
                .ToList();
        }

        public async Task<string> RequestMappingAsync(string partnerId, string policyName, string useCase, CancellationToken cancel)
        {
            JsonElement r = await SendAsync(HttpMethod.Post, _partner, $"partners/{Uri.EscapeDataString(partnerId)}/policy/map", w =>
            {
                w.WriteString("policyName", policyName);
                w.WriteString("useCaseDescription", useCase);
            }, cancel).ConfigureAwait(false);
            return Id(r, "mappingkey", "mapping request");
        }

        public Task ApproveMappingAsync(string mappingKey, CancellationToken cancel) =>
            SendAsync(HttpMethod.Put, _partner, "partners/policy/" + Uri.EscapeDataString(mappingKey), w => w.WriteString("status", "Approved"), cancel);

        /// <summary>A GET's answer, or null when PMS answers <paramref name="absentCode"/>: what is read is not there.</summary>
        private async Task<JsonElement?> ReadAsync(Uri baseUri, string path, string absentCode, CancellationToken cancel)
        {
            try
            {
                return await SendAsync(HttpMethod.Get, baseUri, path, null, cancel).ConfigureAwait(false);
            }
            catch (ServerErrorException e) when (e.ErrorCode == absentCode)
            {
                return null;
            }
        }

        private async Task<JsonElement> SendAsync(HttpMethod method, Uri baseUri, string path, Action<Utf8JsonWriter>? request, CancellationToken cancel)
        {
            var uri = new Uri(baseUri, path);
            // The PMS request wrapper (pms-api.md §2.1), with a requesttime made for each attempt.
            Func<string>? body = request == null ? null : () => PmsEnvelope.Wrap("mosip.pms.onboarding", "1.0", request);
            TransportResponse r = await _caller.SendAsync(method, uri, body, cancel).ConfigureAwait(false);
            return PmsEnvelope.Read(r, method + " " + uri.AbsolutePath);
        }

        private static string Id(JsonElement response, string name, string what)
        {
            string? value = response.ValueKind == JsonValueKind.Object ? JsonBody.String(response, name) : null;
            if (string.IsNullOrEmpty(value))
            {
                throw new EsignetException("UnexpectedResponse", EsignetErrorKind.ServerError, $"PMS answered the {what} without '{name}'.");
            }

            return value!;
        }
    }
}
