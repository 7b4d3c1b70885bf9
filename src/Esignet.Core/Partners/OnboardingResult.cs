using System;
using System.Collections.Generic;
using System.Linq;

namespace Esignet.Core.Partners
{
    /// <summary>
    /// An onboarded auth partner. <see cref="AuthPartnerId"/> and <see cref="PolicyId"/> are named so that piping this
    /// into New-EsignetOidcClient -Api Pms binds them by property name.
    /// </summary>
    public sealed class OnboardingResult
    {
        public string AuthPartnerId { get; internal set; } = "";
        public string? PolicyId { get; internal set; }
        public string PolicyName { get; internal set; } = "";
        public string PolicyGroup { get; internal set; } = "";
        public string? PolicyGroupId { get; internal set; }
        public string OrganizationName { get; internal set; } = "";
        public string PmsVersion { get; internal set; } = "";
        public IReadOnlyList<StepResult> Steps => _steps;

        /// <summary>True when any step created or changed something on the server or on disk.</summary>
        public bool Changed => _steps.Any(s => s.Outcome == StepOutcome.Created || s.Outcome == StepOutcome.Updated);

        /// <summary>True when every step found its object as wanted: a rerun that changed nothing.</summary>
        public bool Ready { get; internal set; }

        public string? CaCertificatePath { get; internal set; }
        public string? CaKeyPath { get; internal set; }
        public string? PartnerCertificatePath { get; internal set; }
        public string? PartnerKeyPath { get; internal set; }
        public string? SignedCertificatePath { get; internal set; }

        /// <summary>When the partner certificate PMS holds (the MOSIP-signed one) expires.</summary>
        public DateTimeOffset? CertificateExpires { get; internal set; }

        /// <summary>When the certificate the module uploaded (signed by the CA) expires.</summary>
        public DateTimeOffset? PartnerCertificateExpires { get; internal set; }

        private readonly List<StepResult> _steps = new List<StepResult>();

        internal void Add(string step, string target, StepOutcome outcome, string detail) => _steps.Add(new StepResult(step, target, outcome, detail));

        /// <summary>"Group=Exists Policy=Created …", for logs and the format view.</summary>
        public string Summary => string.Join(" ", _steps.Select(s => s.Step + "=" + s.Outcome));

        public override string ToString() => $"{AuthPartnerId} {PolicyId} {Summary}";
    }
}
