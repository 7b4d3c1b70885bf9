using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Esignet.PowerShell.Completion
{
    /// <summary>Completes -Status with Active and Inactive (a completer, not ValidateSet, so an empty CSV cell binds).</summary>
    public sealed class StatusCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            return Completions.Matching(new[] { "Active", "Inactive" }, wordToComplete);
        }
    }
}
