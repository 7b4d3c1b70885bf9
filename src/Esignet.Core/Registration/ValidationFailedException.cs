using System.Collections.Generic;
using System.Linq;
using Esignet.Core.Definitions;
using Esignet.Core.Errors;

namespace Esignet.Core.Registration
{
    /// <summary>
    /// A definition broke a rule the server enforces; nothing was sent. The first issue names the error. The facts
    /// (line, fields, codes) are the <see cref="Issues"/>; the texts are made from them here.
    /// </summary>
    public sealed class ValidationFailedException : EsignetException
    {
        public ValidationFailedException(IReadOnlyList<ValidationIssue> issues)
            : base(issues[0].Code, EsignetErrorKind.InvalidData, Where(issues) + Describe(issues))
        {
            Issues = issues;
        }

        public IReadOnlyList<ValidationIssue> Issues { get; }

        public string Field => Issues[0].Field;

        public int? LineNumber => Issues[0].LineNumber;

        /// <summary>The message without its "Line N: ": every issue as "field: message", for details that name the line themselves.</summary>
        public string Detail => Describe(Issues);

        private static string Where(IReadOnlyList<ValidationIssue> issues) => issues[0].LineNumber is int line ? $"Line {line}: " : string.Empty;

        private static string Describe(IReadOnlyList<ValidationIssue> issues) =>
            string.Join(" ", issues.Select(i => i.Field + ": " + i.Message)) + " Nothing was sent for this client.";
    }
}
