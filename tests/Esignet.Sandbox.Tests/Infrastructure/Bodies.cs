using System.Globalization;
using System.Text.Json.Nodes;

namespace Esignet.Sandbox.Tests.Infrastructure;

/// <summary>Request bodies as the contracts describe them, valid unless a test changes a member.</summary>
public static class Bodies
{
    public static readonly string[] OpenG2pClaims = ["birthdate", "address", "gender", "name", "phone_number", "email", "picture"];

    /// <summary>yyyy-MM-dd'T'HH:mm:ss.SSS'Z' (esignet-api.md §1.4).</summary>
    public static string Now(TimeSpan offset = default) =>
        (DateTime.UtcNow + offset).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static JsonObject Wrap(JsonObject request, string? requestTime = null) =>
        new() { ["requestTime"] = requestTime ?? Now(), ["request"] = request };

    /// <summary>A valid eSignet create request (E1); <paramref name="langMap"/> adds clientNameLangMap (E3/E5).</summary>
    public static JsonObject EsignetCreate(string clientId, JsonObject? jwk = null, bool langMap = false)
    {
        var request = new JsonObject
        {
            ["clientId"] = clientId,
            ["clientName"] = "Test client",
            ["publicKey"] = jwk ?? TestKeys.NewRsaJwk(),
            ["relyingPartyId"] = "openg2p-auth-partner",
            ["userClaims"] = Array("name", "email"),
            ["authContextRefs"] = Array("mosip:idp:acr:generated-code"),
            ["logoUri"] = "https://example.org/logo.png",
            ["redirectUris"] = Array("https://example.org/auth_oauth/signin"),
            ["grantTypes"] = Array("authorization_code"),
            ["clientAuthMethods"] = Array("private_key_jwt"),
        };
        if (langMap) request["clientNameLangMap"] = new JsonObject { ["eng"] = "Test client" };
        return request;
    }

    /// <summary>A valid eSignet PUT request (E2); <paramref name="langMap"/> adds clientNameLangMap (E4/E6).</summary>
    public static JsonObject EsignetUpdate(string status = "ACTIVE", bool langMap = false)
    {
        var request = new JsonObject
        {
            ["logoUri"] = "https://example.org/logo2.png",
            ["redirectUris"] = Array("https://example.org/auth_oauth/signin"),
            ["userClaims"] = Array("name"),
            ["authContextRefs"] = Array("mosip:idp:acr:generated-code"),
            ["status"] = status,
            ["grantTypes"] = Array("authorization_code"),
            ["clientName"] = "Renamed",
            ["clientAuthMethods"] = Array("private_key_jwt"),
        };
        if (langMap) request["clientNameLangMap"] = new JsonObject { ["eng"] = "Renamed" };
        return request;
    }

    /// <summary>A valid PMS create request (pms-api.md §4.1) for the seeded OpenG2P partner and policy.</summary>
    public static JsonObject PmsCreate(JsonObject? jwk = null, string partnerId = "openg2p-auth-partner", string policyId = "openg2p-auth-policy", bool langMap = false)
    {
        var request = new JsonObject
        {
            ["name"] = "OpenG2P portal",
            ["policyId"] = policyId,
            ["publicKey"] = jwk ?? TestKeys.NewRsaJwk(),
            ["authPartnerId"] = partnerId,
            ["logoUri"] = "https://example.org/logo.png",
            ["redirectUris"] = Array("https://portal.example.org/auth_oauth/signin"),
            ["grantTypes"] = Array("authorization_code"),
            ["clientAuthMethods"] = Array("private_key_jwt"),
        };
        if (langMap) request["clientNameLangMap"] = new JsonObject { ["eng"] = "OpenG2P portal" };
        return new JsonObject { ["id"] = "string", ["version"] = "string", ["requesttime"] = Now(), ["metadata"] = new JsonObject(), ["request"] = request };
    }

    public static JsonObject PmsUpdate(string status = "ACTIVE", bool langMap = false)
    {
        var request = new JsonObject
        {
            ["logoUri"] = "https://example.org/logo2.png",
            ["redirectUris"] = Array("https://portal.example.org/auth_oauth/signin"),
            ["status"] = status,
            ["grantTypes"] = Array("authorization_code"),
            ["clientName"] = "Renamed portal",
            ["clientAuthMethods"] = Array("private_key_jwt"),
        };
        if (langMap) request["clientNameLangMap"] = new JsonObject { ["eng"] = "Renamed portal" };
        return new JsonObject { ["requesttime"] = Now(), ["request"] = request };
    }

    public static JsonArray Array(params string?[] values) => new(values.Select(v => (JsonNode?)v).ToArray());
}
