using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Esignet.PowerShell.Completion
{
    /// <summary>
    /// Base of every completer of the module: a subclass names the values; this keeps those that start with what was
    /// typed (quotes ignored), so each completer only says where its values come from.
    /// </summary>
    public abstract class Completer : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                string prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
                return Values(parameterName, fakeBoundParameters)
                    .Where(v => v.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                    .Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, v))
                    .ToList();
            }
            catch (Exception)
            {
                return Enumerable.Empty<CompletionResult>(); // completion must never break the prompt
            }
        }

        /// <summary>What <paramref name="parameterName"/> may take, given the rest of the command line (<paramref name="bound"/>).</summary>
        protected abstract IEnumerable<string> Values(string parameterName, IDictionary bound);
    }
}
