using System.Collections.Generic;
using System.Linq;

namespace Esignet.Core.Definitions
{
    /// <summary>
    /// Text the servers accept but that harms what comes after them (issue 20, item 13). Results flow into
    /// Export-Csv, spreadsheets, key file names and logs: a value starting with =, +, -, @ (or a tab or carriage
    /// return) is run as a formula when the exported CSV is opened in a spreadsheet (OWASP "CSV injection"), and
    /// bidirectional override and isolate controls (U+202A-U+202E, U+2066-U+2069, "Trojan Source") make an id read
    /// differently from what it is. Formula starts are warned about; bidi controls are refused in ids (a Client ID or
    /// partner id that displays as another is a spoof, and ids name key files) and warned about in names. The check is
    /// the module's own, not a server rule, so its code is the module's.
    /// </summary>
    internal static class UnsafeText
    {
        /// <summary>The ErrorId of a refused value.</summary>
        public const string Code = "UnsafeCharacter";

        public const string FormulaRule = "FormulaLikeStart";
        public const string BidiRule = "BidiControl";

        private static readonly char[] FormulaStarts = { '=', '+', '-', '@', '\t', '\r' };

        /// <summary>The bidirectional override and isolate controls, U+202A-U+202E and U+2066-U+2069.</summary>
        private static readonly char[] BidiControls = { '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069' };

        public static void Check(ClientDefinition d, bool pms, IssueCollector issues)
        {
            // The ids, then the names: a bidi control is refused in an id and warned about in a name.
            var values = new List<(string Field, string? Value, bool IsId)> { ("relyingPartyId", d.RelyingPartyId, true), ("policyId", d.PolicyId, true), ("authPartnerId", d.AuthPartnerId, true), ("clientName", d.ClientName, false) };
            if (!pms) values.Insert(0, ("clientId", d.ClientId, true)); // PMS ignores a given clientId
            values.AddRange(d.ClientNameLangMap.Select(kv => ($"clientNameLangMap.{kv.Key}", (string?)kv.Value, false)));

            foreach ((string field, string? value, bool isId) in values)
            {
                if (string.IsNullOrEmpty(value)) continue;
                int bidi = value!.IndexOfAny(BidiControls);
                if (bidi >= 0 && isId)
                    issues.Error(field, Code, BidiRule, $"{field} contains the bidirectional control U+{(int)value[bidi]:X4} at position {bidi + 1}, which makes it display as something else; ids may not contain it.");
                else if (bidi >= 0)
                    issues.Warning(field, Code, BidiRule, $"{field} contains the bidirectional control U+{(int)value[bidi]:X4} at position {bidi + 1}: the name may display differently in exports, logs and file names.");

                if (System.Array.IndexOf(FormulaStarts, value[0]) >= 0)
                {
                    string shown = value[0] == '\t' ? "a tab" : value[0] == '\r' ? "a carriage return" : $"'{value[0]}'";
                    issues.Warning(field, Code, FormulaRule, $"{field} starts with {shown}, so a spreadsheet opening an exported results file would take it for a formula.");
                }
            }
        }
    }
}
