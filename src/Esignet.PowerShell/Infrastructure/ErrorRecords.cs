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

        public static ErrorCategory CategoryOf(EsignetErrorKind kind) => kind switch
        {
            EsignetErrorKind.InvalidArgument => ErrorCategory.InvalidArgument,
            EsignetErrorKind.InvalidData => ErrorCategory.InvalidData,
            EsignetErrorKind.ResourceExists => ErrorCategory.ResourceExists,
            EsignetErrorKind.ObjectNotFound => ErrorCategory.ObjectNotFound,
            EsignetErrorKind.PermissionDenied => ErrorCategory.PermissionDenied,
            EsignetErrorKind.ReadError => ErrorCategory.ReadError,
            EsignetErrorKind.WriteError => ErrorCategory.WriteError,
            EsignetErrorKind.ConnectionError => ErrorCategory.ConnectionError,
            EsignetErrorKind.AuthenticationError => ErrorCategory.AuthenticationError,
            EsignetErrorKind.InvalidOperation => ErrorCategory.InvalidOperation,
            EsignetErrorKind.ServerError => ErrorCategory.InvalidResult,
            EsignetErrorKind.NotImplemented => ErrorCategory.NotImplemented,
            _ => ErrorCategory.NotSpecified,
        };
    }
}
