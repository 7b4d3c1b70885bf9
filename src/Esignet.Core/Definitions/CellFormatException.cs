using Esignet.Core.Errors;

namespace Esignet.Core.Definitions
{
    /// <summary>A cell or parameter value that cannot be read as the list, map or JSON its field needs.</summary>
    public sealed class CellFormatException : EsignetException
    {
        public CellFormatException(string field, string message)
            : base("MalformedValue", EsignetErrorKind.InvalidData, message)
        {
            Field = field;
            TargetObject = field;
        }

        public string Field { get; }
    }
}
