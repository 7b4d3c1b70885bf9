using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Esignet.Sandbox.Hosting;

namespace Esignet.Sandbox.Tests.Infrastructure;

/// <summary>
/// One in-process sandbox on a free port plus an HttpClient that does not manage cookies (tests set them by hand,
/// as the module does). Every test starts its own, so tests never see each other's clients.
/// </summary>
public sealed class TestSandbox : IAsyncDisposable
{
    private TestSandbox(SandboxHost host)
    {
        Host = host;
        Http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = host.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
    }

    public SandboxHost Host { get; }

    public HttpClient Http { get; }

    public static async Task<TestSandbox> StartAsync(SandboxSettings? settings = null, SandboxStartOptions? options = null) =>
        new(await SandboxHost.StartAsync(settings ?? new SandboxSettings(), options: options));

    public static Task<TestSandbox> StartAsync(string esignetVersion, string pmsVersion = "1.2.2") =>
        StartAsync(new SandboxSettings { EsignetVersion = esignetVersion, PmsVersion = pmsVersion });

    /// <summary>A Keycloak client-credentials token (form body).</summary>
    public async Task<string> KeycloakTokenAsync(string clientId = "esignet-admin", string realm = "mosip")
    {
        using var response = await Http.PostAsync($"/auth/realms/{realm}/protocol/openid-connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = "sandbox-secret",
        }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    /// <summary>A token from authmanager clientidsecretkey, read from the Authorization response header.</summary>
    public async Task<string> AuthManagerTokenAsync(string clientId = "mosip-pms-client")
    {
        using var response = await Http.PostAsync("/v1/authmanager/authenticate/clientidsecretkey", Json(new JsonObject
        {
            ["id"] = "string", ["version"] = "string", ["requesttime"] = Bodies.Now(), ["metadata"] = new JsonObject(),
            ["request"] = new JsonObject { ["clientId"] = clientId, ["secretKey"] = "sandbox-secret", ["appId"] = "partner" },
        }));
        return response.Headers.GetValues("Authorization").Single();
    }

    /// <summary>A token with any scope and lifetime from <c>POST /_sandbox/token</c>.</summary>
    public async Task<string> MintTokenAsync(string scope, int lifetimeSeconds = 300, string clientId = "test-client", string? roles = null, string? userName = null)
    {
        var body = new JsonObject { ["clientId"] = clientId, ["scope"] = scope, ["lifetimeSeconds"] = lifetimeSeconds };
        if (roles is not null) body["roles"] = roles;
        if (userName is not null) body["userName"] = userName;
        using var response = await Http.PostAsync("/_sandbox/token", Json(body));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    /// <summary>Sends an eSignet client-mgmt request with a Bearer token (null: no Authorization header).</summary>
    public async Task<HttpResponseMessage> SendEsignetAsync(HttpMethod method, string path, JsonNode body, string? token)
    {
        var request = new HttpRequestMessage(method, "/v1/esignet/client-mgmt/" + path) { Content = Json(body) };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Http.SendAsync(request);
    }

    /// <summary>Sends and parses an eSignet call that must answer HTTP 200.</summary>
    public async Task<JsonElement> EsignetAsync(HttpMethod method, string path, JsonNode body, string token)
    {
        using var response = await SendEsignetAsync(method, path, body, token);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Sends a PMS request with the token in the Authorization cookie (null: no cookie).</summary>
    public async Task<HttpResponseMessage> SendPmsAsync(HttpMethod method, string path, JsonNode? body, string? cookieToken)
    {
        var request = new HttpRequestMessage(method, "/v1/partnermanager/" + path);
        if (body is not null) request.Content = Json(body);
        if (cookieToken is not null) request.Headers.Add("Cookie", "Authorization=" + cookieToken);
        return await Http.SendAsync(request);
    }

    public async Task<JsonElement> PmsAsync(HttpMethod method, string path, JsonNode? body, string cookieToken)
    {
        using var response = await SendPmsAsync(method, path, body, cookieToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>How many requests on a route ended with an outcome, from <c>GET /_sandbox/requests</c>.</summary>
    public async Task<long> CountAsync(string route, string? outcome = null)
    {
        var routes = (await GetJsonAsync("/_sandbox/requests")).GetProperty("routes");
        if (!routes.TryGetProperty(route, out var entry)) return 0;
        if (outcome is null) return entry.GetProperty("count").GetInt64();
        return entry.GetProperty("outcomes").TryGetProperty(outcome, out var n) ? n.GetInt64() : 0;
    }

    public static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
