using Esignet.Sandbox.Versions;

namespace Esignet.Sandbox.Oidc;

/// <summary>
/// The URLs eSignet advertises and checks, derived from the address the caller used (esignet-api.md §6.1):
/// issuer <c>{base}/v1/esignet</c> up to v1.7 and <c>{base}</c> from v1.8; token endpoint /oauth/token before
/// v1.4, /oauth/v2/token after.
/// </summary>
public static class OidcUrls
{
    public const string ServletPath = "/v1/esignet";

    public static string Issuer(string baseUrl, EsignetLine line) => line.IssuerIncludesServletPath ? baseUrl + ServletPath : baseUrl;

    public static string DiscoveryTokenEndpoint(string baseUrl, EsignetLine line) =>
        baseUrl + ServletPath + (line.DiscoveryAdvertisesV2TokenEndpoint ? "/oauth/v2/token" : "/oauth/token");

    /// <summary>§6.2: the audience /oauth/token expects from v1.3.0, <c>&lt;issuer-id&gt;/oauth/token</c>.</summary>
    public static string IssuerTokenAudience(string baseUrl, EsignetLine line) => Issuer(baseUrl, line) + "/oauth/token";

    /// <summary>§6.2: the audiences a client assertion may name for the given token endpoint and line.</summary>
    public static IReadOnlyList<string> AcceptedAudiences(string baseUrl, EsignetLine line, bool v2Endpoint)
    {
        var primary = !line.V1TokenAudienceDerivedFromIssuer || v2Endpoint
            ? DiscoveryTokenEndpoint(baseUrl, line)
            : IssuerTokenAudience(baseUrl, line);
        return line.AudienceMayBeIssuer ? [primary, Issuer(baseUrl, line)] : [primary];
    }
}
