using System.Management.Automation;
using Esignet.Core.Errors;
using Esignet.Core.Registration;
using Esignet.Core.Servers;

namespace Esignet.PowerShell.Infrastructure
{
    /// <summary>
    /// Per-row ErrorRecords (design.md decision 5): ErrorId = the server's or validator's code, the input row as
    /// TargetObject, and ErrorDetails naming the line, the field, the HTTP status and the server's message.
    /// </summary>
    internal static class RowErrors
    {
        /// <summary>
        /// The ErrorRecord for a row whose background work failed; null when it was cancelled (Ctrl+C) or ended
        /// while the command was stopping, because then there is nothing the user needs to be told about that row.
        /// </summary>
        public static ErrorRecord? FromFailedWork(System.Threading.Tasks.Task work, object target, int? line, bool stopping)
        {
            if (work.IsCanceled || !work.IsFaulted) return null;
            System.Exception e = work.Exception!.GetBaseException();
            if (e is System.OperationCanceledException || stopping) return null;
            if (e is EsignetException esignet) return Create(esignet, target, line);
            return ErrorRecords.Create("UnexpectedError", ErrorCategory.NotSpecified, Where(line) + e.Message, target, e);
        }

        public static ErrorRecord Create(EsignetException e, object target, int? line)
        {
            string detail = e switch
            {
                ValidationFailedException v => v.Detail,
                // Every code of the answer (one per bad field, in no set order); the first is the ErrorId.
                ServerErrorException s => s.Details(),
                _ => e.Message,
            };
            var record = new ErrorRecord(e, e.ErrorId, ErrorRecords.CategoryOf(e.Kind), target) { ErrorDetails = new ErrorDetails(Where(line) + detail) };
            if (e is ValidationFailedException failed)
            {
                record.ErrorDetails.RecommendedAction = $"Fix field '{failed.Field}' in the input and run again; rows already registered are reported as Exists.";
            }

            return record;
        }

        /// <summary>"Line N: " before what is said of a row; nothing for a single call with parameters.</summary>
        public static string Where(int? line) => line is int l ? $"Line {l}: " : string.Empty;
    }
}
