namespace Esignet.PowerShell.Completion
{
    /// <summary>Completes ACR values (-AuthContextRef) with those the connected server, or the line, accepts.</summary>
    public sealed class AcrCompleter : RuleValuesCompleter
    {
        public AcrCompleter()
            : base(rules => rules.SupportedAcrs)
        {
        }
    }
}
