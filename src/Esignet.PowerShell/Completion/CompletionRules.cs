using System.Collections;
using System.Globalization;
using System.Management.Automation;
using Esignet.Core.Connection;
using Esignet.Core.Definitions;
using Esignet.Core.Errors;
using Esignet.Core.Versions;
using Esignet.PowerShell.Infrastructure;

namespace Esignet.PowerShell.Completion
{
    /// <summary>
    /// The rules completion offers values from, so that what completes is what validates: the -ServerVersion on the
    /// command line when there is one; else the connection's (its discovery document's claims and ACRs on top of
    /// the line's); else the shipped defaults of the default line.
    /// </summary>
    internal static class CompletionRules
    {
        public static ValidationRules For(IDictionary bound)
        {
            if (Text(bound["ServerVersion"]) is string version)
            {
                try
                {
                    return ValidationRules.ForEsignet(EsignetVersion.Parse(version));
                }
                catch (EsignetException)
                {
                    // Not a line yet (still being typed): fall through to the connection.
                }
            }

            EsignetContext? context = ContextOf(bound);
            // Claims and ACRs are eSignet fields (PMS takes them from the policy): eSignet's rules complete them.
            return context != null ? context.RulesFor(ClientApi.Esignet) : ValidationRules.ForEsignet(EsignetVersion.Default);
        }

        /// <summary>-Context when the command line names one that could be evaluated, else the current connection.</summary>
        public static EsignetContext? ContextOf(IDictionary bound) => Unwrap(bound["Context"]) as EsignetContext ?? ContextStore.Current;

        public static object? Unwrap(object? value) => value is PSObject pso ? pso.BaseObject : value;

        /// <summary>A bound value as text. -ServerVersion 1.5 reaches a completer as the number 1.5, and 1.0 as 1.</summary>
        private static string? Text(object? value)
        {
            switch (Unwrap(value))
            {
                case string s:
                    return s;
                case double d:
                    return d.ToString("0.0#", CultureInfo.InvariantCulture);
                case decimal m:
                    return m.ToString("0.0#", CultureInfo.InvariantCulture);
                case int i:
                    return i.ToString(CultureInfo.InvariantCulture) + ".0";
                default:
                    return null;
            }
        }
    }
}
