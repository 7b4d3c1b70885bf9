using System;
using System.Linq;
using System.Text.RegularExpressions;
using Esignet.Core.Errors;
using Esignet.Core.Versions;

namespace Esignet.Core.Partners
{
    /// <summary>
    /// What PMS and keymanager would refuse, checked before anything is sent (pms-partner-onboarding.md §3, §5): each
    /// failure is an EsignetException naming the field, so a CSV row fails alone and nothing half-made is left behind.
    /// </summary>
    public static class OnboardingRules
    {
        /// <summary>Stored as sent and compared case-sensitively by OIDC create (pms-api.md §5.1 #10): exactly "Auth".</summary>
        public const string PolicyType = "Auth";

        /// <summary>
        /// [inference, §3.4] the id is also a URL path segment, keymanager's referenceId and eSignet's relyingPartyId;
        /// PSI@v1.2.0.1 itself refuses spaces (PMS_PRT_066) and more than 36 characters (PMS_PRT_052).
        /// </summary>
        private static readonly Regex PartnerIdPattern = new Regex("^[A-Za-z0-9._-]{1,36}$", RegexOptions.CultureInvariant);

        /// <summary>mosip.pms.email.regex (mosip-config partner-management-default.properties@v1.2.0.1), Java's ASCII \w.</summary>
        private static readonly Regex EmailPattern = new Regex(@"^[A-Za-z0-9_+-]+(\.[A-Za-z0-9_]+)*@[A-Za-z0-9_-]+(\.[A-Za-z0-9_]+)*(\.[a-z]{2,})$", RegexOptions.CultureInvariant);

        /// <summary>mosip.kernel.partner.allowed.domains (mosip-config kernel-default.properties@v1.2.0.1).</summary>
        public static readonly string[] Domains = { "AUTH", "DEVICE", "FTM", "MISP" };

        /// <summary>Group and policy desc: @Size(1,128) in PolicyGroupCreateRequestDto@v1.2.0.1, (1,256) @v1.2.2.2.</summary>
        public static int DescriptionMax(PmsVersion line) => line.IsV122OrLater ? 256 : 128;

        public static void Check(OnboardingRequest r, PmsVersion line)
        {
            if (!PartnerIdPattern.IsMatch(r.PartnerId ?? ""))
            {
                Fail("InvalidPartnerId", "PartnerId", $"'{r.PartnerId}' is not a safe PMS partner id: 1 to 36 letters, digits, '.', '_' or '-' (PMS refuses spaces and more than 36; the id is also a URL segment and eSignet's relyingPartyId).");
            }

            CheckOrganization(r.OrganizationName);
            Length("EmailId", r.EmailId, 254);
            if (!EmailPattern.IsMatch(r.EmailId))
            {
                Fail("InvalidEmailId", "EmailId", $"'{r.EmailId}' does not match PMS's e-mail pattern (PMS_PRT_012): a plain address whose top-level domain is lower-case letters.");
            }

            Length("ContactNumber", r.ContactNumber, 16);
            Length("Address", r.Address, 2000);
            Length("PolicyGroup", r.PolicyGroup, 128);
            Length("PolicyGroupDescription", r.PolicyGroupDescription, DescriptionMax(line), $" on PMS {line.Name}");
            Length("PolicyName", r.PolicyName, 128);
            Length("PolicyDescription", r.PolicyDescription, DescriptionMax(line), $" on PMS {line.Name}");
            Length("PolicyVersion", r.PolicyVersion, 8, " (the database column is varchar(8))");
            if (!Domains.Contains(r.PartnerDomain.ToUpperInvariant()))
            {
                Fail("InvalidPartnerDomain", "PartnerDomain", $"'{r.PartnerDomain}' is not a keymanager partner domain; use one of {string.Join(", ", Domains)} (KER-PCM-011).");
            }

            AuthPolicyContent.Check(r.Claims, r.Acrs);
        }

        /// <summary>
        /// The O= of the certificate must equal the stored name exactly, and keymanager reads O= escaped (BouncyCastle
        /// IETFUtils.valueToString, §4.2 #11): a name with an RFC 4514 special character never matches (KER-PCM-008).
        /// </summary>
        public static void CheckOrganization(string? name)
        {
            Length("OrganizationName", name, 128);
            string n = name!;
            int bad = n.IndexOfAny(new[] { ',', '+', '=', '"', '\\', '<', '>', ';' });
            if (bad >= 0 || n.StartsWith("#", StringComparison.Ordinal) || n.Trim() != n)
            {
                string what = bad >= 0 ? $"the character '{n[bad]}'" : n.StartsWith("#", StringComparison.Ordinal) ? "a leading '#'" : "leading or trailing spaces";
                Fail("InvalidOrganizationName", "OrganizationName",
                    $"The organisation name '{n}' has {what}: keymanager reads the certificate's O= escaped and would never match it (KER-PCM-008), and PMS cannot rename a partner. Choose a name without , + = \" \\ < > ; and without leading '#' or outer spaces.");
            }
        }

        private static void Length(string field, string? value, int max, string? why = null)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Fail("Missing" + field, field, $"{field} is required (PMS refuses a blank value with PMS_COR_001).");
            }
            else if (value!.Length > max)
            {
                Fail("Invalid" + field, field, $"{field} is {value.Length} characters; PMS allows at most {max}{why}.");
            }
        }

        private static void Fail(string errorId, string field, string message)
        {
            throw new EsignetException(errorId, EsignetErrorKind.InvalidArgument, message) { TargetObject = field };
        }
    }
}
