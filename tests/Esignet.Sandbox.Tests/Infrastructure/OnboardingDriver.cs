using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Security.Cryptography.X509Certificates;

namespace Esignet.Sandbox.Tests.Infrastructure;

/// <summary>
/// Raw HTTP calls of the onboarding sequence as MOSIP's onboarder sends them (pms-partner-onboarding.md §7), with the
/// token in the Authorization cookie; each returns the parsed body so a test can assert the answer.
/// </summary>
public sealed class OnboardingDriver(TestSandbox sandbox, string token)
{
    public const string Org = "OpenG2P Test";

    public string Token { get; } = token;

    public static async Task<OnboardingDriver> StartAsync(TestSandbox sandbox) => new(sandbox, await sandbox.AuthManagerTokenAsync());

    public static JsonObject Envelope(JsonNode request) => new()
    {
        ["id"] = "mosip.test", ["version"] = "1.0", ["requesttime"] = Bodies.Now(), ["metadata"] = new JsonObject(), ["request"] = request,
    };

    public static JsonObject AuthPolicies(bool mandatory = false) => new()
    {
        ["authTokenType"] = "policy",
        ["allowedKycAttributes"] = new JsonArray(new[] { "fullName", "email", "phone", "dateOfBirth" }.Select(a => (JsonNode)new JsonObject { ["attributeName"] = a }).ToArray()),
        ["allowedAuthTypes"] = new JsonArray(
            new JsonObject { ["authType"] = "otp", ["authSubType"] = "", ["mandatory"] = mandatory },
            new JsonObject { ["authType"] = "bio", ["authSubType"] = "FACE", ["mandatory"] = false }),
    };

    public async Task<JsonElement> SendAsync(HttpMethod method, string path, JsonNode? request, string? token = null)
    {
        var message = new HttpRequestMessage(method, path);
        if (request is not null) message.Content = TestSandbox.Json(Envelope(request));
        message.Headers.Add("Cookie", "Authorization=" + (token ?? Token));
        using var response = await sandbox.Http.SendAsync(message);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public Task<JsonElement> CreateGroupAsync(string name, string desc = "Policies for the test") =>
        SendAsync(HttpMethod.Post, "/v1/policymanager/policies/group/new", new JsonObject { ["name"] = name, ["desc"] = desc });

    public Task<JsonElement> CreatePolicyAsync(string group, string name, string type = "Auth", string desc = "Auth policy", JsonObject? policies = null) =>
        SendAsync(HttpMethod.Post, "/v1/policymanager/policies", new JsonObject
        {
            ["policyGroupName"] = group, ["name"] = name, ["desc"] = desc, ["policyType"] = type, ["version"] = "1.1", ["policies"] = policies ?? AuthPolicies(),
        });

    public Task<JsonElement> PublishAsync(string policyId, string groupId) =>
        SendAsync(HttpMethod.Post, $"/v1/policymanager/policies/{policyId}/group/{groupId}/publish", null);

    public Task<JsonElement> RegisterAsync(string partnerId, string group, string email = "partner@example.org", string org = Org) =>
        SendAsync(HttpMethod.Post, "/v1/partnermanager/partners", new JsonObject
        {
            ["partnerId"] = partnerId, ["organizationName"] = org, ["address"] = "1 Main St", ["contactNumber"] = "9999999999",
            ["emailId"] = email, ["partnerType"] = "Auth_Partner", ["policyGroup"] = group,
        });

    public Task<JsonElement> UploadCaAsync(X509Certificate2 ca, string domain = "AUTH") =>
        SendAsync(HttpMethod.Post, "/v1/partnermanager/partners/certificate/ca/upload", new JsonObject { ["certificateData"] = TestCertificates.Pem(ca), ["partnerDomain"] = domain });

    public Task<JsonElement> UploadCertificateAsync(string partnerId, X509Certificate2 cert, string? token = null) =>
        SendAsync(HttpMethod.Post, "/v1/partnermanager/partners/certificate/upload", new JsonObject
        {
            ["partnerId"] = partnerId, ["certificateData"] = TestCertificates.Pem(cert), ["partnerDomain"] = "AUTH",
        }, token);

    public Task<JsonElement> SetStatusAsync(string partnerId, string status) =>
        SendAsync(HttpMethod.Patch, "/v1/partnermanager/partners/" + partnerId, new JsonObject { ["status"] = status });

    public Task<JsonElement> MapAsync(string partnerId, string policyName, string? token = null) =>
        SendAsync(HttpMethod.Post, $"/v1/partnermanager/partners/{partnerId}/policy/map", new JsonObject { ["policyName"] = policyName, ["useCaseDescription"] = "OIDC clients" }, token);

    public Task<JsonElement> DecideAsync(string mappingKey, string status = "Approved") =>
        SendAsync(HttpMethod.Put, "/v1/partnermanager/partners/policy/" + mappingKey, new JsonObject { ["status"] = status });

    /// <summary>Group, published Auth policy, registered partner with CA and certificate: everything but the mapping.</summary>
    public async Task<(string GroupId, string PolicyId, X509Certificate2 Ca)> PrepareAsync(string group, string policy, string partnerId, string email = "partner@example.org")
    {
        var groupId = Ok(await CreateGroupAsync(group)).GetProperty("id").GetString()!;
        var policyId = Ok(await CreatePolicyAsync(group, policy)).GetProperty("id").GetString()!;
        Ok(await PublishAsync(policyId, groupId));
        Ok(await RegisterAsync(partnerId, group, email));
        var ca = TestCertificates.Ca();
        Ok(await UploadCaAsync(ca));
        Ok(await UploadCertificateAsync(partnerId, TestCertificates.Partner(ca, partnerId, Org)));
        return (groupId, policyId, ca);
    }

    /// <summary>The response of a success (errors empty).</summary>
    public static JsonElement Ok(JsonElement body)
    {
        Assert.True(body.GetProperty("errors").GetArrayLength() == 0, "expected success, got " + body.GetProperty("errors"));
        return body.GetProperty("response");
    }

    /// <summary>The single error's (code, message).</summary>
    public static (string? Code, string? Message) Error(JsonElement body)
    {
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        return (error.GetProperty("errorCode").GetString(), error.GetProperty("message").GetString());
    }

    public static string? Code(JsonElement body) => Error(body).Code;
}
