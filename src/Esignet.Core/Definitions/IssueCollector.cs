using System.Collections.Generic;

namespace Esignet.Core.Definitions
{
    /// <summary>Gathers the issues of one definition, stamping each with the definition's input line.</summary>
    internal sealed class IssueCollector
    {
        private readonly int? _line;

        public IssueCollector(int? line)
        {
            _line = line;
        }

        public List<ValidationIssue> Issues { get; } = new List<ValidationIssue>();

        public void Error(string field, string code, string rule, string message) =>
            Issues.Add(new ValidationIssue(field, code, ValidationSeverity.Error, message, rule, _line));

        public void Warning(string field, string code, string rule, string message) =>
            Issues.Add(new ValidationIssue(field, code, ValidationSeverity.Warning, message, rule, _line));
    }
}
