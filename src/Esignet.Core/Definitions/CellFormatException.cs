using System;
using Esignet.Core.Errors;

namespace Esignet.Core.Definitions
{
    /// <summary>
    /// A cell or parameter value that cannot be read as the list, map, JSON or key its field needs. The field and
    /// the problem are kept apart (<see cref="Field"/>, <see cref="Detail"/>); the message "field: detail" is made
    /// from them here.
    /// </summary>
    public sealed class CellFormatException : EsignetException
    {
        public CellFormatException(string field, string detail, string errorId = "MalformedValue", EsignetErrorKind kind = EsignetErrorKind.InvalidData, Exception? inner = null)
            : base(errorId, kind, field + ": " + detail, inner)
        {
            Field = field;
            Detail = detail;
            TargetObject = field;
        }

        /// <summary>The same failure, said of <paramref name="field"/> (a key file that cannot be read is the publicKey cell's problem).</summary>
        public CellFormatException(string field, EsignetException cause)
            : this(field, cause.Message, cause.ErrorId, cause.Kind, cause)
        {
            TargetObject = cause.TargetObject;
        }

        public string Field { get; }

        /// <summary>What is wrong with the value, without the field's name.</summary>
        public string Detail { get; }
    }
}
