namespace Esignet.Sandbox.Faults;

/// <summary>What happens to one API request (issue 3, "Faults and inspection").</summary>
public enum FaultKind
{
    None,
    /// <summary>HTTP 500, nothing processed.</summary>
    InternalServerError,
    /// <summary>HTTP 503, nothing processed.</summary>
    ServiceUnavailable,
    /// <summary>HTTP 429 with Retry-After, nothing processed.</summary>
    Throttle,
    /// <summary>The connection is aborted before anything is processed.</summary>
    Drop,
    /// <summary>The request is processed (and stored), then the connection is aborted: the response is lost.</summary>
    CommitThenDrop,
}
