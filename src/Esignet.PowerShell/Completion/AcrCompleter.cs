using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace Esignet.PowerShell.Completion
{
    /// <summary>Completes ACR values (-AuthContextRef) with those the connected server, or the line, accepts.</summary>
    public sealed class AcrCompleter : Completer
    {
        protected override IEnumerable<string> Values(string parameterName, IDictionary bound) =>
            CompletionRules.For(bound).SupportedAcrs.OrderBy(a => a, StringComparer.Ordinal);
    }
}
