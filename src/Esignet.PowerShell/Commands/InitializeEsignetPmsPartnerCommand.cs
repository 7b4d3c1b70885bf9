using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Esignet.Core.Errors;
using Esignet.Core.Partners;
using Esignet.PowerShell.Infrastructure;

namespace Esignet.PowerShell.Commands
{
    /// <summary>
    /// Brings an auth partner to "ready for OIDC clients" in PMS, from nothing or from wherever an earlier run stopped:
    /// policy group, published Auth policy, partner, CA and partner certificates, activation, approved mapping
    /// (pms-partner-onboarding.md §10). Each step reads first and does only what is missing, so a rerun changes nothing.
    /// Rows from the pipeline (a CSV of partners) are onboarded one after another; a failing row does not stop the rest.
    /// </summary>
    [Cmdlet(VerbsData.Initialize, "EsignetPmsPartner", SupportsShouldProcess = true)]
    [OutputType(typeof(OnboardingResult))]
    public sealed class InitializeEsignetPmsPartnerCommand : EsignetServerCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("AuthPartnerId")]
        public string PartnerId { get; set; } = "";

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Organization")]
        public string OrganizationName { get; set; } = "";

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Email")]
        public string EmailId { get; set; } = "";

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Phone")]
        public string ContactNumber { get; set; } = "";

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public string Address { get; set; } = "";

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public string PolicyGroup { get; set; } = "";

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string PolicyGroupDescription { get; set; } = "Policy group for OIDC relying parties";

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public string PolicyName { get; set; } = "";

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string PolicyDescription { get; set; } = "Auth policy for OIDC clients";

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string PolicyVersion { get; set; } = "1.0";

        /// <summary>The claims the policy gives clients; a CSV cell may list several, separated by commas, semicolons or spaces.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Claims")]
        public string[]? Claim { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Acrs", "AcrValues")]
        public string[]? Acr { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet("AUTH", "DEVICE", "FTM", "MISP", IgnoreCase = true)]
        public string PartnerDomain { get; set; } = "AUTH";

        /// <summary>Where the CA and partner keys and certificates are kept (owner-only) and reused on the next run.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? CertificateDirectory { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? CaCertificateFile { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? PartnerCertificateFile { get; set; }

        /// <summary>Write key files even into a folder other users can write to.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            OnboardingRequest request;
            try
            {
                request = BuildRequest();
            }
            catch (EsignetException e)
            {
                WriteError(ErrorRecords.From(e, PartnerId));
                return;
            }

            var pump = new PipelineThreadPump();
            var host = new OnboardingHost(this, pump);
            try
            {
                PmsPartnerApi api = PmsPartnerApi.For(RequireContext());
                var service = new PartnerOnboardingService(api, api.Version, host);
                OnboardingResult result = pump.Run(() => service.RunAsync(request, StopToken));
                foreach (StepResult step in result.Steps)
                {
                    WriteVerbose($"{step.Step} {step.Outcome}: {step.Object}, {step.Detail}");
                }

                WriteObject(result);
            }
            catch (EsignetException e)
            {
                WriteError(ErrorRecords.From(e, PartnerId));
            }
        }

        private OnboardingRequest BuildRequest()
        {
            string folder = CertificateDirectory ?? Path.Combine(SessionState.Path.CurrentFileSystemLocation.Path, "pms-certificates");
            return new OnboardingRequest
            {
                PartnerId = PartnerId.Trim(),
                OrganizationName = OrganizationName,
                EmailId = EmailId.Trim(),
                ContactNumber = ContactNumber.Trim(),
                Address = Address,
                PolicyGroup = PolicyGroup,
                PolicyGroupDescription = PolicyGroupDescription,
                PolicyName = PolicyName,
                PolicyDescription = PolicyDescription,
                PolicyVersion = PolicyVersion,
                Claims = Split(Claim) ?? AuthPolicyContent.DefaultClaims,
                Acrs = Split(Acr) ?? AuthPolicyContent.DefaultAcrs,
                PartnerDomain = PartnerDomain.ToUpperInvariant(),
                CertificateDirectory = SessionState.Path.GetUnresolvedProviderPathFromPSPath(folder),
                CaCertificateFile = CaCertificateFile == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(CaCertificateFile),
                PartnerCertificateFile = PartnerCertificateFile == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(PartnerCertificateFile),
                AllowSharedFolder = Force,
            };
        }

        private static IReadOnlyList<string>? Split(string[]? values)
        {
            List<string>? list = values?.SelectMany(v => (v ?? "").Split(new[] { ',', ';', ' ' }, StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal).ToList();
            return list?.Count > 0 ? list : null;
        }

        /// <summary>The service's questions, answered on the pipeline thread.</summary>
        private sealed class OnboardingHost : IOnboardingHost
        {
            private readonly InitializeEsignetPmsPartnerCommand _cmdlet;
            private readonly PipelineThreadPump _pump;

            public OnboardingHost(InitializeEsignetPmsPartnerCommand cmdlet, PipelineThreadPump pump)
            {
                _cmdlet = cmdlet;
                _pump = pump;
            }

            public bool ShouldProcess(string target, string action) => _pump.Invoke(() => _cmdlet.ShouldProcess(target, action));

            public void Warn(string message) => _pump.Invoke(() => _cmdlet.WriteWarning(message));

            public void Verbose(string message) => _pump.Invoke(() => _cmdlet.WriteVerbose(message));
        }
    }
}
