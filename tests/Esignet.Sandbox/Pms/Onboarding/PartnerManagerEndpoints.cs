using System.Text.Json;
using Esignet.Sandbox.Faults;
using Esignet.Sandbox.Json;

namespace Esignet.Sandbox.Pms.Onboarding;

/// <summary>
/// The HTTP face of the partnermanager's onboarding calls under <c>/v1/partnermanager/partners</c>
/// (pms-partner-onboarding.md §3.4–§3.9, §6), with the role table of §1 and the success id/version each copies.
/// Subject to the sandbox's fault plan like the client API.
/// </summary>
public static class PartnerManagerEndpoints
{
    private const string Base = "/v1/partnermanager/partners";

    private static readonly string[] AdminRoles = ["PARTNERMANAGER", "PARTNER_ADMIN"];

    /// <summary>"all partner roles" of mosip.role.pms.* (mosip-config partner-management-default.properties@v1.2.0.1).</summary>
    private static readonly string[] PartnerRoles =
    [
        "AUTH_PARTNER", "PARTNER_ADMIN", "PARTNERMANAGER", "ABIS_PARTNER", "CREDENTIAL_PARTNER", "CREDENTIAL_ISSUANCE",
        "ONLINE_VERIFICATION_PARTNER", "DEVICE_PROVIDER", "FTM_PROVIDER", "MANUAL_ADJUDICATION", "SDK_PARTNER", "MISP_PARTNER",
    ];

    private static readonly string[] MapRoles = ["AUTH_PARTNER", "ABIS_PARTNER", "CREDENTIAL_PARTNER", "CREDENTIAL_ISSUANCE", "ONLINE_VERIFICATION_PARTNER", "PARTNER_ADMIN"];

    private static readonly JsonField[] RegisterShape =
    [
        new("partnerId", JsonFieldKind.Text), new("organizationName", JsonFieldKind.Text), new("address", JsonFieldKind.Text),
        new("contactNumber", JsonFieldKind.Text), new("emailId", JsonFieldKind.Text), new("partnerType", JsonFieldKind.Text),
        new("policyGroup", JsonFieldKind.Text), new("langCode", JsonFieldKind.Text),
    ];

    private static readonly JsonField[] CaShape = [new("certificateData", JsonFieldKind.Text), new("partnerDomain", JsonFieldKind.Text)];
    private static readonly JsonField[] CertificateShape = [new("partnerId", JsonFieldKind.Text), .. CaShape];
    private static readonly JsonField[] StatusShape = [new("status", JsonFieldKind.Text)];
    private static readonly JsonField[] MapShape = [new("policyName", JsonFieldKind.Text), new("useCaseDescription", JsonFieldKind.Text)];

    public static void Map(WebApplication app)
    {
        var fault = new FaultScope(FaultTarget.ClientApi);
        app.MapPost(Base, RegisterAsync).WithMetadata(fault);
        app.MapGet(Base + "/apikey", MappingRequestsAsync).WithMetadata(fault);
        app.MapPost(Base + "/certificate/ca/upload", UploadCaAsync).WithMetadata(fault);
        app.MapPost(Base + "/certificate/upload", UploadCertificateAsync).WithMetadata(fault);
        app.MapGet(Base + "/{partnerId}", (HttpContext c, string partnerId) => GetAsync(c, partnerId)).WithMetadata(fault);
        app.MapGet(Base + "/{partnerId}/certificate", (HttpContext c, string partnerId) => CertificateAsync(c, partnerId)).WithMetadata(fault);
        app.MapMethods(Base + "/{partnerId}", ["PATCH"], (HttpContext c, string partnerId) => SetStatusAsync(c, partnerId)).WithMetadata(fault);
        app.MapPost(Base + "/{partnerId}/policy/map", (HttpContext c, string partnerId) => RequestMappingAsync(c, partnerId)).WithMetadata(fault);
        app.MapPut(Base + "/policy/{mappingKey}", (HttpContext c, string mappingKey) => DecideAsync(c, mappingKey)).WithMetadata(fault);
    }

    /// <summary>§3.4: no @PreAuthorize, any valid token; response {partnerId, status:"InProgress"}.</summary>
    private static async Task RegisterAsync(HttpContext context)
    {
        if (await OnboardingHttp.AdmitAsync(context, null) is null) return;
        var body = await Read(context, RegisterShape);
        if (body is null) return;
        var result = Service(context).Register(body.Request);
        if (result.Error is not null) { await OnboardingHttp.WritePartnerErrorAsync(context, result.Error); return; }
        await OnboardingHttp.WritePartnerAsync(context, body.Id, body.Version, w =>
        {
            w.WriteStartObject();
            w.WriteString("partnerId", result.Value!.Id);
            w.WriteString("status", "InProgress");
            w.WriteEndObject();
        });
    }

    private static async Task UploadCaAsync(HttpContext context)
    {
        if (await OnboardingHttp.AdmitAsync(context, AdminRoles) is null) return;
        var body = await Read(context, CaShape);
        if (body is null) return;
        var error = Service(context).UploadCa(body.Request);
        if (error is not null) { await OnboardingHttp.WritePartnerErrorAsync(context, error); return; }
        await OnboardingHttp.WritePartnerAsync(context, null, null, w =>
        {
            w.WriteStartObject();
            w.WriteString("status", "Upload Success.");
            w.WriteString("timestamp", UtcTimestamp.Now(OnboardingHttp.Clock(context)));
            w.WriteEndObject();
        });
    }

    private static async Task UploadCertificateAsync(HttpContext context)
    {
        var caller = await OnboardingHttp.AdmitAsync(context, PartnerRoles);
        if (caller is null) return;
        var body = await Read(context, CertificateShape);
        if (body is null) return;
        var result = Service(context).UploadCertificate(body.Request, caller);
        if (result.Error is not null) { await OnboardingHttp.WritePartnerErrorAsync(context, result.Error); return; }
        await OnboardingHttp.WritePartnerAsync(context, null, null, w =>
        {
            w.WriteStartObject();
            w.WriteString("signedCertificateData", result.Value!.SignedPem);
            w.WriteString("certificateId", result.Value.CertificateId);
            w.WriteString("timestamp", UtcTimestamp.Now(OnboardingHttp.Clock(context)));
            w.WriteEndObject();
        });
    }

    /// <summary>§6: id "mosip.partnermanagement.partners.retrieve", status "active"/"De-active", the group by name.</summary>
    private static async Task GetAsync(HttpContext context, string partnerId)
    {
        var caller = await OnboardingHttp.AdmitAsync(context, PartnerRoles);
        if (caller is null) return;
        var service = Service(context);
        var result = service.Get(partnerId, caller);
        if (result.Error is not null) { await OnboardingHttp.WritePartnerErrorAsync(context, result.Error); return; }
        var p = result.Value!;
        await OnboardingHttp.WritePartnerAsync(context, "mosip.partnermanagement.partners.retrieve", "1.0", w =>
        {
            w.WriteStartObject();
            w.WriteString("partnerID", p.Id);
            w.WriteString("status", p.Active ? "active" : "De-active");
            w.WriteString("organizationName", p.OrganizationName);
            w.WriteString("contactNumber", p.ContactNumber);
            w.WriteString("emailId", p.EmailId);
            w.WriteString("address", p.Address);
            w.WriteString("partnerType", p.Type);
            w.WriteString("policyGroup", service.Directory.Group(p.PolicyGroupId)?.Name);
            w.WriteBoolean("isActive", p.Active);
            w.WriteEndObject();
        });
    }

    private static async Task CertificateAsync(HttpContext context, string partnerId)
    {
        if (await OnboardingHttp.AdmitAsync(context, PartnerRoles) is null) return;
        var result = Service(context).Certificate(partnerId);
        if (result.Error is not null) { await OnboardingHttp.WritePartnerErrorAsync(context, result.Error); return; }
        await OnboardingHttp.WritePartnerAsync(context, null, null, w =>
        {
            w.WriteStartObject();
            w.WriteString("certificateData", result.Value);
            w.WriteString("timestamp", UtcTimestamp.Now(OnboardingHttp.Clock(context)));
            w.WriteEndObject();
        });
    }

    private static async Task SetStatusAsync(HttpContext context, string partnerId)
    {
        if (await OnboardingHttp.AdmitAsync(context, AdminRoles) is null) return;
        var body = await Read(context, StatusShape);
        if (body is null) return;
        var result = Service(context).SetStatus(partnerId, body.Request);
        if (result.Error is not null) { await OnboardingHttp.WritePartnerErrorAsync(context, result.Error); return; }
        await OnboardingHttp.WritePartnerAsync(context, body.Id, body.Version, w =>
        {
            w.WriteStartObject();
            w.WriteString("message", result.Value);
            w.WriteEndObject();
        });
    }

    private static async Task RequestMappingAsync(HttpContext context, string partnerId)
    {
        var caller = await OnboardingHttp.AdmitAsync(context, MapRoles);
        if (caller is null) return;
        var body = await Read(context, MapShape);
        if (body is null) return;
        var result = Service(context).RequestMapping(partnerId, body.Request, caller);
        if (result.Error is not null) { await OnboardingHttp.WritePartnerErrorAsync(context, result.Error); return; }
        await OnboardingHttp.WritePartnerAsync(context, body.Id, body.Version, w =>
        {
            w.WriteStartObject();
            w.WriteString("mappingkey", result.Value!.Id);
            w.WriteString("message", "Policy mapping request submitted successfully.");
            w.WriteEndObject();
        });
    }

    /// <summary>§3.9: the response is a bare string.</summary>
    private static async Task DecideAsync(HttpContext context, string mappingKey)
    {
        if (await OnboardingHttp.AdmitAsync(context, AdminRoles) is null) return;
        var body = await Read(context, StatusShape);
        if (body is null) return;
        var result = Service(context).Decide(mappingKey, body.Request);
        if (result.Error is not null) { await OnboardingHttp.WritePartnerErrorAsync(context, result.Error); return; }
        await OnboardingHttp.WritePartnerAsync(context, body.Id, body.Version, w => w.WriteStringValue(result.Value));
    }

    /// <summary>§6 GET /partners/apikey: every request; PMS_PMP_015 when there are none at all.</summary>
    private static async Task MappingRequestsAsync(HttpContext context)
    {
        if (await OnboardingHttp.AdmitAsync(context, AdminRoles) is null) return;
        var service = Service(context);
        var result = service.MappingRequests();
        if (result.Error is not null) { await OnboardingHttp.WritePartnerErrorAsync(context, result.Error); return; }
        await OnboardingHttp.WritePartnerAsync(context, null, null, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("apikeyRequests");
            foreach (var m in result.Value!)
            {
                var partner = service.Directory.Partner(m.PartnerId);
                var policy = service.Directory.Policy(m.PolicyId);
                w.WriteStartObject();
                w.WriteString("partnerID", m.PartnerId);
                w.WriteString("policyId", m.PolicyId);
                w.WriteString("status", m.Status);
                w.WriteString("organizationName", partner?.OrganizationName);
                w.WriteString("policyDesc", policy?.Description);
                w.WriteString("apiKeyReqNo", m.Id);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static Task<OnboardingHttp.Body?> Read(HttpContext context, JsonField[] shape) =>
        OnboardingHttp.ReadAsync(context, shape, e => OnboardingHttp.WritePartnerErrorAsync(context, e));

    private static PartnerOnboardingService Service(HttpContext context) => context.RequestServices.GetRequiredService<PartnerOnboardingService>();
}
