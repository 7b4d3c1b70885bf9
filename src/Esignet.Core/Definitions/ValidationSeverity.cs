namespace Esignet.Core.Definitions
{
    /// <summary>How bad a <see cref="ValidationIssue"/> is.</summary>
    public enum ValidationSeverity
    {
        /// <summary>The server would reject the row (or the registration could never work): nothing is sent for it.</summary>
        Error,

        /// <summary>The server accepts the row, but something is probably not what the user meant.</summary>
        Warning,
    }
}
