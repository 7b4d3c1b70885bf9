using System.Text.Json;
using Esignet.Sandbox.Faults;
using Esignet.Sandbox.Json;

namespace Esignet.Sandbox.Pms.Onboarding;

/// <summary>
/// The HTTP face of the policy manager under <c>/v1/policymanager</c> (pms-partner-onboarding.md §3.1–§3.3, §6):
/// group create and list, policy create, read and publish. Roles PARTNER_ADMIN or POLICYMANAGER (§1). Subject to the
/// sandbox's fault plan like the client API.
/// </summary>
public static class PolicyManagerEndpoints
{
    private const string Base = "/v1/policymanager/policies";

    /// <summary><c>pmp.policy.schema.url</c>: what a published policy's schema holds.</summary>
    private const string SchemaUrl = "https://schemas.mosip.io/v1/auth-policy";

    private static readonly string[] Roles = ["PARTNER_ADMIN", "POLICYMANAGER"];

    private static readonly JsonField[] GroupShape = [new("name", JsonFieldKind.Text), new("desc", JsonFieldKind.Text)];

    private static readonly JsonField[] PolicyShape =
    [
        new("policyId", JsonFieldKind.Text), new("policyGroupName", JsonFieldKind.Text), new("policyType", JsonFieldKind.Text),
        new("name", JsonFieldKind.Text), new("desc", JsonFieldKind.Text), new("version", JsonFieldKind.Text), new("policies", JsonFieldKind.Object),
    ];

    public static void Map(WebApplication app)
    {
        var fault = new FaultScope(FaultTarget.ClientApi);
        app.MapPost(Base + "/group/new", CreateGroupAsync).WithMetadata(fault);
        app.MapGet(Base + "/group/all", ListGroupsAsync).WithMetadata(fault);
        app.MapGet(Base + "/group/{id}", (HttpContext c, string id) => GetGroupAsync(c, id)).WithMetadata(fault);
        app.MapPost(Base, CreatePolicyAsync).WithMetadata(fault);
        app.MapGet(Base + "/{id}", (HttpContext c, string id) => GetPolicyAsync(c, id)).WithMetadata(fault);
        app.MapPost(Base + "/{policyId}/group/{groupId}/publish", (HttpContext c, string policyId, string groupId) => PublishAsync(c, policyId, groupId)).WithMetadata(fault);
    }

    private static async Task CreateGroupAsync(HttpContext context)
    {
        if (await OnboardingHttp.AdmitAsync(context, Roles) is null) return;
        var body = await OnboardingHttp.ReadAsync(context, GroupShape, e => OnboardingHttp.WritePolicyAsync(context, null, null, e));
        if (body is null) return;
        var result = Service(context).CreateGroup(body.Request);
        await OnboardingHttp.WritePolicyAsync(context, body, result.Value is { } g ? w => WriteGroup(w, g, "desc", "is_Active") : null, result.Error);
    }

    private static async Task ListGroupsAsync(HttpContext context)
    {
        if (await OnboardingHttp.AdmitAsync(context, Roles) is null) return;
        var directory = Service(context).Directory;
        await OnboardingHttp.WritePolicyAsync(context, null, w =>
        {
            w.WriteStartArray();
            foreach (var group in directory.Groups()) WriteGroupEntry(w, group, directory);
            w.WriteEndArray();
        }, null);
    }

    private static async Task GetGroupAsync(HttpContext context, string id)
    {
        if (await OnboardingHttp.AdmitAsync(context, Roles) is null) return;
        var directory = Service(context).Directory;
        var group = directory.Group(id);
        await OnboardingHttp.WritePolicyAsync(context, null, group is null ? null : w => WriteGroupEntry(w, group, directory), group is null ? PolicyManagerErrors.GroupIdNotFound : null);
    }

    private static async Task CreatePolicyAsync(HttpContext context)
    {
        if (await OnboardingHttp.AdmitAsync(context, Roles) is null) return;
        var body = await OnboardingHttp.ReadAsync(context, PolicyShape, e => OnboardingHttp.WritePolicyAsync(context, null, null, e));
        if (body is null) return;
        var service = Service(context);
        var result = service.CreatePolicy(body.Request);
        await OnboardingHttp.WritePolicyAsync(context, body, result.Value is { } p ? w =>
        {
            var group = service.Directory.Group(p.PolicyGroupId)!;
            w.WriteStartObject();
            w.WriteString("id", p.Id);
            w.WriteString("policyGroupName", group.Name);
            w.WriteString("name", p.Name);
            w.WriteString("desc", p.Description);
            w.WriteBoolean("is_Active", p.Active);
            w.WriteEndObject();
        } : null, result.Error);
    }

    private static async Task GetPolicyAsync(HttpContext context, string id)
    {
        if (await OnboardingHttp.AdmitAsync(context, Roles) is null) return;
        var directory = Service(context).Directory;
        var policy = directory.Policy(id);
        await OnboardingHttp.WritePolicyAsync(context, null, policy is null ? null : w => WritePolicyDetail(w, policy, directory), policy is null ? PolicyManagerErrors.PolicyNotFound : null);
    }

    private static async Task PublishAsync(HttpContext context, string policyId, string groupId)
    {
        if (await OnboardingHttp.AdmitAsync(context, Roles) is null) return;
        var service = Service(context);
        var result = service.Publish(policyId, groupId);
        await OnboardingHttp.WritePolicyAsync(context, null, result.Value is { } p ? w => WritePolicyDetail(w, p, service.Directory) : null, result.Error);
    }

    /// <summary>GET /group/all and /group/{id}: {policyGroup, policies[]}; status from is_active only (§6).</summary>
    private static void WriteGroupEntry(Utf8JsonWriter w, PmsPolicyGroup group, PmsDirectory directory)
    {
        w.WriteStartObject();
        w.WritePropertyName("policyGroup");
        WriteGroup(w, group, "desc", "isActive");
        w.WriteStartArray("policies");
        foreach (var p in directory.PoliciesIn(group.Id))
        {
            w.WriteStartObject();
            w.WriteString("policyId", p.Id);
            w.WriteString("policyName", p.Name);
            w.WriteString("policyDesc", p.Description);
            w.WriteString("status", p.Active ? "PUBLISHED" : "DRAFTED");
            if (p.Published) w.WriteString("schema", SchemaUrl);
            else w.WriteNull("schema");
            w.WriteBoolean("is_Active", p.Active);
            w.WriteString("version", p.Version);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteGroup(Utf8JsonWriter w, PmsPolicyGroup g, string descName, string activeName)
    {
        w.WriteStartObject();
        w.WriteString("id", g.Id);
        w.WriteString("name", g.Name);
        w.WriteString(descName, g.Description);
        w.WriteBoolean(activeName, g.Active);
        w.WriteEndObject();
    }

    /// <summary>PolicyResponseDto (§3.3): group fields, policy fields, status from is_active, schema, policies.</summary>
    private static void WritePolicyDetail(Utf8JsonWriter w, PmsPolicy p, PmsDirectory directory)
    {
        var group = directory.Group(p.PolicyGroupId);
        w.WriteStartObject();
        w.WriteString("policyGroupId", p.PolicyGroupId);
        w.WriteString("policyGroupName", group?.Name);
        w.WriteString("policyGroupDesc", group?.Description);
        w.WriteString("policyId", p.Id);
        w.WriteString("policyName", p.Name);
        w.WriteString("policyDesc", p.Description);
        w.WriteString("policyType", p.Type);
        w.WriteString("status", p.Active ? "PUBLISHED" : "DRAFTED");
        w.WriteString("version", p.Version);
        if (p.Published) w.WriteString("schema", SchemaUrl);
        else w.WriteNull("schema");
        w.WriteBoolean("is_Active", p.Active);
        w.WritePropertyName("policies");
        if (p.PoliciesJson is not null)
        {
            using var doc = JsonDocument.Parse(p.PoliciesJson);
            doc.RootElement.WriteTo(w);
        }
        else
        {
            w.WriteStartObject();
            w.WriteStartArray("allowedKycAttributes");
            foreach (var a in p.AllowedKycAttributes) { w.WriteStartObject(); w.WriteString("attributeName", a); w.WriteEndObject(); }
            w.WriteEndArray();
            w.WriteStartArray("allowedAuthTypes");
            foreach (var a in p.AllowedAuthTypes) { w.WriteStartObject(); w.WriteString("authType", a.AuthType); w.WriteString("authSubType", a.AuthSubType ?? ""); w.WriteBoolean("mandatory", a.Mandatory); w.WriteEndObject(); }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static PolicyManagerService Service(HttpContext context) => context.RequestServices.GetRequiredService<PolicyManagerService>();
}
