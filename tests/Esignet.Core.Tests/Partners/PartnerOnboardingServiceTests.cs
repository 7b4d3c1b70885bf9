using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using Esignet.Core.Errors;
using Esignet.Core.Partners;
using Esignet.Sandbox.Pms;
using Microsoft.Extensions.DependencyInjection;

namespace Esignet.Core.Tests.Partners;

/// <summary>
/// The find-or-create sequence (pms-partner-onboarding.md §10) against the sandbox's PMS from empty: what a first
/// run makes, that a rerun sends no write, -WhatIf, a lost CA, interrupted runs and PMS errors as step errors.
/// </summary>
public sealed class PartnerOnboardingServiceTests
{
    [Theory]
    [InlineData("1.2.0")]
    [InlineData("1.2.2")]
    public async Task From_empty_one_run_makes_everything_and_a_rerun_finds_everything_and_sends_no_write(string line)
    {
        await using var rig = await OnboardingRig.StartAsync(line);
        OnboardingResult first = await rig.RunAsync(rig.Request());

        Assert.Equal(
            ["PolicyGroup=Created", "Policy=Created", "Publish=Updated", "Partner=Created", "CaCertificate=Created", "PartnerCertificate=Created", "Activation=Exists", "Mapping=Created", "Approval=Created"],
            first.Steps.Select(s => s.Step + "=" + s.Outcome));
        PmsDirectory pms = rig.Host.PmsDirectory;
        PmsPartner partner = pms.Partner("demo-partner")!;
        PmsPolicy policy = pms.Policy(first.PolicyId!)!;
        Assert.Equal((true, "Auth_Partner", "approved"), (partner.Active, partner.Type, partner.ApprovalStatus));
        Assert.NotNull(partner.CertificateAlias);
        Assert.Equal(("Auth", true, true), (policy.Type, policy.Published, policy.Active));
        Assert.Equal("approved", Assert.Single(pms.Mappings("demo-partner", policy.Id)).Status);
        Assert.Equal(first.PolicyGroupId, policy.PolicyGroupId);
        Assert.True(File.Exists(first.SignedCertificatePath));
        Assert.NotNull(first.CertificateExpires);

        long writes = rig.Writes();
        OnboardingResult second = await rig.RunAsync(rig.Request());
        Assert.All(second.Steps, s => Assert.Equal(StepOutcome.Exists, s.Outcome));
        Assert.True(second.Ready);
        Assert.False(second.Changed);
        Assert.Equal(writes, rig.Writes());
        Assert.Equal((first.PolicyId, "demo-partner"), (second.PolicyId, second.AuthPartnerId));
    }

    [Fact]
    public async Task WhatIf_from_empty_reports_each_step_and_sends_and_writes_nothing()
    {
        await using var rig = await OnboardingRig.StartAsync();
        var host = new RecordingHost((_, _) => false);
        OnboardingResult result = await rig.RunAsync(rig.Request(), host);
        Assert.All(result.Steps, s => Assert.Equal(StepOutcome.Skipped, s.Outcome));
        Assert.Equal(9, result.Steps.Count);
        Assert.Equal(0, rig.Writes());
        Assert.Empty(rig.Host.PmsDirectory.Groups());
        Assert.False(Directory.Exists(rig.Folder.Combine("certs")));
        Assert.Contains(host.Events, e => e.StartsWith("ShouldProcess:False:Create policy group", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_lost_ca_is_announced_before_the_new_root_is_made_and_the_partner_certificate_is_renewed_under_it()
    {
        await using var rig = await OnboardingRig.StartAsync();
        OnboardingResult first = await rig.RunAsync(rig.Request());
        File.Delete(first.CaCertificatePath!);
        File.Delete(first.CaKeyPath!);

        var host = new RecordingHost();
        OnboardingResult second = await rig.RunAsync(rig.Request(), host);
        int warned = host.Events.FindIndex(e => e.StartsWith("Warn:", StringComparison.Ordinal) && e.Contains("NEW root CA", StringComparison.Ordinal));
        int made = host.Events.FindIndex(e => e.Contains("Make a new root CA", StringComparison.Ordinal));
        Assert.True(warned >= 0 && warned < made, string.Join("\n", host.Events));
        Assert.Equal(StepOutcome.Created, second.Steps.Single(s => s.Step == "CaCertificate").Outcome);
        Assert.Equal(StepOutcome.Updated, second.Steps.Single(s => s.Step == "PartnerCertificate").Outcome);

        // And the run after that is quiet again.
        OnboardingResult third = await rig.RunAsync(rig.Request());
        Assert.True(third.Ready, third.Summary);
    }

    [Fact]
    public async Task A_run_stopped_after_each_write_in_turn_converges_on_rerun_with_nothing_duplicated()
    {
        for (int stopAfter = 1; stopAfter <= 9; stopAfter++)
        {
            await using var rig = await OnboardingRig.StartAsync("1.2.0");
            int writes = 0;
            var stopping = new RecordingHost((_, _) => ++writes <= stopAfter ? true : throw new OperationCanceledException("killed"));
            try { await rig.RunAsync(rig.Request(), stopping); }
            catch (OperationCanceledException) { }
            OnboardingResult rerun = await rig.RunAsync(rig.Request());
            Assert.DoesNotContain(rerun.Steps, s => s.Outcome == StepOutcome.Skipped);
            OnboardingResult quiet = await rig.RunAsync(rig.Request());
            Assert.True(quiet.Ready, $"after stop {stopAfter}: {quiet.Summary}");
            PmsDirectory pms = rig.Host.PmsDirectory;
            Assert.Single(pms.Groups());
            Assert.Single(pms.Policies());
            Assert.Single(pms.Partners());
            Assert.Single(pms.AllMappings());
        }
    }

    [Fact]
    public async Task Answers_lost_after_the_server_committed_converge_with_nothing_duplicated()
    {
        await using var rig = await OnboardingRig.StartAsync("1.2.2");
        rig.Host.Settings = rig.Host.Settings with { CommitThenDropRate = 0.4, Seed = 7 };
        OnboardingResult? done = null;
        for (int run = 0; run < 6 && done is not { Ready: true }; run++)
        {
            try { done = await rig.RunAsync(rig.Request()); }
            catch (EsignetException) { }
        }

        Assert.NotNull(done);
        Assert.True(done!.Ready || !done.Steps.Any(s => s.Outcome == StepOutcome.Skipped), done.Summary);
        PmsDirectory pms = rig.Host.PmsDirectory;
        Assert.Single(pms.Groups());
        Assert.Single(pms.Policies());
        Assert.Single(pms.Partners());
        Assert.Equal("approved", Assert.Single(pms.AllMappings()).Status);
    }

    [Fact]
    public async Task Offline_rules_stop_a_bad_request_before_anything_is_sent()
    {
        await using var rig = await OnboardingRig.StartAsync("1.2.0");
        var cases = new (OnboardingRequest Request, string ErrorId)[]
        {
            (rig.Request(org: "Acme, Inc"), "InvalidOrganizationName"),
            (rig.Request(partnerId: "has space"), "InvalidPartnerId"),
            (rig.Request(email: "a@example.ORG"), "InvalidEmailId"),
            (rig.Request() with { PolicyDescription = new string('d', 129) }, "InvalidPolicyDescription"),
            (rig.Request() with { PolicyVersion = "123456789" }, "InvalidPolicyVersion"),
            (rig.Request() with { Claims = ["nickname"] }, "UnknownClaim"),
            (rig.Request() with { PartnerDomain = "NOPE" }, "InvalidPartnerDomain"),
        };
        foreach (var (request, errorId) in cases)
        {
            var e = await Assert.ThrowsAsync<EsignetException>(() => rig.RunAsync(request));
            Assert.Equal(errorId, e.ErrorId);
        }

        Assert.Equal(0, rig.Writes());
        Assert.Empty(rig.Host.Services.GetRequiredService<Esignet.Sandbox.Control.RequestCounters>().Snapshot());
    }

    [Fact]
    public async Task A_256_character_description_passes_on_1_2_2()
    {
        await using var rig = await OnboardingRig.StartAsync("1.2.2");
        OnboardingResult result = await rig.RunAsync(rig.Request() with { PolicyDescription = new string('d', 256), PolicyGroupDescription = new string('g', 256) });
        Assert.Equal(StepOutcome.Created, result.Steps[1].Outcome);
    }

    [Fact]
    public async Task A_pms_error_reaches_the_caller_as_its_code_with_step_object_and_advice()
    {
        await using var rig = await OnboardingRig.StartAsync();
        await rig.RunAsync(rig.Request());
        var e = await Assert.ThrowsAsync<OnboardingStepException>(() => rig.RunAsync(rig.Request(partnerId: "second-partner")));
        Assert.Equal(("PMS_PRT_011", "Partner", "partner 'second-partner'"), (e.ErrorId, e.Step, e.Object));
        Assert.Contains("belongs to another partner", e.Message, StringComparison.Ordinal);
        Assert.Contains("-EmailId", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_without_PARTNER_ADMIN_stops_at_the_first_step_with_what_to_do()
    {
        await using var rig = await OnboardingRig.StartAsync(clientId: "mosip-idrepo-client");
        var e = await Assert.ThrowsAsync<OnboardingStepException>(() => rig.RunAsync(rig.Request()));
        Assert.Equal(("Forbidden", "PolicyGroup"), (e.ErrorId, e.Step));
        Assert.Contains("PARTNER_ADMIN", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, rig.Writes());
    }

    [Fact]
    public async Task A_deactivated_partner_on_1_2_2_stops_at_the_certificate_with_PMS_PMP_016()
    {
        await using var rig = await OnboardingRig.StartAsync("1.2.2");
        OnboardingResult first = await rig.RunAsync(rig.Request());
        PmsPartner p = rig.Host.PmsDirectory.Partner("demo-partner")!;
        rig.Host.PmsDirectory.Put(p with { Active = false });
        File.Delete(first.PartnerCertificatePath!);
        var e = await Assert.ThrowsAsync<OnboardingStepException>(() => rig.RunAsync(rig.Request()));
        Assert.Equal(("PMS_PMP_016", "PartnerCertificate"), (e.ErrorId, e.Step));
    }

    [Fact]
    public async Task An_existing_policy_whose_type_is_not_exactly_Auth_stops_the_run()
    {
        await using var rig = await OnboardingRig.StartAsync();
        OnboardingResult first = await rig.RunAsync(rig.Request());
        PmsPolicy policy = rig.Host.PmsDirectory.Policy(first.PolicyId!)!;
        rig.Host.PmsDirectory.Put(policy with { Type = "auth" });
        var e = await Assert.ThrowsAsync<OnboardingStepException>(() => rig.RunAsync(rig.Request()));
        Assert.Equal(("PolicyTypeNotAuth", "Policy"), (e.ErrorId, e.Step));
    }

    [Fact]
    public async Task Key_and_certificate_files_are_owner_only_and_keys_stay_out_of_the_result()
    {
        await using var rig = await OnboardingRig.StartAsync();
        OnboardingResult result = await rig.RunAsync(rig.Request());
        foreach (string path in new[] { result.CaKeyPath!, result.CaCertificatePath!, result.PartnerKeyPath!, result.PartnerCertificatePath!, result.SignedCertificatePath! })
        {
            if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        Assert.DoesNotContain("PRIVATE KEY", result.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(result.Steps, s => s.Detail.Contains("PRIVATE", StringComparison.Ordinal));
    }
}
