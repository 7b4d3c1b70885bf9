using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Esignet.Core.Versions;

namespace Esignet.PowerShell.Completion
{
    /// <summary>Completes -ServerVersion (eSignet 1.0..1.8) and -PmsVersion (1.2.0, 1.2.2).</summary>
    public sealed class ServerVersionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            IEnumerable<string> values = parameterName == "PmsVersion"
                ? new[] { PmsVersion.V120.Name, PmsVersion.V122.Name }
                : EsignetVersion.All.Select(v => v.ToString());
            return Completions.Matching(values, wordToComplete);
        }
    }
}
