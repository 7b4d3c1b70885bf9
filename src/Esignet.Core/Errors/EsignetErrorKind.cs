namespace Esignet.Core.Errors
{
    /// <summary>
    /// What kind of failure an <see cref="EsignetException"/> reports. The PowerShell layer maps it to an
    /// ErrorCategory; the Core stays free of PowerShell types.
    /// </summary>
    public enum EsignetErrorKind
    {
        InvalidArgument,
        InvalidData,
        ResourceExists,
        ObjectNotFound,
        PermissionDenied,
        ReadError,
        WriteError,
        ConnectionError,
        AuthenticationError,
        InvalidOperation,
        ServerError,
        NotImplemented,
    }
}
