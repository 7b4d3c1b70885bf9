namespace Esignet.Core.Partners
{
    /// <summary>
    /// What the onboarding asks of its caller (the cmdlet: ShouldProcess, warnings, verbose lines), so -WhatIf and
    /// -Confirm decide each write, and a new root CA is announced before it is made.
    /// </summary>
    public interface IOnboardingHost
    {
        /// <summary>True to go ahead with <paramref name="action"/> on <paramref name="target"/>; false skips it (-WhatIf, a "No").</summary>
        bool ShouldProcess(string target, string action);

        void Warn(string message);

        void Verbose(string message);
    }
}
