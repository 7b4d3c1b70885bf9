using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Esignet.Core.Keys;

namespace Esignet.PowerShell.Completion
{
    /// <summary>Completes the key parameters: -KeySize, -Curve and -Algorithm (filtered by -KeyType/-Curve/-Use when given).</summary>
    public sealed class KeyParameterCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            IEnumerable<string> values;
            switch (parameterName)
            {
                case "KeySize":
                    values = new[] { "2048", "3072", "4096" };
                    break;
                case "Curve":
                    values = EcCurve.All.Select(c => c.JwkName);
                    break;
                default:
                    values = AlgorithmsFor(fakeBoundParameters);
                    break;
            }
            return Completions.Matching(values, wordToComplete);
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
