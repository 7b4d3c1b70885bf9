using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Esignet.PowerShell.Completion
{
    /// <summary>Completes ACR values (-AuthContextRef) with those the connected server, or the line, accepts.</summary>
    public sealed class AcrCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                return Completions.Matching(CompletionRules.For(fakeBoundParameters).SupportedAcrs.OrderBy(a => a, StringComparer.Ordinal), wordToComplete).ToList();
            }
            catch (Exception)
            {
                return Enumerable.Empty<CompletionResult>(); // completion must never break the prompt
            }
        }
    }
}
