using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace Esignet.PowerShell.Completion
{
    /// <summary>Completes claims (-UserClaim) with those the connected server, or the line, accepts.</summary>
    public sealed class ClaimCompleter : Completer
    {
        protected override IEnumerable<string> Values(string parameterName, IDictionary bound) =>
            CompletionRules.For(bound).SupportedClaims.OrderBy(c => c, StringComparer.Ordinal);
    }
}
