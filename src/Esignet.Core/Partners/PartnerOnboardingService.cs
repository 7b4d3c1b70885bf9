using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Esignet.Core.Errors;
using Esignet.Core.Servers;
using Esignet.Core.Versions;

namespace Esignet.Core.Partners
{
    /// <summary>
    /// Brings one auth partner to "ready for OIDC clients" with the find-or-create sequence of
    /// pms-partner-onboarding.md §10: each step reads first and writes only what is missing; a write answered with an
    /// "already there" code (a lost answer, another run) re-reads instead of failing. Every write goes through
    /// <see cref="IOnboardingHost.ShouldProcess"/>, so -WhatIf sends and writes nothing.
    /// </summary>
    public sealed class PartnerOnboardingService
    {
        public const string GroupStep = "PolicyGroup";
        public const string PolicyStep = "Policy";
        public const string PublishStep = "Publish";
        public const string PartnerStep = "Partner";
        public const string CaStep = "CaCertificate";
        public const string CertificateStep = "PartnerCertificate";
        public const string ActivationStep = "Activation";
        public const string MappingStep = "Mapping";
        public const string ApprovalStep = "Approval";

        /// <summary>Renew the partner certificate PMS holds when fewer days are left (§10 step 5).</summary>
        public const int RenewWithinDays = 30;

        /// <summary>Keymanager's minimum remaining validity at upload (365 − 30 grace days, §4.2 #7).</summary>
        public const int UploadMinimumDays = 335;

        /// <summary>A kept CA with less than this left is replaced: keymanager 1.3 wants 12 months at upload (§4.1 #7).</summary>
        public const int CaMinimumDays = 400;

        private const string UseCase = "OIDC clients registered by the Esignet PowerShell module";

        private readonly IPmsPartnerApi _api;
        private readonly PmsVersion _line;
        private readonly IOnboardingHost _host;
        private readonly Func<DateTimeOffset> _now;

        public PartnerOnboardingService(IPmsPartnerApi api, PmsVersion line, IOnboardingHost host, Func<DateTimeOffset>? now = null)
        {
            _api = api;
            _line = line;
            _host = host;
            _now = now ?? (() => DateTimeOffset.UtcNow);
        }

        public async Task<OnboardingResult> RunAsync(OnboardingRequest r, CancellationToken cancel)
        {
            OnboardingRules.Check(r, _line);
            var result = new OnboardingResult
            {
                AuthPartnerId = r.PartnerId,
                PolicyName = r.PolicyName,
                PolicyGroup = r.PolicyGroup,
                OrganizationName = r.OrganizationName,
                PmsVersion = _line.Name,
            };

            PolicyGroupInfo? group = await GroupAsync(r, result, cancel).ConfigureAwait(false);
            result.PolicyGroupId = group?.Id;
            PolicySummary? policy = await PolicyAsync(r, group, result, cancel).ConfigureAwait(false);
            result.PolicyId = policy?.Id;
            await PublishAsync(r, group, policy, result, cancel).ConfigureAwait(false);
            PartnerInfo? partner = await PartnerAsync(r, result, cancel).ConfigureAwait(false);
            result.OrganizationName = partner?.OrganizationName ?? result.OrganizationName;
            bool certified = await CertificatesAsync(r, partner, result, cancel).ConfigureAwait(false);
            await ActivationAsync(r, partner != null && certified, result, cancel).ConfigureAwait(false);
            await MappingAsync(r, partner != null && certified, policy, result, cancel).ConfigureAwait(false);
            result.Ready = result.Steps.All(s => s.Outcome == StepOutcome.Exists);
            return result;
        }

        private async Task<PolicyGroupInfo?> GroupAsync(OnboardingRequest r, OnboardingResult result, CancellationToken cancel)
        {
            string target = $"policy group '{r.PolicyGroup}'";
            PolicyGroupInfo? group = await FindGroupAsync(r.PolicyGroup, target, cancel).ConfigureAwait(false);
            if (group == null)
            {
                if (!await CreateAsync(result, GroupStep, target, "Create policy group", "would be created",
                    () => _api.CreatePolicyGroupAsync(r.PolicyGroup, r.PolicyGroupDescription, cancel), "created", "made by an earlier attempt", null, OnboardingCodes.GroupExists).ConfigureAwait(false))
                {
                    return null;
                }

                // Made now, by an earlier attempt whose answer was lost, or by another run: read it back.
                group = await FindGroupAsync(r.PolicyGroup, target, cancel).ConfigureAwait(false)
                    ?? throw new OnboardingStepException("PolicyGroupNotReadBack", EsignetErrorKind.ServerError, GroupStep, target, "PMS said it made the group, but the group list does not show it. Run again.");
            }
            else
            {
                result.Add(GroupStep, target, StepOutcome.Exists, "found, id " + group.Id);
            }

            if (!group.IsActive)
            {
                throw new OnboardingStepException("PolicyGroupInactive", EsignetErrorKind.InvalidOperation, GroupStep, target,
                    "The group is inactive; PMS refuses policies and partners in it (PMS_POL_053 / PMS_PMP_023). Activate it in PMS or choose another -PolicyGroup.");
            }

            return group;
        }

        private async Task<PolicySummary?> PolicyAsync(OnboardingRequest r, PolicyGroupInfo? group, OnboardingResult result, CancellationToken cancel)
        {
            string target = $"policy '{r.PolicyName}' in '{r.PolicyGroup}'";
            if (group == null)
            {
                result.Add(PolicyStep, target, StepOutcome.Skipped, "would be created");
                return null;
            }

            PolicySummary? policy = group.Policies.FirstOrDefault(p => p.Name == r.PolicyName);
            if (policy == null)
            {
                if (!await CreateAsync(result, PolicyStep, target, "Create Auth policy (draft) with claims " + string.Join(",", r.Claims) + " and ACRs " + string.Join(",", r.Acrs), "would be created",
                    () => _api.CreateAuthPolicyAsync(new AuthPolicyRequest(r.PolicyGroup, r.PolicyName, r.PolicyDescription, r.PolicyVersion, AuthPolicyContent.Build(r.Claims, r.Acrs)), cancel),
                    "created as a draft", "made by an earlier attempt", null, OnboardingCodes.PolicyExists).ConfigureAwait(false))
                {
                    return null;
                }

                policy = (await FindGroupAsync(r.PolicyGroup, target, cancel).ConfigureAwait(false))?.Policies.FirstOrDefault(p => p.Name == r.PolicyName)
                    ?? throw new OnboardingStepException("PolicyNotReadBack", EsignetErrorKind.ServerError, PolicyStep, target, "PMS said it made the policy, but the group does not list it. Run again.");
            }
            else
            {
                result.Add(PolicyStep, target, StepOutcome.Exists, "found, id " + policy.Id);
            }

            // The group list has no type: read it, since OIDC create needs exactly "Auth" (PMS_PRT_057).
            PolicyDetail? detail = await Call(PolicyStep, target, () => _api.GetPolicyAsync(policy.Id, cancel)).ConfigureAwait(false);
            if (detail == null || detail.Type != OnboardingRules.PolicyType)
            {
                throw new OnboardingStepException("PolicyTypeNotAuth", EsignetErrorKind.InvalidData, PolicyStep, target,
                    $"The policy's type is '{detail?.Type}', not exactly 'Auth': PMS would refuse every OIDC client under it (PMS_PRT_057). Choose another -PolicyName.");
            }

            return policy;
        }

        private async Task PublishAsync(OnboardingRequest r, PolicyGroupInfo? group, PolicySummary? policy, OnboardingResult result, CancellationToken cancel)
        {
            string target = $"policy '{r.PolicyName}'";
            if (policy?.Published == true)
            {
                if (!policy.IsActive)
                {
                    throw new OnboardingStepException("PolicyDeactivated", EsignetErrorKind.InvalidOperation, PublishStep, target,
                        "The policy was published and then deactivated; PMS cannot publish it again (PMS_POL_020). Choose another -PolicyName.");
                }

                result.Add(PublishStep, target, StepOutcome.Exists, "published");
                return;
            }

            if (group == null || policy == null || !_host.ShouldProcess(target, "Publish policy"))
            {
                result.Add(PublishStep, target, StepOutcome.Skipped, "would be published");
                return;
            }

            try
            {
                await Call(PublishStep, target, () => _api.PublishPolicyAsync(policy.Id, group.Id, cancel)).ConfigureAwait(false);
                result.Add(PublishStep, target, StepOutcome.Updated, "published");
            }
            catch (OnboardingStepException e) when (e.ErrorId == OnboardingCodes.AlreadyPublished)
            {
                result.Add(PublishStep, target, StepOutcome.Exists, "published by an earlier attempt");
            }
        }

        private async Task<PartnerInfo?> PartnerAsync(OnboardingRequest r, OnboardingResult result, CancellationToken cancel)
        {
            string target = $"partner '{r.PartnerId}'";
            PartnerInfo? partner = await Call(PartnerStep, target, () => _api.GetPartnerAsync(r.PartnerId, cancel)).ConfigureAwait(false);
            if (partner == null)
            {
                // A lost answer's retry gets PMS_PRT_011 (the e-mail check runs first, §3.4): only a read tells
                // "ours, made by the earlier attempt" from "the e-mail belongs to another partner".
                if (!await CreateAsync(result, PartnerStep, target, $"Register Auth_Partner (organisation '{r.OrganizationName}', group '{r.PolicyGroup}')", "would be registered",
                    () => _api.RegisterPartnerAsync(new PartnerRegistration(r.PartnerId, r.OrganizationName, r.Address, r.ContactNumber, r.EmailId, r.PolicyGroup), cancel),
                    "registered", "registered by an earlier attempt",
                    async () => await Call(PartnerStep, target, () => _api.GetPartnerAsync(r.PartnerId, cancel)).ConfigureAwait(false) != null,
                    OnboardingCodes.PartnerExists, OnboardingCodes.EmailExists).ConfigureAwait(false))
                {
                    return null;
                }

                partner = await Call(PartnerStep, target, () => _api.GetPartnerAsync(r.PartnerId, cancel)).ConfigureAwait(false)
                    ?? throw new OnboardingStepException("PartnerNotReadBack", EsignetErrorKind.ServerError, PartnerStep, target, "PMS said it registered the partner, but reading it finds nothing. Run again.");
            }
            else
            {
                result.Add(PartnerStep, target, StepOutcome.Exists, partner.IsActive ? "registered, active" : "registered, not active");
            }

            if (!string.Equals(partner.PartnerType, "Auth_Partner", StringComparison.OrdinalIgnoreCase))
            {
                throw new OnboardingStepException("PartnerNotAuthPartner", EsignetErrorKind.InvalidData, PartnerStep, target,
                    $"The partner's type is '{partner.PartnerType}'; only an Auth_Partner may own OIDC clients (PMS_PRT_059). Choose another -PartnerId.");
            }

            if (partner.PolicyGroup != null && partner.PolicyGroup != r.PolicyGroup)
            {
                throw new OnboardingStepException("PartnerInOtherGroup", EsignetErrorKind.InvalidOperation, PartnerStep, target,
                    $"The partner belongs to policy group '{partner.PolicyGroup}', and mapping needs the policy in the partner's group (PMS_PRT_098). Use -PolicyGroup '{partner.PolicyGroup}'.");
            }

            if (partner.OrganizationName != null && partner.OrganizationName != r.OrganizationName)
            {
                _host.Warn($"Partner '{r.PartnerId}' is registered with organisation '{partner.OrganizationName}', not '{r.OrganizationName}'. PMS cannot rename a partner; its certificates use the stored name.");
                OnboardingRules.CheckOrganization(partner.OrganizationName);
            }

            return partner;
        }

        /// <summary>Steps CaCertificate and PartnerCertificate (§10 steps 4–5); true when PMS holds a current partner certificate.</summary>
        private async Task<bool> CertificatesAsync(OnboardingRequest r, PartnerInfo? partner, OnboardingResult result, CancellationToken cancel)
        {
            var files = new PartnerCertificateFiles(r.CertificateDirectory, r.PartnerId);
            string org = partner?.OrganizationName ?? r.OrganizationName;
            DateTimeOffset now = _now();
            string caTarget = "CA certificate " + (r.CaCertificateFile ?? files.CaCertificate);
            string partnerTarget = $"partner certificate of '{r.PartnerId}'";

            string? serverPem = partner == null ? null : await Call(CertificateStep, partnerTarget, () => _api.GetPartnerCertificateAsync(r.PartnerId, cancel)).ConfigureAwait(false);
            X509Certificate2? server = serverPem == null ? null : X509Certificate2.CreateFromPem(serverPem);

            // The CA: the operator's, the kept one, or a new root (said before it is made).
            X509Certificate2? ca;
            bool caMade = false;
            if (r.CaCertificateFile != null)
            {
                ca = PartnerCertificateFiles.LoadCertificate(r.CaCertificateFile, "CA");
            }
            else
            {
                ca = files.LoadCa();
                if (ca != null && PartnerCertificateMaker.DaysLeft(ca, now) < CaMinimumDays)
                {
                    _host.Warn($"The kept CA '{files.CaCertificate}' has {PartnerCertificateMaker.DaysLeft(ca, now)} days left; a new root CA will replace it.");
                    ca = null;
                }

                if (ca == null)
                {
                    if (server != null || System.IO.File.Exists(files.PartnerCertificate))
                    {
                        _host.Warn($"No usable CA for partner '{r.PartnerId}' in '{files.Directory}' (lost or expiring): a NEW root CA will be made and uploaded to keymanager, and the partner certificate re-issued under it. Keymanager keeps the old root as well.");
                    }

                    if (!_host.ShouldProcess(files.CaCertificate, "Make a new root CA (RSA 2048, SHA-256, 10 years) and write its key owner-only"))
                    {
                        result.Add(CaStep, caTarget, StepOutcome.Skipped, "a new root CA would be made and uploaded");
                        result.Add(CertificateStep, partnerTarget, StepOutcome.Skipped, "would be issued under the new CA and uploaded");
                        return false;
                    }

                    ca = PartnerCertificateMaker.MakeCa(r.PartnerId, org, now);
                    files.SaveCa(ca, r.AllowSharedFolder);
                    caMade = true;
                }

                result.CaKeyPath = files.CaKey;
            }

            result.CaCertificatePath = r.CaCertificateFile ?? files.CaCertificate;

            // The partner certificate: the operator's, the kept one if it still fits, or a new one under the CA.
            X509Certificate2? local;
            bool localMade = false;
            if (r.PartnerCertificateFile != null)
            {
                local = PartnerCertificateFiles.LoadCertificate(r.PartnerCertificateFile, "partner");
                result.PartnerCertificatePath = r.PartnerCertificateFile;
            }
            else
            {
                local = files.LoadPartner();
                string? why = local == null ? "none is kept"
                    : !IssuedBy(local, ca) ? "the kept one is not issued by the CA"
                    : PartnerCertificateMaker.Organization(local) != org ? $"the kept one's O= is not '{org}'"
                    : null;
                bool serverMatches = server != null && local != null && PartnerCertificateMaker.SameKey(server, local);
                if (why == null && !serverMatches && PartnerCertificateMaker.DaysLeft(local!, now) < UploadMinimumDays)
                {
                    why = "the kept one has too little validity left for keymanager";
                }

                if (why != null)
                {
                    if (!_host.ShouldProcess(files.PartnerCertificate, $"Make a new partner certificate (CN={r.PartnerId}, O={org}) because {why}, and write its key owner-only"))
                    {
                        result.Add(CaStep, caTarget, caMade ? StepOutcome.Created : StepOutcome.Skipped, caMade ? "made" : "would be uploaded");
                        result.Add(CertificateStep, partnerTarget, StepOutcome.Skipped, "would be made and uploaded");
                        return false;
                    }

                    local = PartnerCertificateMaker.MakePartner(ca!, r.PartnerId, org, now);
                    files.SavePartner(local, r.AllowSharedFolder);
                    localMade = true;
                }

                result.PartnerCertificatePath = files.PartnerCertificate;
                result.PartnerKeyPath = files.PartnerKey;
            }

            result.PartnerCertificateExpires = local!.NotAfter.ToUniversalTime();
            bool current = server != null && PartnerCertificateMaker.SameKey(server, local) && PartnerCertificateMaker.DaysLeft(server, now) >= RenewWithinDays;

            // CA step. There is no CA read on PMS 1.2.0 (§6); a current partner certificate under this CA proves
            // keymanager holds it (it needed the chain to accept the upload), so nothing is sent then.
            if (current && !caMade)
            {
                result.Add(CaStep, caTarget, StepOutcome.Exists, "keymanager holds it (it accepted the partner certificate under it)");
            }
            else if (partner == null || !_host.ShouldProcess(caTarget, $"Upload CA certificate to keymanager (domain {r.PartnerDomain})"))
            {
                result.Add(CaStep, caTarget, caMade ? StepOutcome.Created : StepOutcome.Skipped, caMade ? "made; would be uploaded" : "would be uploaded");
            }
            else
            {
                bool uploaded = await Call(CaStep, caTarget, () => _api.UploadCaCertificateAsync(ca!.ExportCertificatePem(), r.PartnerDomain.ToUpperInvariant(), cancel)).ConfigureAwait(false);
                result.Add(CaStep, caTarget, uploaded || caMade ? StepOutcome.Created : StepOutcome.Exists, uploaded ? "uploaded" : "keymanager already had it (KER-PCM-003)");
            }

            // Partner certificate step.
            if (current)
            {
                if (files.SaveSigned(serverPem!, r.AllowSharedFolder))
                {
                    _host.Verbose($"Wrote the MOSIP-signed certificate PMS holds to '{files.SignedCertificate}'.");
                }

                result.SignedCertificatePath = files.SignedCertificate;
                result.CertificateExpires = server!.NotAfter.ToUniversalTime();
                result.Add(CertificateStep, partnerTarget, localMade ? StepOutcome.Updated : StepOutcome.Exists, "PMS holds a certificate for this key, " + PartnerCertificateMaker.DaysLeft(server, now) + " days left");
                return true;
            }

            string action = server == null ? "Upload partner certificate" : "Upload a renewed partner certificate (PMS holds another key or one about to expire)";
            if (partner == null || !_host.ShouldProcess(partnerTarget, action))
            {
                result.Add(CertificateStep, partnerTarget, StepOutcome.Skipped, "would be uploaded");
                return false;
            }

            string signed = await Call(CertificateStep, partnerTarget, () => _api.UploadPartnerCertificateAsync(r.PartnerId, local.ExportCertificatePem(), r.PartnerDomain.ToUpperInvariant(), cancel)).ConfigureAwait(false);
            files.SaveSigned(signed, r.AllowSharedFolder);
            result.SignedCertificatePath = files.SignedCertificate;
            using X509Certificate2 signedCert = X509Certificate2.CreateFromPem(signed);
            result.CertificateExpires = signedCert.NotAfter.ToUniversalTime();
            result.Add(CertificateStep, partnerTarget, server == null ? StepOutcome.Created : StepOutcome.Updated, server == null ? "uploaded; PMS activated the partner" : "renewed");
            return true;
        }

        private async Task ActivationAsync(OnboardingRequest r, bool possible, OnboardingResult result, CancellationToken cancel)
        {
            string target = $"partner '{r.PartnerId}'";
            if (!possible)
            {
                result.Add(ActivationStep, target, StepOutcome.Skipped, "would be checked after the certificate upload");
                return;
            }

            // A certificate upload activates the partner (PSI uploadPartnerCertificate, both lines): usually nothing to do.
            PartnerInfo? partner = await Call(ActivationStep, target, () => _api.GetPartnerAsync(r.PartnerId, cancel)).ConfigureAwait(false);
            if (partner != null && partner.IsActive)
            {
                result.Add(ActivationStep, target, StepOutcome.Exists, "active");
                return;
            }

            if (!_host.ShouldProcess(target, "Activate partner"))
            {
                result.Add(ActivationStep, target, StepOutcome.Skipped, "would be activated");
                return;
            }

            await Call(ActivationStep, target, () => _api.ActivatePartnerAsync(r.PartnerId, cancel)).ConfigureAwait(false);
            result.Add(ActivationStep, target, StepOutcome.Updated, "activated");
        }

        private async Task MappingAsync(OnboardingRequest r, bool possible, PolicySummary? policy, OnboardingResult result, CancellationToken cancel)
        {
            string target = $"mapping of '{r.PartnerId}' to '{r.PolicyName}'";
            if (!possible || policy == null)
            {
                result.Add(MappingStep, target, StepOutcome.Skipped, "would be requested");
                result.Add(ApprovalStep, target, StepOutcome.Skipped, "would be approved");
                return;
            }

            for (int attempt = 0; ; attempt++)
            {
                IReadOnlyList<MappingInfo> rows = (await Call(MappingStep, target, () => _api.ListMappingsAsync(cancel)).ConfigureAwait(false))
                    .Where(m => m.PartnerId == r.PartnerId && m.PolicyId == policy.Id).ToList();
                MappingInfo? approved = rows.FirstOrDefault(m => string.Equals(m.Status, "approved", StringComparison.OrdinalIgnoreCase));
                if (approved != null)
                {
                    if (!result.Steps.Any(s => s.Step == MappingStep)) result.Add(MappingStep, target, StepOutcome.Exists, "key " + approved.Key);
                    if (!result.Steps.Any(s => s.Step == ApprovalStep)) result.Add(ApprovalStep, target, StepOutcome.Exists, "approved");
                    return;
                }

                MappingInfo? pending = rows.FirstOrDefault(m => m.Status == "InProgress");
                if (pending == null)
                {
                    if (attempt > 1)
                    {
                        throw new OnboardingStepException("MappingNotReadBack", EsignetErrorKind.ServerError, MappingStep, target, "PMS said a mapping exists, but GET /partners/apikey does not show it. Run again.");
                    }

                    if (!_host.ShouldProcess(target, "Request partner-policy mapping"))
                    {
                        result.Add(MappingStep, target, StepOutcome.Skipped, "would be requested");
                        result.Add(ApprovalStep, target, StepOutcome.Skipped, "would be approved");
                        return;
                    }

                    try
                    {
                        string key = await Call(MappingStep, target, () => _api.RequestMappingAsync(r.PartnerId, r.PolicyName, UseCase, cancel)).ConfigureAwait(false);
                        AddOnce(result, MappingStep, target, StepOutcome.Created, "requested, key " + key);
                        pending = new MappingInfo(key, r.PartnerId, policy.Id, "InProgress");
                    }
                    catch (OnboardingStepException e) when (e.ErrorId == OnboardingCodes.MappingPending || e.ErrorId == OnboardingCodes.MappingApproved)
                    {
                        AddOnce(result, MappingStep, target, StepOutcome.Exists, "requested by an earlier attempt");
                        continue;
                    }
                }
                else if (!result.Steps.Any(s => s.Step == MappingStep))
                {
                    result.Add(MappingStep, target, StepOutcome.Exists, "pending, key " + pending.Key);
                }

                if (!_host.ShouldProcess(target, "Approve mapping " + pending.Key))
                {
                    result.Add(ApprovalStep, target, StepOutcome.Skipped, "would be approved");
                    return;
                }

                try
                {
                    await Call(ApprovalStep, target, () => _api.ApproveMappingAsync(pending.Key, cancel)).ConfigureAwait(false);
                    result.Add(ApprovalStep, target, StepOutcome.Created, "approved");
                    return;
                }
                catch (OnboardingStepException e) when (e.ErrorId == OnboardingCodes.RequestApproved)
                {
                    result.Add(ApprovalStep, target, StepOutcome.Exists, "approved by an earlier attempt");
                    return;
                }
                catch (OnboardingStepException e) when (e.ErrorId == OnboardingCodes.RequestRejected && attempt == 0)
                {
                    // Rejected meanwhile: 1.2.0.1's OIDC create may read that first row, so request a new mapping.
                    _host.Warn($"Mapping {pending.Key} was rejected in PMS; requesting a new one.");
                }
            }
        }

        /// <summary>
        /// The write of a find-or-create step, asked first through <see cref="IOnboardingHost.ShouldProcess"/>; an
        /// "already there" code counts as made by an earlier attempt when <paramref name="ours"/> (if given) confirms it.
        /// False when the write was not wanted (-WhatIf).
        /// </summary>
        private async Task<bool> CreateAsync(OnboardingResult result, string step, string target, string action, string skipped, Func<Task> create,
            string created, string earlier, Func<Task<bool>>? ours, params string[] existsCodes)
        {
            if (!_host.ShouldProcess(target, action))
            {
                result.Add(step, target, StepOutcome.Skipped, skipped);
                return false;
            }

            try
            {
                await Call(step, target, create).ConfigureAwait(false);
                result.Add(step, target, StepOutcome.Created, created);
            }
            catch (OnboardingStepException e) when (existsCodes.Contains(e.ErrorId))
            {
                if (ours != null && !await ours().ConfigureAwait(false))
                {
                    throw;
                }

                result.Add(step, target, StepOutcome.Exists, earlier);
            }

            return true;
        }

        private static void AddOnce(OnboardingResult result, string step, string target, StepOutcome outcome, string detail)
        {
            if (!result.Steps.Any(s => s.Step == step))
            {
                result.Add(step, target, outcome, detail);
            }
        }

        private static bool IssuedBy(X509Certificate2 certificate, X509Certificate2? ca)
        {
            if (ca == null || certificate.IssuerName.RawData.AsSpan().SequenceEqual(ca.SubjectName.RawData) == false)
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.CustomTrustStore.Add(ca);
            return chain.Build(certificate);
        }

        private async Task<PolicyGroupInfo?> FindGroupAsync(string name, string target, CancellationToken cancel)
        {
            IReadOnlyList<PolicyGroupInfo> groups = await Call(GroupStep, target, () => _api.ListPolicyGroupsAsync(cancel)).ConfigureAwait(false);
            return groups.FirstOrDefault(g => g.Name == name);
        }

        private static async Task<T> Call<T>(string step, string target, Func<Task<T>> call)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (ServerErrorException e)
            {
                throw OnboardingStepException.From(e, step, target);
            }
        }

        private static Task Call(string step, string target, Func<Task> call) =>
            Call(step, target, async () =>
            {
                await call().ConfigureAwait(false);
                return true;
            });
    }
}
