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

        public static void Check(ClientDefinition d, bool pms, IssueCollector issues)
        {
            var ids = new List<(string Field, string? Value)> { ("relyingPartyId", d.RelyingPartyId), ("policyId", d.PolicyId), ("authPartnerId", d.AuthPartnerId) };
            if (!pms) ids.Insert(0, ("clientId", d.ClientId)); // PMS ignores a given clientId
            var names = new List<(string Field, string? Value)> { ("clientName", d.ClientName) };
            names.AddRange(d.ClientNameLangMap.Select(kv => ($"clientNameLangMap.{kv.Key}", (string?)kv.Value)));

            foreach ((string field, string? value) in ids)
            {
                if (string.IsNullOrEmpty(value)) continue;
                int bidi = BidiAt(value!);
                if (bidi >= 0)
                    issues.Error(field, Code, BidiRule, $"{field} contains the bidirectional control U+{(int)value![bidi]:X4} at position {bidi + 1}, which makes it display as something else; ids may not contain it.");
                WarnFormula(field, value!, issues);
            }

            foreach ((string field, string? value) in names)
            {
                if (string.IsNullOrEmpty(value)) continue;
                int bidi = BidiAt(value!);
                if (bidi >= 0)
                    issues.Warning(field, Code, BidiRule, $"{field} contains the bidirectional control U+{(int)value![bidi]:X4} at position {bidi + 1}: the name may display differently in exports, logs and file names.");
                WarnFormula(field, value!, issues);
            }
        }

        private static void WarnFormula(string field, string value, IssueCollector issues)
        {
            if (value.Length > 0 && System.Array.IndexOf(FormulaStarts, value[0]) >= 0)
            {
                string shown = value[0] == '\t' ? "a tab" : value[0] == '\r' ? "a carriage return" : $"'{value[0]}'";
                issues.Warning(field, Code, FormulaRule, $"{field} starts with {shown}, so a spreadsheet opening an exported results file would take it for a formula.");
            }
        }

        private static int BidiAt(string value)
        {
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) return i;
            }

            return -1;
        }
    }
}
