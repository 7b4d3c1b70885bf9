using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Esignet.Core.Keys;

namespace Esignet.PowerShell.Completion
{
    /// <summary>Completes the key parameters: -KeySize, -Curve and -Algorithm (filtered by -KeyType/-Curve/-Use when given).</summary>
    public sealed class KeyParameterCompleter : Completer
    {
        protected override IEnumerable<string> Values(string parameterName, IDictionary bound)
        {
            switch (parameterName)
            {
                case "KeySize":
                    return new[] { "2048", "3072", "4096" };
                case "Curve":
                    return EcCurve.All.Select(c => c.JwkName);
                default:
                    return AlgorithmsFor(bound);
            }
        }

        private static IEnumerable<string> AlgorithmsFor(IDictionary bound)
        {
            string? curveName = bound["Curve"] as string;
            string? type = bound["KeyType"] as string;
            bool ec = string.Equals(type, "EC", StringComparison.OrdinalIgnoreCase) || curveName != null;
            bool enc = string.Equals(bound["Use"] as string, "enc", StringComparison.OrdinalIgnoreCase);
            if (type == null && curveName == null && bound["Use"] == null)
            {
                return JwkAlgorithms.All;
            }

            EcCurve? curve = curveName == null ? null : EcCurve.FromJwkName(curveName);
            return JwkAlgorithms.Allowed(ec ? KeyKind.EC : KeyKind.RSA, enc ? KeyUse.Enc : KeyUse.Sig, curve);
        }
    }
}
