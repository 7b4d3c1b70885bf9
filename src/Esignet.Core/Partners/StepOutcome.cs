namespace Esignet.Core.Partners
{
    /// <summary>What one onboarding step did: it made the object, found it as wanted, changed it, or did nothing (-WhatIf, or nothing to do).</summary>
    public enum StepOutcome
    {
        Created,
        Exists,
        Updated,
        Skipped,
    }

    /// <summary>One step's outcome: which step, on which object, and why, in words for the operator.</summary>
    public sealed record StepResult(string Step, string Object, StepOutcome Outcome, string Detail);
}
