using System.Text.Json;
using Esignet.Sandbox.Esignet;
using Esignet.Sandbox.Hosting;
using Esignet.Sandbox.Json;
using Esignet.Sandbox.State;

namespace Esignet.Sandbox.Oidc;

/// <summary>
/// <c>POST /v1/esignet/authorization/oauth-details</c> (and <c>/v2/oauth-details</c>): the UI endpoint that validates
/// an authorize request (esignet-api.md §1.3). It needs the CSRF cookie/header pair (GET /v1/esignet/csrf/token),
/// answers for an ACTIVE client and a matching redirect URI, and otherwise returns invalid_client_id,
/// invalid_redirect_uri, invalid_response_type or invalid_scope in the eSignet wrapper. Members of the request
/// other than those checked here are accepted and ignored.
/// </summary>
public static class OAuthDetailsEndpoint
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/v1/esignet/authorization/oauth-details", HandleAsync);
        app.MapPost("/v1/esignet/authorization/v2/oauth-details", HandleAsync);
        app.MapGet("/v1/esignet/csrf/token", (HttpContext c) =>
            CsrfGate.IssueAsync(c, httpOnly: c.RequestServices.GetRequiredService<SandboxRuntime>().Active.Esignet.CsrfCookieHttpOnly));
    }

    private static async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var runtime = services.GetRequiredService<SandboxRuntime>();
        var line = runtime.Active.Esignet;
        if (!CsrfGate.IsSatisfied(context))
        {
            CsrfGate.Refuse(context);
            return;
        }
        var (document, parseError) = await HttpJson.ReadAsync(context);
        if (document is null)
        {
            await EsignetResponses.WriteAsync(context, null, [new EsignetError("unknown_error", "JSON parse error: " + parseError)], runtime.Clock);
            return;
        }
        using (document)
        {
            var root = document.RootElement;
            var request = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("request", out var r) && r.ValueKind == JsonValueKind.Object ? r : default;
            var errors = new List<EsignetError>();
            var requestTime = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("requestTime", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (!RequestTimeRule.IsValid(requestTime, runtime.Clock.GetUtcNow())) errors.Add(EsignetError.Field("requestTime", "invalid_request"));
            if (request.ValueKind != JsonValueKind.Object)
            {
                errors.Add(EsignetError.Field("request", "invalid_request"));
                await EsignetResponses.WriteAsync(context, null, errors, runtime.Clock);
                return;
            }
            if (string.IsNullOrWhiteSpace(Text(request, "scope"))) errors.Add(EsignetError.Field("request.scope", "invalid_scope"));
            if (string.IsNullOrWhiteSpace(Text(request, "responseType"))) errors.Add(EsignetError.Field("request.responseType", "invalid_response_type"));
            if (errors.Count > 0)
            {
                await EsignetResponses.WriteAsync(context, null, errors, runtime.Clock);
                return;
            }
            var store = services.GetRequiredService<EsignetClientStore>();
            var failure = AuthorizeRequestCheck.Check(store, Text(request, "clientId"), Text(request, "redirectUri"), line, out var client);
            if (failure is null && Text(request, "responseType") != "code") failure = "invalid_response_type";
            if (failure is not null)
            {
                await EsignetResponses.WriteAsync(context, null, [EsignetError.Service(failure)], runtime.Clock);
                return;
            }
            await EsignetResponses.WriteAsync(context, w => WriteDetails(w, client), [], runtime.Clock);
        }
    }

    private static void WriteDetails(Utf8JsonWriter w, EsignetClientRecord client)
    {
        w.WriteStartObject();
        w.WriteString("transactionId", Base64Url.Encode(Guid.NewGuid().ToByteArray()));
        w.WriteString("clientName", ClientNames.Display(client.Name));
        w.WriteString("logoUrl", client.LogoUri);
        w.WriteStartArray("authFactors");
        foreach (var acr in client.AuthContextRefs)
        {
            w.WriteStartArray();
            w.WriteStartObject();
            w.WriteString("type", AuthFactorOf(acr));
            w.WriteNumber("count", 0);
            w.WriteNull("subTypes");
            w.WriteEndObject();
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteStartArray("authorizeScopes");
        w.WriteEndArray();
        w.WriteStartArray("essentialClaims");
        w.WriteEndArray();
        w.WriteStartArray("voluntaryClaims");
        foreach (var claim in client.UserClaims) w.WriteStringValue(claim);
        w.WriteEndArray();
        w.WriteStartObject("configs");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>The AMR factor type behind a shipped ACR (amr_acr_mapping.json).</summary>
    private static string AuthFactorOf(string acr) => acr.Split(' ')[0] switch
    {
        "mosip:idp:acr:generated-code" => "OTP",
        "mosip:idp:acr:static-code" => "PIN",
        "mosip:idp:acr:biometrics" => "BIO",
        "mosip:idp:acr:linked-wallet" => "WLA",
        "mosip:idp:acr:password" => "PWD",
        "mosip:idp:acr:knowledge" => "KBI",
        "mosip:idp:acr:id-token" => "IDT",
        _ => "OTP",
    };

    private static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
