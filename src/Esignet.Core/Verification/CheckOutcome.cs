namespace Esignet.Core.Verification
{
    /// <summary>How one check of Test-EsignetClient ended.</summary>
    public enum CheckOutcome
    {
        Passed,
        Failed,

        /// <summary>Could not be run (no eSignet in the connection, an earlier check failed, ...): the reason says why.</summary>
        Skipped,
    }
}
