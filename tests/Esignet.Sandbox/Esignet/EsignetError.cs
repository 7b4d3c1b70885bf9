namespace Esignet.Sandbox.Esignet;

/// <summary>
/// One entry of eSignet's <c>errors[]</c> (esignet-api.md §1.5/§1.6): validation errors carry
/// <c>"&lt;path&gt;: &lt;code&gt;"</c>, service errors the code itself, unknown_error the exception text.
/// </summary>
public sealed record EsignetError(string ErrorCode, string ErrorMessage)
{
    public static EsignetError Field(string path, string code) => new(code, $"{path}: {code}");

    public static EsignetError Service(string code) => new(code, code);
}

/// <summary>The result of one client-management call: a client id and status, or errors.</summary>
public sealed record EsignetOutcome(string? ClientId, string? Status, IReadOnlyList<EsignetError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static EsignetOutcome Success(string clientId, string status) => new(clientId, status, []);

    public static EsignetOutcome Failure(params EsignetError[] errors) => new(null, null, errors);

    public static EsignetOutcome Failure(IReadOnlyList<EsignetError> errors) => new(null, null, errors);
}
