using System;
using System.Globalization;

namespace Esignet.Core.Definitions
{
    /// <summary>
    /// One problem found in a <see cref="ClientDefinition"/> before anything is sent (design.md, decision 1).
    /// Immutable and safe to print: messages never contain secrets (keys are named by kid/thumbprint only).
    /// </summary>
    public sealed class ValidationIssue
    {
        public ValidationIssue(string field, string code, ValidationSeverity severity, string message, string rule, int? lineNumber)
        {
            Field = field ?? string.Empty;
            Code = code ?? throw new ArgumentNullException(nameof(code));
            Severity = severity;
            Message = message ?? throw new ArgumentNullException(nameof(message));
            Rule = rule ?? throw new ArgumentNullException(nameof(rule));
            LineNumber = lineNumber;
        }

        /// <summary>
        /// The server's JSON name of the field, e.g. <c>clientId</c>; list elements carry a zero-based index
        /// (<c>redirectUris[1]</c>), map entries their key (<c>clientNameLangMap[fre]</c>), additionalConfig members
        /// a dotted path (<c>additionalConfig.purpose.type</c>). Empty for issues about the request as a whole.
        /// </summary>
        public string Field { get; }

        /// <summary>
        /// The error code the real server would return for this violation on the chosen line and endpoint, e.g.
        /// <c>invalid_redirect_uri</c>, <c>unsupported_grant_type</c> (eSignet 1.7+) or <c>PMS_COR_001</c>; for
        /// problems no server reports (an endpoint missing on the line), a module code such as <c>EndpointNotOnLine</c>.
        /// See <see cref="ValidationCodes"/>.
        /// </summary>
        public string Code { get; }

        public ValidationSeverity Severity { get; }

        /// <summary>What is wrong and what to do, with the offending value when it is not a secret.</summary>
        public string Message { get; }

        /// <summary>A short, stable rule name for diagnostics (<see cref="ValidationRuleNames"/>), e.g. <c>MaxLength</c>.</summary>
        public string Rule { get; }

        /// <summary>The input line, copied from <see cref="ClientDefinition.LineNumber"/>.</summary>
        public int? LineNumber { get; }

        public bool IsError => Severity == ValidationSeverity.Error;

        public override string ToString()
        {
            string where = LineNumber.HasValue ? "line " + LineNumber.Value.ToString(CultureInfo.InvariantCulture) + ": " : string.Empty;
            string field = Field.Length > 0 ? Field + ": " : string.Empty;
            return where + Severity + " " + Code + " (" + Rule + ") " + field + Message;
        }
    }
}
