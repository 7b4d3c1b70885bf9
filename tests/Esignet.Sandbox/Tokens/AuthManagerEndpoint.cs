using System.Text.Json;
using Esignet.Sandbox.Control;
using Esignet.Sandbox.Faults;
using Esignet.Sandbox.Hosting;
using Esignet.Sandbox.Json;
using Esignet.Sandbox.Pms;

namespace Esignet.Sandbox.Tokens;

/// <summary>
/// MOSIP authmanager <c>POST /v1/authmanager/authenticate/clientidsecretkey</c> (pms-api.md §9.2 item 1): the
/// kernel request wrapper with <c>request: {clientId, secretKey, appId}</c>; the appId picks the realm. The token is
/// not in the body: it comes in the <c>Authorization</c> response header (raw, no "Bearer") and as an
/// <c>Authorization</c> cookie.
/// Bad credentials: the contract leaves the exact answer open (§15 item 5); the sandbox answers HTTP 200 with
/// <c>KER-ATH-401 "Authentication Failed"</c> in <c>errors</c> and no token, so a caller sees no Authorization header.
/// </summary>
public static class AuthManagerEndpoint
{
    public const string SuccessMessage = "Clientid and Token combination had been validated successfully";

    public static void Map(WebApplication app) =>
        app.MapPost("/v1/authmanager/authenticate/clientidsecretkey", HandleAsync).WithMetadata(new FaultScope(FaultTarget.TokenEndpoint));

    private static async Task HandleAsync(HttpContext context)
    {
        var runtime = context.RequestServices.GetRequiredService<SandboxRuntime>();
        var (document, _) = await HttpJson.ReadAsync(context);
        if (document is null)
        {
            // Spring's default for an unreadable body.
            RequestOutcome.Set(context, "http:400");
            context.Response.StatusCode = 400;
            return;
        }
        using (document)
        {
            var request = Member(document.RootElement, "request");
            var clientId = Text(request, "clientId");
            var secret = Text(request, "secretKey");
            var realm = ServiceAccounts.RealmForAppId(Text(request, "appId"));
            var account = realm is null || clientId is null ? null : ServiceAccounts.Find(realm, clientId);
            if (account is null || secret != account.Secret)
            {
                await PmsResponses.WriteKernelErrorAsync(context, 200, "KER-ATH-401", "Authentication Failed", runtime.Clock);
                return;
            }
            var lifetime = runtime.Settings.TokenLifetimeSeconds;
            var issuer = AccessTokens.Issuer(HttpJson.BaseUrl(context.Request), account.Realm);
            var token = context.RequestServices.GetRequiredService<AccessTokens>()
                .Issue(issuer, account.ClientId, account.Scopes, account.Roles, account.UserName, TimeSpan.FromSeconds(lifetime));
            context.Response.Headers.Authorization = token;
            context.Response.Headers.SetCookie = $"Authorization={token}; Max-Age={lifetime}; Path=/; HttpOnly";
            RequestOutcome.Success(context);
            await HttpJson.WriteAsync(context, 200, w =>
            {
                w.WriteStartObject();
                w.WriteString("id", Text(document.RootElement, "id"));
                w.WriteString("version", Text(document.RootElement, "version"));
                w.WriteString("responsetime", UtcTimestamp.Now(runtime.Clock));
                w.WriteNull("metadata");
                w.WriteStartObject("response");
                w.WriteString("status", "Success");
                w.WriteString("message", SuccessMessage);
                w.WriteEndObject();
                w.WriteNull("errors");
                w.WriteEndObject();
            });
        }
    }

    private static JsonElement Member(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) ? v : default;

    private static string? Text(JsonElement obj, string name) =>
        Member(obj, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;
}
