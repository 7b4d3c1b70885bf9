namespace Esignet.PowerShell.Completion
{
    /// <summary>Completes claims (-UserClaim) with those the connected server, or the line, accepts.</summary>
    public sealed class ClaimCompleter : RuleValuesCompleter
    {
        public ClaimCompleter()
            : base(rules => rules.SupportedClaims)
        {
        }
    }
}
