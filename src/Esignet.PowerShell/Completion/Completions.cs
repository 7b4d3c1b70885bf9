using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace Esignet.PowerShell.Completion
{
    /// <summary>What every completer does last: keep the values that start with what was typed (quotes ignored).</summary>
    internal static class Completions
    {
        public static IEnumerable<CompletionResult> Matching(IEnumerable<string> values, string? wordToComplete)
        {
            string prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return values
                .Where(v => v.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, v));
        }
    }
}
