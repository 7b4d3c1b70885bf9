using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Esignet.Core.Definitions;

namespace Esignet.PowerShell.Infrastructure
{
    /// <summary>
    /// Checks a CSV row as a whole before its cells are read: a column the module does not know (a typo such as
    /// "redirectUri s" or "grant_type" would otherwise be dropped without a word) and text that shows the file was
    /// read with the wrong encoding. Only note properties are checked: those are what Import-Csv and
    /// ConvertFrom-Csv make, while objects of other types (module output piped back in) carry their own members.
    /// </summary>
    internal static class RowShape
    {
        private const char ReplacementCharacter = '\uFFFD';
        private const char ByteOrderMark = '\uFEFF';

        public static void Check(PSObject? row, ISet<string> knownColumns)
        {
            if (row == null || !(row.BaseObject is PSCustomObject))
            {
                return;
            }

            var unknown = new List<string>();
            foreach (PSPropertyInfo property in row.Properties)
            {
                if (!(property is PSNoteProperty)) continue;
                string name = property.Name;
                string? encodingProblem = EncodingProblem(name);
                if (encodingProblem != null)
                {
                    throw Invalid("InvalidEncoding", name, $"the column name '{Printable(name)}' {encodingProblem}");
                }

                if (!knownColumns.Contains(name))
                {
                    unknown.Add(name);
                    continue;
                }

                if (property.Value is string text && EncodingProblem(text) is string cellProblem)
                {
                    throw Invalid("InvalidEncoding", name, $"the value {cellProblem}");
                }
            }

            if (unknown.Count > 0)
            {
                throw Invalid("UnknownColumn", unknown[0],
                    $"{(unknown.Count == 1 ? "the column" : "the columns")} {string.Join(", ", unknown.Select(u => "'" + u + "'"))} {(unknown.Count == 1 ? "is" : "are")} not a client field, so {(unknown.Count == 1 ? "its" : "their")} values would be lost. Fix the column name (see about_Esignet_CSV), or drop it with Select-Object -ExcludeProperty.");
            }
        }

        private static string? EncodingProblem(string text)
        {
            if (text.IndexOf(ReplacementCharacter) >= 0)
                return "holds the replacement character U+FFFD: the file is not UTF-8. Save it as UTF-8, or read it with Import-Csv -Encoding <its encoding>";
            if (text.IndexOf('\0') >= 0)
                return "holds NUL characters: the file looks like UTF-16 read as UTF-8. Read it with Import-Csv -Encoding Unicode, or save it as UTF-8";
            if (text.StartsWith("\u00EF\u00BB\u00BF", System.StringComparison.Ordinal))
                return "starts with 'ï»¿', a UTF-8 byte-order mark read as Latin-1: the file is UTF-8. Read it with Import-Csv -Encoding utf8";
            if (text.IndexOf(ByteOrderMark) >= 0)
                return "holds a byte-order mark (U+FEFF): the file was read without its encoding. Read it with Import-Csv, which removes the mark";
            return null;
        }

        private static string Printable(string s) => s.Replace("\0", "\\0").Replace(ByteOrderMark.ToString(), "\\uFEFF");

        private static CellFormatException Invalid(string id, string field, string problem)
        {
            // The column is the field, so a lint can file the problem under it.
            return new CellFormatException(Printable(field), problem + ". Nothing was sent for this row.", id);
        }
    }
}
