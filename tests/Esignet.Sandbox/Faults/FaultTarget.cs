namespace Esignet.Sandbox.Faults;

/// <summary>Which fault switch an endpoint is subject to (endpoint metadata read by <see cref="FaultMiddleware"/>).</summary>
public enum FaultTarget
{
    /// <summary>eSignet client-mgmt and PMS client routes: always subject to the fault rates.</summary>
    ClientApi,
    /// <summary>Keycloak, authmanager and eSignet token endpoints: only with <c>--fault-token-endpoints</c>.</summary>
    TokenEndpoint,
}

/// <summary>Endpoint metadata marking a route as a real API route for faults and latency.</summary>
public sealed record FaultScope(FaultTarget Target);
