using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Esignet.PowerShell.Completion
{
    /// <summary>Completes claims (-UserClaim) with those the connected server, or the line, accepts.</summary>
    public sealed class ClaimCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                return Completions.Matching(CompletionRules.For(fakeBoundParameters).SupportedClaims.OrderBy(a => a, StringComparer.Ordinal), wordToComplete).ToList();
            }
            catch (Exception)
            {
                return Enumerable.Empty<CompletionResult>(); // completion must never break the prompt
            }
        }
    }
}
