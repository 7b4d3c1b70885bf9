using System.Text.Json.Nodes;
using Esignet.Sandbox.Hosting;
using Esignet.Sandbox.Json;
using Esignet.Sandbox.Tokens;

namespace Esignet.Sandbox.Oidc;

/// <summary>
/// OIDC discovery and JWKS (esignet-api.md §6.1): <c>/.well-known/openid-configuration</c>,
/// <c>/v1/esignet/oidc/.well-known/openid-configuration</c> (the URL PMS reads, pms-api.md §5.3) and
/// <c>/v1/esignet/.well-known/openid-configuration</c>; JWKS under <c>/v1/esignet/oauth/.well-known/jwks.json</c>.
/// </summary>
public static class DiscoveryEndpoints
{
    public static void Map(WebApplication app)
    {
        foreach (var path in new[] { "/.well-known/openid-configuration", "/v1/esignet/oidc/.well-known/openid-configuration", "/v1/esignet/.well-known/openid-configuration" })
            app.MapGet(path, WriteDiscoveryAsync);
        foreach (var path in new[] { "/v1/esignet/oauth/.well-known/jwks.json", "/v1/esignet/.well-known/jwks.json", "/.well-known/jwks.json" })
            app.MapGet(path, (HttpContext context) => HttpJson.WriteAsync(context, 200, SigningKeys.EsignetKey.Jwks()));
    }

    private static Task WriteDiscoveryAsync(HttpContext context)
    {
        var config = context.RequestServices.GetRequiredService<SandboxRuntime>().Active;
        return HttpJson.WriteAsync(context, 200, Build(HttpJson.BaseUrl(context.Request), config));
    }

    public static JsonObject Build(string baseUrl, ActiveConfig config)
    {
        var line = config.Esignet;
        var doc = new JsonObject
        {
            ["issuer"] = OidcUrls.Issuer(baseUrl, line),
            ["authorization_endpoint"] = baseUrl + "/authorize",
            ["token_endpoint"] = OidcUrls.DiscoveryTokenEndpoint(baseUrl, line),
            ["userinfo_endpoint"] = baseUrl + OidcUrls.ServletPath + "/oidc/userinfo",
            ["jwks_uri"] = baseUrl + OidcUrls.ServletPath + "/oauth/.well-known/jwks.json",
            ["registration_endpoint"] = baseUrl + OidcUrls.ServletPath + line.RegistrationPath,
            ["scopes_supported"] = Array("openid", "profile", "email", "phone"),
            ["response_types_supported"] = Array("code"),
            ["response_modes_supported"] = Array("query"),
            ["grant_types_supported"] = Array(config.GrantTypes),
            ["acr_values_supported"] = Array(config.DiscoveryAcrs),
            ["claims_supported"] = Array(config.Claims),
            ["claims_parameter_supported"] = true,
            ["claim_types_supported"] = Array("normal"),
            ["claims_locales_supported"] = Array("en"),
            ["ui_locales_supported"] = Array("en"),
            ["display_values_supported"] = Array("page", "popup", "touch", "wap"),
            ["subject_types_supported"] = Array("public", "pairwise"),
            ["token_endpoint_auth_methods_supported"] = Array(config.AuthMethods),
            ["token_endpoint_auth_signing_alg_values_supported"] = Array(line.ClientAssertionAlgorithms),
            ["id_token_signing_alg_values_supported"] = Array("RS256"),
            ["userinfo_signing_alg_values_supported"] = Array("RS256"),
            ["userinfo_encryption_alg_values_supported"] = Array("RSA-OAEP-256"),
            ["userinfo_encryption_enc_values_supported"] = Array("A256GCM"),
        };
        if (line.HasParEndpoint)
        {
            doc["pushed_authorization_request_endpoint"] = baseUrl + OidcUrls.ServletPath + "/oauth/par";
            doc["require_pushed_authorization_requests"] = false;
            doc["dpop_signing_alg_values_supported"] = Array("ES256", "RS256");
        }
        return doc;
    }

    private static JsonArray Array(params IEnumerable<string> values) => new(values.Select(v => (JsonNode)v).ToArray());
}
