using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Esignet.Core.Versions;

namespace Esignet.PowerShell.Completion
{
    /// <summary>Completes -ServerVersion (eSignet 1.0..1.8) and -PmsVersion (1.2.0, 1.2.2).</summary>
    public sealed class ServerVersionCompleter : Completer
    {
        protected override IEnumerable<string> Values(string parameterName, IDictionary bound) => parameterName == "PmsVersion"
            ? new[] { PmsVersion.V120.Name, PmsVersion.V122.Name }
            : EsignetVersion.All.Select(v => v.ToString());
    }
}
