using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Esignet.Core.Definitions;

namespace Esignet.PowerShell.Completion
{
    /// <summary>
    /// Completes a parameter with one list of the rules the connected server (else the line's defaults) accepts:
    /// the shared body of the claim and ACR completers, which differ only in the list they pick.
    /// </summary>
    public abstract class RuleValuesCompleter : IArgumentCompleter
    {
        private readonly Func<ValidationRules, IEnumerable<string>> _pick;

        protected RuleValuesCompleter(Func<ValidationRules, IEnumerable<string>> pick)
        {
            _pick = pick;
        }

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                return Completions.Matching(_pick(CompletionRules.For(fakeBoundParameters)).OrderBy(a => a, StringComparer.Ordinal), wordToComplete).ToList();
            }
            catch (Exception)
            {
                return Enumerable.Empty<CompletionResult>(); // completion must never break the prompt
            }
        }
    }
}
