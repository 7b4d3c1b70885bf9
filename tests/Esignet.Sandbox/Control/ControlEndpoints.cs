using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Esignet.Sandbox.Faults;
using Esignet.Sandbox.Hosting;
using Esignet.Sandbox.Json;
using Esignet.Sandbox.Oidc;
using Esignet.Sandbox.Pms;
using Esignet.Sandbox.State;
using Esignet.Sandbox.Tokens;

namespace Esignet.Sandbox.Control;

/// <summary>
/// The sandbox's own API under <c>/_sandbox/</c>, kept apart from every real path: inspection (clients, requests,
/// health), configuration (config, reset) and test helpers (token, authorization-code). Never faulted or counted.
/// </summary>
public static class ControlEndpoints
{
    public const string Prefix = "/_sandbox";

    private static readonly JsonSerializerOptions SettingsJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static bool IsControlPath(PathString path) => path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);

    public static void Map(WebApplication app)
    {
        var group = app.MapGroup(Prefix);
        group.MapGet("/health", Health);
        group.MapGet("/clients", (EsignetClientStore store) => Json(new JsonArray(store.Snapshot().Select(EsignetClientJson).ToArray())));
        group.MapGet("/pms/clients", (PmsClientStore store) => Json(new JsonArray(store.Snapshot().Select(PmsClientJson).ToArray())));
        group.MapGet("/pms/seed", (PmsDirectory directory) => Results.Text(directory.ToJson(), "application/json"));
        group.MapGet("/requests", Requests);
        group.MapPost("/reset", (SandboxReset reset) =>
        {
            reset.Run();
            return Json(new JsonObject { ["status"] = "reset" });
        });
        group.MapGet("/config", (SandboxRuntime runtime) => Results.Text(JsonSerializer.Serialize(runtime.Settings, SettingsJson), "application/json"));
        group.MapPut("/config", PutConfigAsync);
        group.MapPost("/token", MintTokenAsync);
        group.MapPost("/authorization-code", IssueCodeAsync);
        group.MapPost("/revoke-tokens", (AccessTokens tokens) =>
        {
            tokens.RevokeIssuedBeforeNow();
            return Json(new JsonObject { ["status"] = "revoked" });
        });
    }

    private static IResult Health(SandboxRuntime runtime, FaultPlan faults) => Json(new JsonObject
    {
        ["status"] = "ok",
        ["esignetVersion"] = runtime.Active.Esignet.Name,
        ["pmsVersion"] = runtime.Active.Pms.Name,
        ["faultSeed"] = faults.Seed,
    });

    private static IResult Requests(RequestCounters counters)
    {
        var routes = new JsonObject();
        long total = 0;
        foreach (var (route, (count, outcomes)) in counters.Snapshot())
        {
            total += count;
            var outcomeJson = new JsonObject();
            foreach (var (outcome, n) in outcomes) outcomeJson[outcome] = n;
            routes[route] = new JsonObject { ["count"] = count, ["outcomes"] = outcomeJson };
        }
        return Json(new JsonObject { ["total"] = total, ["routes"] = routes });
    }

    /// <summary>Members present in the body replace the current ones; the result is validated as a whole.</summary>
    private static async Task<IResult> PutConfigAsync(HttpContext context, SandboxRuntime runtime)
    {
        JsonNode? patch;
        try
        {
            patch = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException e)
        {
            return Json(new JsonObject { ["error"] = "Malformed JSON: " + e.Message }, 400);
        }
        if (patch is not JsonObject changes) return Json(new JsonObject { ["error"] = "Expected a JSON object of settings." }, 400);
        var merged = JsonSerializer.SerializeToNode(runtime.Settings, SettingsJson)!.AsObject();
        foreach (var (name, value) in changes)
        {
            var key = merged.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
            if (key is null) return Json(new JsonObject { ["error"] = $"Unknown setting '{name}'." }, 400);
            merged[key] = value?.DeepClone();
        }
        try
        {
            var settings = merged.Deserialize<SandboxSettings>(SettingsJson)!;
            runtime.Apply(settings);
            return Results.Text(JsonSerializer.Serialize(runtime.Settings, SettingsJson), "application/json");
        }
        catch (Exception e) when (e is ArgumentException or JsonException)
        {
            return Json(new JsonObject { ["error"] = e.Message }, 400);
        }
    }

    /// <summary>
    /// Mints a token for any client id, scope and lifetime (0 or negative gives an already expired token), from JSON
    /// <c>{clientId, scope, lifetimeSeconds, realm, roles, userName}</c> or the same names in a form.
    /// </summary>
    private static async Task<IResult> MintTokenAsync(HttpContext context, AccessTokens tokens, SandboxRuntime runtime)
    {
        var fields = await ReadFieldsAsync(context);
        if (fields is null) return Json(new JsonObject { ["error"] = "Send JSON or a form." }, 400);
        string? F(params string[] names) => names.Select(n => fields.GetValueOrDefault(n)).FirstOrDefault(v => !string.IsNullOrEmpty(v));

        var realm = F("realm") ?? "mosip";
        var clientId = F("clientId", "client_id") ?? "sandbox-test-client";
        var scope = F("scope") ?? "";
        var lifetimeText = F("lifetimeSeconds", "lifetime_seconds");
        var lifetime = runtime.Settings.TokenLifetimeSeconds;
        if (lifetimeText is not null && !int.TryParse(lifetimeText, NumberStyles.Integer, CultureInfo.InvariantCulture, out lifetime))
            return Json(new JsonObject { ["error"] = "lifetimeSeconds must be an integer." }, 400);
        var roles = (F("roles") ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries);
        var userName = F("userName", "user_name") ?? "service-account-" + clientId;
        var scopes = scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var token = tokens.Issue(AccessTokens.Issuer(HttpJson.BaseUrl(context.Request), realm), clientId, scopes, roles, userName, TimeSpan.FromSeconds(lifetime));
        return Json(new JsonObject
        {
            ["access_token"] = token,
            ["token_type"] = "Bearer",
            ["expires_in"] = lifetime,
            ["scope"] = string.Join(' ', scopes),
        });
    }

    /// <summary>Skips the user login of the authorize flow: an ACTIVE client and a registered redirect URI get a code.</summary>
    private static async Task<IResult> IssueCodeAsync(HttpContext context, EsignetClientStore store, AuthorizationCodes codes, SandboxRuntime runtime)
    {
        var fields = await ReadFieldsAsync(context);
        if (fields is null) return Json(new JsonObject { ["error"] = "Send JSON or a form." }, 400);
        var clientId = fields.GetValueOrDefault("clientId") ?? fields.GetValueOrDefault("client_id");
        var redirectUri = fields.GetValueOrDefault("redirectUri") ?? fields.GetValueOrDefault("redirect_uri");
        var failure = AuthorizeRequestCheck.Check(store, clientId, redirectUri, runtime.Active.Esignet, out _);
        if (failure is not null) return Json(new JsonObject { ["error"] = failure }, 400);
        var code = codes.Issue(clientId!, redirectUri!, fields.GetValueOrDefault("nonce"));
        return Json(new JsonObject { ["code"] = code.Code, ["expiresAt"] = UtcTimestamp.ToText(code.ExpiresAt) });
    }

    private static async Task<Dictionary<string, string?>?> ReadFieldsAsync(HttpContext context)
    {
        var result = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (context.Request.HasFormContentType)
        {
            foreach (var (key, value) in await context.Request.ReadFormAsync(context.RequestAborted)) result[key] = value.ToString();
            return result;
        }
        var (document, _) = await HttpJson.ReadAsync(context);
        if (document is null) return context.Request.ContentLength is 0 or null ? result : null;
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object) return null;
            foreach (var p in document.RootElement.EnumerateObject())
            {
                result[p.Name] = p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString(),
                    JsonValueKind.Array => string.Join(',', p.Value.EnumerateArray().Select(e => e.ToString())),
                    JsonValueKind.Null => null,
                    _ => p.Value.GetRawText(),
                };
            }
        }
        return result;
    }

    private static JsonObject EsignetClientJson(EsignetClientRecord r) => new()
    {
        ["clientId"] = r.ClientId,
        ["name"] = r.Name,
        ["status"] = r.Status,
        ["relyingPartyId"] = r.RelyingPartyId,
        ["publicKey"] = JsonNode.Parse(r.PublicKey),
        ["publicKeyThumbprint"] = PublicKeyThumbprint.Of(r.PublicKey),
        ["publicKeyHash"] = r.PublicKeyHash,
        ["logoUri"] = r.LogoUri,
        ["redirectUris"] = Array(r.RedirectUris),
        ["userClaims"] = Array(r.UserClaims),
        ["authContextRefs"] = Array(r.AuthContextRefs),
        ["grantTypes"] = Array(r.GrantTypes),
        ["clientAuthMethods"] = Array(r.ClientAuthMethods),
        ["additionalConfig"] = r.AdditionalConfig is null ? null : JsonNode.Parse(r.AdditionalConfig),
        ["encPublicKey"] = r.EncPublicKey is null ? null : JsonNode.Parse(r.EncPublicKey),
        ["createdAt"] = UtcTimestamp.ToText(r.CreatedAt),
        ["updatedAt"] = r.UpdatedAt is { } u ? UtcTimestamp.ToText(u) : null,
        ["createdThrough"] = r.CreatedThrough,
    };

    private static JsonObject PmsClientJson(PmsClientRecord r) => new()
    {
        ["id"] = r.Id,
        ["name"] = r.Name,
        ["policyId"] = r.PolicyId,
        ["relyingPartyId"] = r.RelyingPartyId,
        ["logoUri"] = r.LogoUri,
        ["redirectUris"] = r.RedirectUris,
        ["publicKey"] = r.PublicKey,
        ["publicKeyThumbprint"] = PublicKeyThumbprint.Of(r.PublicKey),
        ["claims"] = Array(r.Claims),
        ["acrValues"] = Array(r.AcrValues),
        ["status"] = r.Status,
        ["grantTypes"] = Array(r.GrantTypes),
        ["clientAuthMethods"] = Array(r.ClientAuthMethods),
        ["createdAt"] = UtcTimestamp.ToText(r.CreatedAt),
        ["updatedAt"] = r.UpdatedAt is { } u ? UtcTimestamp.ToText(u) : null,
    };

    private static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode)v).ToArray());

    private static IResult Json(JsonNode body, int status = 200) =>
        Results.Text(body.ToJsonString(JsonOptions.Indented), "application/json", statusCode: status);
}
