using System.Collections;
using System.Collections.Generic;

namespace Esignet.PowerShell.Completion
{
    /// <summary>Completes -Status with Active and Inactive (a completer, not ValidateSet, so an empty CSV cell binds).</summary>
    public sealed class StatusCompleter : Completer
    {
        protected override IEnumerable<string> Values(string parameterName, IDictionary bound) => new[] { "Active", "Inactive" };
    }
}
