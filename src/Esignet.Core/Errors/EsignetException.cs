using System;

namespace Esignet.Core.Errors
{
    /// <summary>
    /// A failure with a stable, specific error id (what scripts match on) and a message that says what to do.
    /// Messages never contain secrets: callers pass only public facts (paths, ids, sizes, codes).
    /// </summary>
    public class EsignetException : Exception
    {
        public EsignetException(string errorId, EsignetErrorKind kind, string message, Exception? inner = null)
            : base(message, inner)
        {
            ErrorId = errorId;
            Kind = kind;
        }

        /// <summary>The specific error id, e.g. <c>KeySizeTooSmall</c> or a server code such as <c>invalid_redirect_uri</c>.</summary>
        public string ErrorId { get; }

        public EsignetErrorKind Kind { get; }

        /// <summary>The offending input (a path, a field value) when there is one; never a secret.</summary>
        public object? TargetObject { get; set; }
    }
}
