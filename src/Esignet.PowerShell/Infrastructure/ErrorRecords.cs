using System;
using System.Management.Automation;
using Esignet.Core.Errors;

namespace Esignet.PowerShell.Infrastructure
{
    /// <summary>Turns Core failures into ErrorRecords with the specific ErrorId and the right category.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord From(EsignetException e, object? target = null)
        {
            return new ErrorRecord(e, e.ErrorId, CategoryOf(e.Kind), target ?? e.TargetObject);
        }

        public static ErrorRecord Create(string errorId, ErrorCategory category, string message, object? target = null, Exception? inner = null)
        {
            return new ErrorRecord(new EsignetException(errorId, EsignetErrorKind.InvalidArgument, message, inner), errorId, category, target);
        }

        public static ErrorCategory CategoryOf(EsignetErrorKind kind)
        {
            switch (kind)
            {
                case EsignetErrorKind.InvalidArgument: return ErrorCategory.InvalidArgument;
                case EsignetErrorKind.InvalidData: return ErrorCategory.InvalidData;
                case EsignetErrorKind.ResourceExists: return ErrorCategory.ResourceExists;
                case EsignetErrorKind.ObjectNotFound: return ErrorCategory.ObjectNotFound;
                case EsignetErrorKind.PermissionDenied: return ErrorCategory.PermissionDenied;
                case EsignetErrorKind.ReadError: return ErrorCategory.ReadError;
                case EsignetErrorKind.WriteError: return ErrorCategory.WriteError;
                case EsignetErrorKind.ConnectionError: return ErrorCategory.ConnectionError;
                case EsignetErrorKind.AuthenticationError: return ErrorCategory.AuthenticationError;
                case EsignetErrorKind.InvalidOperation: return ErrorCategory.InvalidOperation;
                case EsignetErrorKind.ServerError: return ErrorCategory.InvalidResult;
                case EsignetErrorKind.NotImplemented: return ErrorCategory.NotImplemented;
                default: return ErrorCategory.NotSpecified;
            }
        }
    }
}
