using System.Collections.Generic;
using System.Linq;
using Esignet.Core.Definitions;
using Esignet.Core.Errors;

namespace Esignet.Core.Registration
{
    /// <summary>A definition broke a rule the server enforces; nothing was sent. The first issue names the error.</summary>
    public sealed class ValidationFailedException : EsignetException
    {
        public ValidationFailedException(IReadOnlyList<ValidationIssue> issues)
            : base(issues[0].Code, EsignetErrorKind.InvalidData, Compose(issues))
        {
            Issues = issues;
        }

        public IReadOnlyList<ValidationIssue> Issues { get; }

        public string Field => Issues[0].Field;

        private static string Compose(IReadOnlyList<ValidationIssue> issues)
        {
            string where = issues[0].LineNumber is int line ? $"Line {line}: " : string.Empty;
            return where + string.Join(" ", issues.Select(i => i.Field + ": " + i.Message)) + " Nothing was sent for this client.";
        }
    }
}
