using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Esignet.Sandbox.Hosting;
using Esignet.Sandbox.Tests.Infrastructure;
using static Esignet.Sandbox.Tests.Infrastructure.OnboardingDriver;

namespace Esignet.Sandbox.Tests;

/// <summary>
/// PMS onboarding from an empty PMS (pms-partner-onboarding.md §3, §9), driven by raw HTTP as MOSIP's onboarder sends
/// it (§7). Expected codes and texts are those of the cited PMS source (ErrorCode.java, ErrorMessages.java @v1.2.0.1 /
/// @v1.2.2.2), written here from the contract, not from the sandbox's own constants.
/// </summary>
public sealed class OnboardingTests
{
    private static Task<TestSandbox> EmptyAsync(string pms, string km = "1.2") =>
        TestSandbox.StartAsync(new SandboxSettings { PmsVersion = pms, KeymanagerVersion = km }, new SandboxStartOptions { PmsEmpty = true });

    [Theory]
    [InlineData("1.2.0")]
    [InlineData("1.2.2")]
    public async Task From_empty_the_onboarder_sequence_makes_a_partner_that_can_create_an_oidc_client(string pms)
    {
        await using var sandbox = await EmptyAsync(pms);
        var d = await StartAsync(sandbox);
        var (_, policyId, _) = await d.PrepareAsync("g1", "auth-policy", "partner-1");

        // The OIDC create checks the real state: no mapping yet → PMS_PRT_061.
        var create = Bodies.PmsCreate(partnerId: "partner-1", policyId: policyId);
        Assert.Equal("PMS_PRT_061", Code(await sandbox.PmsAsync(HttpMethod.Post, "oidc/client", create, d.Token)));

        var key = Ok(await d.MapAsync("partner-1", "auth-policy")).GetProperty("mappingkey").GetString()!;
        var pending = Bodies.PmsCreate(partnerId: "partner-1", policyId: policyId);
        Assert.Equal(pms == "1.2.2" ? "PMS_ESI_002" : "PMS_IDP_002", Code(await sandbox.PmsAsync(HttpMethod.Post, "oidc/client", pending, d.Token)));

        Assert.Equal("Policy mapping approved successfully", Ok(await d.DecideAsync(key)).GetString());
        var ready = Bodies.PmsCreate(partnerId: "partner-1", policyId: policyId);
        var answer = Ok(await sandbox.PmsAsync(HttpMethod.Post, "oidc/client", ready, d.Token));
        Assert.Contains(sandbox.Host.PmsClients.Snapshot(), c => c.Id == answer.GetProperty("clientId").GetString() && c.RelyingPartyId == "partner-1");
    }

    [Fact]
    public async Task The_empty_start_has_nothing_and_reads_say_so()
    {
        await using var sandbox = await EmptyAsync("1.2.2");
        var d = await StartAsync(sandbox);
        Assert.Equal(0, Ok(await d.SendAsync(HttpMethod.Get, "/v1/policymanager/policies/group/all", null)).GetArrayLength());
        // §6: no mapping rows at all → PMS_PMP_015; unknown partner → PMS_PRT_005; no certificate → PMS_PRT_108.
        Assert.Equal(("PMS_PMP_015", "No Partner api key requests for the Policy Group"), Error(await d.SendAsync(HttpMethod.Get, "/v1/partnermanager/partners/apikey", null)));
        Assert.Equal(("PMS_PRT_005", "Partner does not exist"), Error(await d.SendAsync(HttpMethod.Get, "/v1/partnermanager/partners/nobody", null)));
        Ok(await d.CreateGroupAsync("g"));
        Ok(await d.RegisterAsync("p", "g"));
        Assert.Equal(("PMS_PRT_108", "Certficate is not uploaded for the selected partner."), Error(await d.SendAsync(HttpMethod.Get, "/v1/partnermanager/partners/p/certificate", null)));
        var partner = Ok(await d.SendAsync(HttpMethod.Get, "/v1/partnermanager/partners/p", null));
        Assert.Equal(("De-active", false, "g"), (partner.GetProperty("status").GetString(), partner.GetProperty("isActive").GetBoolean(), partner.GetProperty("policyGroup").GetString()));
    }

    [Fact]
    public async Task Reruns_of_each_create_give_the_idempotency_codes_of_section_9_7()
    {
        await using var sandbox = await EmptyAsync("1.2.2");
        var d = await StartAsync(sandbox);
        var (groupId, policyId, ca) = await d.PrepareAsync("g1", "auth-policy", "partner-1");
        Assert.Equal(("PMS_POL_014", "Policy group exists with name : g1"), Error(await d.CreateGroupAsync("g1")));
        Assert.Equal(("PMS_POL_009", "Auth policy exists with name : auth-policy"), Error(await d.CreatePolicyAsync("g1", "auth-policy")));
        Assert.Equal(("PMS_POL_020", "Can not publish the published policy"), Error(await d.PublishAsync(policyId, groupId)));
        // Re-sending the same registration: the e-mail check (#7) comes before the id check (#9).
        Assert.Equal(("PMS_PRT_011", "Email is already exists."), Error(await d.RegisterAsync("partner-1", "g1")));
        Assert.Equal(("PMS_PRT_051", "A Partner is already registered with the same Id"), Error(await d.RegisterAsync("partner-1", "g1", "other@example.org")));
        Assert.Equal(("KER-PCM-003", "Certificate already exists in store."), Error(await d.UploadCaAsync(ca)));
        // A re-upload of a partner certificate is accepted (renewal) and gets a new certificateId.
        var first = Ok(await d.UploadCertificateAsync("partner-1", TestCertificates.Partner(ca, "partner-1", Org))).GetProperty("certificateId").GetString();
        var second = Ok(await d.UploadCertificateAsync("partner-1", TestCertificates.Partner(ca, "partner-1", Org))).GetProperty("certificateId").GetString();
        Assert.NotEqual(first, second);
        Assert.Equal("Partner activated successfully", Ok(await d.SetStatusAsync("partner-1", "Active")).GetProperty("message").GetString());
        var key = Ok(await d.MapAsync("partner-1", "auth-policy")).GetProperty("mappingkey").GetString()!;
        Assert.Equal("PMS_PRT_053", Code(await d.MapAsync("partner-1", "auth-policy")));
        Ok(await d.DecideAsync(key));
        Assert.Equal(("PMS_PM_034", "Policy request already approved."), Error(await d.DecideAsync(key)));
        Assert.Equal("PMS_PRT_060", Code(await d.MapAsync("partner-1", "auth-policy")));
    }

    [Theory]
    [InlineData("1.2.0", "PMS_PRT_053", "Mapping exists for given policy and partner and is in InProgress state.", "PMS_PRT_053", "Mapping exists for given policy and partner and is in approved state.")]
    [InlineData("1.2.2", "PMS_PRT_053", "This policy is already pending for approval against your partner ID.", "PMS_PRT_060", "This policy has already been approved against your partner ID.")]
    public async Task Duplicate_mapping_codes_differ_per_line(string pms, string pendingCode, string pendingText, string approvedCode, string approvedText)
    {
        await using var sandbox = await EmptyAsync(pms);
        var d = await StartAsync(sandbox);
        await d.PrepareAsync("g", "pol", "p");
        var key = Ok(await d.MapAsync("p", "pol")).GetProperty("mappingkey").GetString()!;
        Assert.Equal((pendingCode, pendingText), Error(await d.MapAsync("p", "pol")));
        Ok(await d.DecideAsync(key));
        Assert.Equal((approvedCode, approvedText), Error(await d.MapAsync("p", "pol")));
    }

    [Theory]
    [InlineData("1.2.0", "PMS_PMP_019", "Policy is not active.")]
    [InlineData("1.2.2", "PMS_PRT_073", "Policy not exists.")]
    public async Task Mapping_to_a_draft_policy_fails_with_the_lines_code(string pms, string code, string text)
    {
        await using var sandbox = await EmptyAsync(pms);
        var d = await StartAsync(sandbox);
        await d.PrepareAsync("g", "pol", "p");
        Ok(await d.CreatePolicyAsync("g", "draft"));
        Assert.Equal((code, text), Error(await d.MapAsync("p", "draft")));
    }

    [Theory]
    [InlineData("1.2.0", 128, 129)]
    [InlineData("1.2.2", 256, 257)]
    public async Task Description_limits_follow_the_line(string pms, int fits, int tooLong)
    {
        await using var sandbox = await EmptyAsync(pms);
        var d = await StartAsync(sandbox);
        Assert.Equal(("PMS_COR_001", $"Invalid request parameter - Length should be in between 1 and {fits} chars :request.desc"),
            Error(await d.CreateGroupAsync("g0", new string('d', tooLong))));
        Ok(await d.CreateGroupAsync("g", new string('d', fits)));
        Assert.Equal("PMS_COR_001", Code(await d.CreatePolicyAsync("g", "p", desc: new string('d', tooLong))));
        Ok(await d.CreatePolicyAsync("g", "p", desc: new string('d', fits)));
    }

    [Fact]
    public async Task A_deactivated_partner_is_final_on_1_2_2_and_reactivated_by_an_upload_on_1_2_0()
    {
        foreach (var pms in new[] { "1.2.0", "1.2.2" })
        {
            await using var sandbox = await EmptyAsync(pms);
            var d = await StartAsync(sandbox);
            var (_, _, ca) = await d.PrepareAsync("g", "pol", "p");
            Assert.Equal("Partner de-activated successfully", Ok(await d.SetStatusAsync("p", "De-active")).GetProperty("message").GetString());
            var upload = await d.UploadCertificateAsync("p", TestCertificates.Partner(ca, "p", Org));
            var patch = await d.SetStatusAsync("p", "Active");
            if (pms == "1.2.2")
            {
                Assert.Equal(("PMS_PMP_016", "Partner is not active."), Error(upload));
                Assert.Equal(("PMS_PM_063", "The selected partner has already been deactivated."), Error(patch));
            }
            else
            {
                Ok(upload);
                Ok(patch);
                Assert.True(sandbox.Host.PmsDirectory.Partner("p")!.Active);
            }
        }
    }

    [Fact]
    public async Task Policy_create_checks_come_in_code_order()
    {
        await using var sandbox = await EmptyAsync("1.2.2");
        var d = await StartAsync(sandbox);
        Assert.Equal(("PMS_POL_023", "Given policy type is not allowed "), Error(await d.CreatePolicyAsync("nogroup", "p", type: "Nothing")));
        Assert.Equal(("PMS_POL_019", "Policy group name does not exist"), Error(await d.CreatePolicyAsync("nogroup", "p")));
        Ok(await d.CreateGroupAsync("g"));
        var badPolicies = AuthPolicies();
        badPolicies.Remove("authTokenType");
        Assert.Equal(("PMS_PV_006", "Missing input parameter - authTokenType in policy data"), Error(await d.CreatePolicyAsync("g", "p", policies: badPolicies)));
        var extra = AuthPolicies();
        extra["allowedAuthTypes"]![0]!["unknown"] = 1;
        Assert.Equal(("PMS_PV_005", "Invalid input parameter - allowedAuthTypes/0/unknown in policy data"), Error(await d.CreatePolicyAsync("g", "p", policies: extra)));
        // The type is stored as sent: "auth" is allowed here, and OIDC create later refuses it (PMS_PRT_057).
        var lower = Ok(await d.CreatePolicyAsync("g", "lower", type: "auth"));
        var read = Ok(await d.SendAsync(HttpMethod.Get, "/v1/policymanager/policies/" + lower.GetProperty("id").GetString(), null));
        Assert.Equal(("auth", "DRAFTED", JsonValueKind.Null), (read.GetProperty("policyType").GetString(), read.GetProperty("status").GetString(), read.GetProperty("schema").ValueKind));
    }

    [Fact]
    public async Task Register_checks_come_in_code_order()
    {
        await using var sandbox = await EmptyAsync("1.2.0");
        var d = await StartAsync(sandbox);
        Ok(await d.CreateGroupAsync("g"));
        Assert.Equal(("PMS_PRT_012", "Invalid emailId."), Error(await d.RegisterAsync("p", "g", "a@example.ORG")));
        Assert.Equal(("PMS_PRT_066", "PartnerId should not have any spaces36"), Error(await d.RegisterAsync("p q", "g")));
        Assert.Equal(("PMS_PRT_052", "PartnerId max length should be 36"), Error(await d.RegisterAsync(new string('p', 37), "g")));
        Assert.Equal(("PMS_PRT_002", "Policy group does not exist"), Error(await d.RegisterAsync("p", "G")));
        Assert.Equal(("PMS_COR_001", "Invalid request parameter - Length should be between 1 and 128 chars :request.organizationName"),
            Error(await d.RegisterAsync("p", "g", org: new string('o', 129))));
        var registered = Ok(await d.RegisterAsync("p", "g"));
        Assert.Equal("InProgress", registered.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Activation_and_mapping_need_a_certificate_first()
    {
        await using var sandbox = await EmptyAsync("1.2.0");
        var d = await StartAsync(sandbox);
        Ok(await d.CreateGroupAsync("g"));
        var policyId = Ok(await d.CreatePolicyAsync("g", "pol")).GetProperty("id").GetString()!;
        Ok(await d.RegisterAsync("p", "g"));
        Assert.Equal(("PMS_PRT_108", "Certficate is not uploaded for the given partner.Cannot activate the same."), Error(await d.SetStatusAsync("p", "Active")));
        Assert.Equal(("PMS_PMP_016", "Partner is not active."), Error(await d.MapAsync("p", "pol")));
        Assert.Equal(("PMS_PM_058", "Status should be either Active or De-Active"), Error(await d.SetStatusAsync("p", "on")));
        _ = policyId;
    }

    [Fact]
    public async Task Roles_and_ownership_follow_the_role_table()
    {
        await using var sandbox = await EmptyAsync("1.2.2");
        var d = await StartAsync(sandbox);
        await d.PrepareAsync("g", "pol", "p");
        // No cookie: 401; a token without PMS roles: 403 on group create (api-test DefinePolicyGroup.yml@v1.2.2.2).
        using (var none = await sandbox.Http.PostAsync("/v1/policymanager/policies/group/new", TestSandbox.Json(Envelope(new JsonObject { ["name"] = "x", ["desc"] = "x" }))))
            Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        var roleless = await sandbox.MintTokenAsync("", roles: "ID_REPOSITORY");
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/policymanager/policies/group/new") { Content = TestSandbox.Json(Envelope(new JsonObject { ["name"] = "x", ["desc"] = "x" })) };
        request.Headers.Add("Cookie", "Authorization=" + roleless);
        using (var forbidden = await sandbox.Http.SendAsync(request)) Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        // A partner user may act on its own partner only (PMS_PRT_055), no PARTNER_ADMIN needed for its own.
        var other = await sandbox.MintTokenAsync("", roles: "AUTH_PARTNER", userName: "someone-else");
        Assert.Equal(("PMS_PRT_055", "User not authorized."), Error(await d.MapAsync("p", "pol", other)));
        var owner = await sandbox.MintTokenAsync("", roles: "AUTH_PARTNER", userName: "p");
        Ok(await d.MapAsync("p", "pol", owner));
    }

    [Fact]
    public async Task A_partner_without_a_certificate_fails_the_oidc_create_at_the_keymanager_step_after_esignet_stored_it()
    {
        var seed = Path.Combine(Path.GetTempPath(), "pms-seed-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(seed, """
            { "partners": [ { "id": "nocert", "type": "Auth_Partner", "active": true, "userId": "nocert", "organizationName": "N", "policyGroupId": "openg2p-policy-group", "certificateAlias": null } ],
              "mappings": [ { "partnerId": "nocert", "policyId": "openg2p-auth-policy", "status": "approved" } ] }
            """);
        try
        {
            await using var sandbox = await TestSandbox.StartAsync(new SandboxSettings(), new SandboxStartOptions { PmsSeedFile = seed });
            var json = await sandbox.PmsAsync(HttpMethod.Post, "oidc/client", Bodies.PmsCreate(partnerId: "nocert"), await sandbox.AuthManagerTokenAsync());
            // pms-api.md §5.1 #17: keymanager getPartnerCertificate("null") → KER-PCM-012, errors passed through.
            Assert.Equal(("KER-PCM-012", "Partner Certificate not found for the given ID."), Error(json));
            Assert.Empty(sandbox.Host.PmsClients.Snapshot());
            Assert.Single(sandbox.Host.EsignetClients.Snapshot());
        }
        finally
        {
            File.Delete(seed);
        }
    }

    [Fact]
    public async Task Faults_apply_to_the_onboarding_endpoints_and_reset_restores_the_start()
    {
        await using var sandbox = await EmptyAsync("1.2.2");
        var d = await StartAsync(sandbox);
        Ok(await d.CreateGroupAsync("g"));
        sandbox.Host.Settings = sandbox.Host.Settings with { FailRate = 1, Seed = 1 };
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/policymanager/policies/group/new") { Content = TestSandbox.Json(Envelope(new JsonObject { ["name"] = "x", ["desc"] = "x" })) };
        request.Headers.Add("Cookie", "Authorization=" + d.Token);
        using (var failed = await sandbox.Http.SendAsync(request)) Assert.True((int)failed.StatusCode >= 500);
        using (var reset = await sandbox.Http.PostAsync("/_sandbox/reset", null)) reset.EnsureSuccessStatusCode();
        Assert.Equal(0, Ok(await d.SendAsync(HttpMethod.Get, "/v1/policymanager/policies/group/all", null)).GetArrayLength());
    }

    [Fact]
    public async Task The_seed_still_serves_as_the_starting_state()
    {
        await using var sandbox = await TestSandbox.StartAsync(new SandboxSettings());
        var d = await StartAsync(sandbox);
        var groups = Ok(await d.SendAsync(HttpMethod.Get, "/v1/policymanager/policies/group/all", null));
        Assert.Contains(groups.EnumerateArray(), g => g.GetProperty("policyGroup").GetProperty("name").GetString() == "openg2p-policy-group");
        var rows = Ok(await d.SendAsync(HttpMethod.Get, "/v1/partnermanager/partners/apikey", null)).GetProperty("apikeyRequests");
        Assert.Contains(rows.EnumerateArray(), r => r.GetProperty("partnerID").GetString() == "openg2p-auth-partner" && r.GetProperty("status").GetString() == "approved");
    }
}
