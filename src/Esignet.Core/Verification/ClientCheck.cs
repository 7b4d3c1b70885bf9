namespace Esignet.Core.Verification
{
    /// <summary>One line of a <see cref="ClientTestResult"/>: which check, how it ended, and why.</summary>
    public sealed class ClientCheck
    {
        public ClientCheck(string name, CheckOutcome outcome, string reason)
        {
            Name = name;
            Outcome = outcome;
            Reason = reason;
        }

        /// <summary>One of <see cref="ClientCheckNames"/>.</summary>
        public string Name { get; }

        public CheckOutcome Outcome { get; }

        /// <summary>What was found, in a sentence; never a secret.</summary>
        public string Reason { get; }

        public override string ToString() => Name + ": " + Outcome + " - " + Reason;
    }
}
