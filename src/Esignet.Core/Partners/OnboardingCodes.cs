using System.Collections.Generic;

namespace Esignet.Core.Partners
{
    /// <summary>
    /// The PMS and keymanager codes onboarding reads (pms-partner-onboarding.md §3, §9 #7–#8), with what each means for
    /// the find-or-create sequence and what the operator should do when one stops it.
    /// </summary>
    public static class OnboardingCodes
    {
        // "Not found" answers of the reads (§6).
        public const string PolicyIdNotFound = "PMS_POL_008";
        public const string PartnerNotFound = "PMS_PRT_005";
        public const string CertificateNotUploaded = "PMS_PRT_108";
        public const string NoMappings = "PMS_PMP_015";

        // "Already there" answers of the writes (§9 #7): the step re-reads.
        public const string GroupExists = "PMS_POL_014";
        public const string PolicyExists = "PMS_POL_009";
        public const string AlreadyPublished = "PMS_POL_020";
        public const string EmailExists = "PMS_PRT_011";
        public const string PartnerExists = "PMS_PRT_051";
        public const string CertificateExists = "KER-PCM-003";
        public const string MappingPending = "PMS_PRT_053";
        public const string MappingApproved = "PMS_PRT_060";
        public const string RequestApproved = "PMS_PM_034";
        public const string RequestRejected = "PMS_PM_035";

        /// <summary>What to do about a code that stopped a step; null for codes without specific advice.</summary>
        public static string? Advice(string? code) => code != null && Advices.TryGetValue(code, out string? advice) ? advice : null;

        private static readonly Dictionary<string, string> Advices = new Dictionary<string, string>
        {
            ["PMS_PRT_011"] = "The e-mail belongs to another partner: give this partner its own -EmailId.",
            ["PMS_PRT_012"] = "PMS refuses the e-mail address: use a plain address with a lower-case top-level domain.",
            ["PMS_PRT_002"] = "The policy group does not exist in PMS (names are case-sensitive).",
            ["PMS_PRT_010"] = "PMS does not know the partner type.",
            ["PMS_PRT_055"] = "The token is not allowed to act on this partner: connect with a PARTNER_ADMIN client (e.g. mosip-pms-client).",
            ["PMS_PMP_016"] = "The partner is deactivated; PMS 1.2.2 cannot reactivate it. Onboard a new partner id.",
            ["PMS_PM_063"] = "The partner is deactivated; PMS 1.2.2 cannot reactivate it. Onboard a new partner id.",
            ["PMS_PRT_098"] = "The policy is not in the partner's policy group: use the partner's group (see Get-EsignetPmsPartner).",
            ["PMS_PRT_073"] = "No published policy has this name: publish it first.",
            ["PMS_PMP_019"] = "The policy is a draft: publish it first.",
            ["PMS_POL_053"] = "The policy group is inactive: activate it in PMS or use another group.",
            ["PMS_PMP_023"] = "The policy group is inactive: activate it in PMS or use another group.",
            ["PMS_POL_023"] = "PMS allows policy types Auth, DataShare, CredentialIssuance and MISP only.",
            ["KER-PCM-004"] = "The certificate's dates are not valid for keymanager (a partner certificate needs at least 335 days left): delete the partner certificate files and run again.",
            ["KER-KMS-021"] = "The partner certificate has less validity left than keymanager requires: delete the partner certificate files and run again.",
            ["KER-PCM-006"] = "Keymanager found no CA for the partner certificate in this domain: the CA upload must come first (check -PartnerDomain).",
            ["KER-PCM-008"] = "The certificate's O= is not exactly the partner's stored organisation name: delete the partner certificate files and run again.",
            ["KER-PCM-011"] = "Keymanager allows the partner domains AUTH, DEVICE, FTM and MISP.",
            ["KER-PCM-017"] = "Keymanager 1.3 needs a CA with at least 12 months left: delete the CA files to make a new root.",
            ["KER-PMS-020"] = "The certificate starts in the future for keymanager: check this machine's clock.",
            ["KER-ATH-401"] = "The token was refused: connect again.",
            ["KER-ATH-403"] = "The token lacks the role: policy and partner administration need PARTNER_ADMIN.",
            // ApiCaller's own ids for an HTTP 401/403 (the kernel auth adapter's answers).
            ["Forbidden"] = "The token lacks the role for this PMS call: connect with a client that has PARTNER_ADMIN (e.g. mosip-pms-client); one such token covers every onboarding step.",
            ["Unauthorized"] = "PMS refused the token: connect again with valid credentials (PMS reads it from the Authorization cookie).",
        };
    }
}
