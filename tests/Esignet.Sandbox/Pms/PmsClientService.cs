using System.Text.Json;
using System.Text.Json.Nodes;
using Esignet.Sandbox.Esignet;
using Esignet.Sandbox.Faults;
using Esignet.Sandbox.Hosting;
using Esignet.Sandbox.Json;
using Esignet.Sandbox.State;
using Esignet.Sandbox.Tokens;
using Esignet.Sandbox.Versions;

namespace Esignet.Sandbox.Pms;

/// <summary>The value of a PMS operation, or the error that stopped it.</summary>
public sealed record PmsResult<T>(T? Value, PmsError? Error) where T : class
{
    public static implicit operator PmsResult<T>(PmsError error) => new(null, error);

    public static implicit operator PmsResult<T>(T value) => new(value, null);
}

/// <summary>
/// PMS's <c>ClientManagementServiceImpl</c> after authentication and bean validation: create with the ordered checks of
/// pms-api.md §5.1 (which also creates the client in the sandbox's eSignet, §5.4), update (§6), get (§7) and list (§4.7).
/// </summary>
public sealed class PmsClientService
{
    private readonly SandboxRuntime _runtime;
    private readonly PmsDirectory _directory;
    private readonly PmsClientStore _store;
    private readonly ClientManagementService _esignet;
    private readonly FaultPlan _faults;
    private readonly Onboarding.KeymanagerStore _keymanager;

    public PmsClientService(SandboxRuntime runtime, PmsDirectory directory, PmsClientStore store, ClientManagementService esignet, FaultPlan faults, Onboarding.KeymanagerStore keymanager)
    {
        _keymanager = keymanager;
        _runtime = runtime;
        _directory = directory;
        _store = store;
        _esignet = esignet;
        _faults = faults;
    }

    // §5.1 steps #2 … #18, first failure wins.
    public PmsResult<PmsClientRecord> Create(BoundFields r, bool oauth, TokenPrincipal caller)
    {
        var config = _runtime.Active;
        var line = config.Pms;
        var key = PmsPublicKey.Parse(r.Element("publicKey")!.Value, line, out var keyError);
        if (key is null) return keyError!;
        if (_store.Contains(key.ClientId)) return PmsErrors.KeyAlreadyExists(line);

        var partnerId = r.Text("authPartnerId")!;
        if (line.ChecksOwnership && !caller.IsPartnerAdmin)
        {
            var owned = _directory.PartnersOwnedBy(caller.UserId);
            if (owned.Count == 0) return PmsErrors.UserHasNoPartners;
            if (owned.All(p => p.Id != partnerId)) return PmsErrors.NotOwnerCreate;
        }
        var partner = _directory.Partner(partnerId);
        if (partner is null) return PmsErrors.PartnerNotFound(partnerId);
        if (!string.Equals(partner.Type, "Auth_Partner", StringComparison.OrdinalIgnoreCase)) return PmsErrors.NotAuthPartner(partner.Type);
        if (line.ChecksPartnerActive && !partner.Active) return PmsErrors.PartnerInactive;

        var policy = _directory.Policy(r.Text("policyId")!);
        if (policy is null) return PmsErrors.PolicyNotFound;
        if (policy.Type != "Auth") return PmsErrors.PolicyTypeMismatch;
        var mappings = _directory.Mappings(partner.Id, policy.Id);
        if (mappings.Count == 0) return PmsErrors.MappingNotFound;
        if (!IsApproved(partner, policy, mappings, line)) return PmsErrors.MappingNotApproved(line);

        var claims = PolicyDerivation.Claims(policy, config.ClaimSet);
        if (claims.Count == 0) return PmsErrors.NoUserClaims(line);
        if (PolicyDerivation.HasMandatoryAuth(policy)) return PmsErrors.MandatoryAuths(line);
        var acrs = PolicyDerivation.Acrs(policy);
        if (acrs.Count == 0) return PmsErrors.NoAcrs(line);

        var name = r.Text("name")!;
        var langMap = oauth ? r.TextMap("clientNameLangMap") : null;
        var record = new PmsClientRecord
        {
            Id = key.ClientId,
            Name = oauth ? NameWithLanguages(name, langMap!) : name,
            PolicyId = policy.Id,
            RelyingPartyId = partner.Id,
            LogoUri = r.Text("logoUri")!,
            RedirectUris = string.Join(',', r.TextList("redirectUris")!),
            PublicKey = key.StoredJson,
            Claims = claims,
            AcrValues = acrs,
            Status = "ACTIVE",
            GrantTypes = [.. r.TextList("grantTypes")!.Select(g => g ?? "")],
            ClientAuthMethods = [.. r.TextList("clientAuthMethods")!.Select(m => m ?? "")],
            CreatedAt = _runtime.Clock.GetUtcNow(),
        };

        // #16: eSignet create, errors passed through; #17: the keymanager/WebSub step; #18: save.
        var esignetError = CallEsignetCreate(record, r, name, langMap, oauth);
        if (esignetError is not null) return esignetError;
        // #17 fetches the partner certificate from keymanager by certificate_alias (pms-api.md §5.1): a partner that
        // never uploaded one fails here, after eSignet stored the client. Seed partners stand for onboarded ones.
        if (partner.CertificateAlias != PmsPartner.SeedCertificate && _keymanager.PartnerCertificate(partner.CertificateAlias) is null)
            return Onboarding.KeymanagerCertificateRules.CertificateNotFound;
        if (_faults.PublishFails(_runtime.Settings.PmsPublishFailRate)) return PmsErrors.ApiNotAccessible;
        if (!_store.TryInsert(record)) return PmsErrors.KeyAlreadyExists(line);
        return record;
    }

    // §6: 1.2.0 replaces the fields; 1.2.2 adds the inactive, partner and ownership checks and the status-only change.
    public PmsResult<PmsClientRecord> Update(string clientId, BoundFields r, bool oauth, TokenPrincipal caller)
    {
        var line = _runtime.Active.Pms;
        if (!_store.TryGet(clientId, out var existing)) return PmsErrors.ClientNotFound(line);
        var status = r.Text("status")!.ToUpperInvariant();
        var clientName = r.Text("clientName")!;
        var fullUpdate = existing with
        {
            Name = oauth ? NameWithLanguages(clientName, r.TextMap("clientNameLangMap")!) : clientName,
            LogoUri = r.Text("logoUri")!,
            RedirectUris = string.Join(',', r.TextList("redirectUris")!),
            GrantTypes = [.. r.TextList("grantTypes")!.Select(g => g ?? "")],
            ClientAuthMethods = [.. r.TextList("clientAuthMethods")!.Select(m => m ?? "")],
            Status = status,
            UpdatedAt = _runtime.Clock.GetUtcNow(),
        };

        PmsClientRecord updated;
        if (line.RejectsUpdateOfInactiveClient)
        {
            if (existing.Status == "INACTIVE") return PmsErrors.ClientDeactivated;
            var partner = _directory.Partner(existing.RelyingPartyId);
            if (partner is null) return PmsErrors.PartnerNotFound(existing.RelyingPartyId);
            if (OwnershipError(caller, partner, PmsErrors.NotOwnerUpdate) is { } ownership) return ownership;
            var statusChanges = status != existing.Status;
            if ((!caller.IsPartnerAdmin || !statusChanges) && !partner.Active) return PmsErrors.PartnerInactive;
            updated = statusChanges ? existing with { Status = status, UpdatedAt = fullUpdate.UpdatedAt } : fullUpdate;
        }
        else
        {
            updated = fullUpdate;
        }

        // PMS ignores errors[] of eSignet's PUT; only a transport failure (here: no such endpoint on the line) surfaces.
        if (!CallEsignetUpdate(updated, r, oauth)) return PmsErrors.UnableToProcess(PmsErrors.ApiAccessMessage);
        _store.Replace(updated);
        return updated;
    }

    // §7.
    public PmsResult<PmsClientRecord> Get(string clientId, TokenPrincipal caller)
    {
        var line = _runtime.Active.Pms;
        if (!_store.TryGet(clientId, out var record)) return PmsErrors.ClientNotFound(line);
        if (line.ChecksOwnership && !caller.IsPartnerAdmin)
        {
            var owned = _directory.PartnersOwnedBy(caller.UserId);
            if (owned.Count == 0) return PmsErrors.UserHasNoPartners;
            if (owned.All(p => p.Id != record.RelyingPartyId)) return PmsErrors.NotOwnerGet;
        }
        return record;
    }

    // §4.7: admins see every client, others the clients of the partners they own.
    public PmsResult<IReadOnlyList<PmsClientRecord>> List(TokenPrincipal caller)
    {
        var all = _store.Snapshot();
        if (caller.IsPartnerAdmin) return new PmsResult<IReadOnlyList<PmsClientRecord>>(all, null);
        var owned = _directory.PartnersOwnedBy(caller.UserId).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        if (owned.Count == 0) return PmsErrors.UserHasNoPartners;
        return new PmsResult<IReadOnlyList<PmsClientRecord>>(all.Where(c => owned.Contains(c.RelyingPartyId)).ToList(), null);
    }

    public PmsDirectory Directory => _directory;

    /// <summary>1.2.0: the first row, case-insensitively "approved". 1.2.2: a row for (partner.user_id, policy) with status exactly 'approved'.</summary>
    private bool IsApproved(PmsPartner partner, PmsPolicy policy, IReadOnlyList<PmsPolicyMapping> mappings, PmsLine line) =>
        line.ApprovalQueryByUserId
            ? _directory.Mappings(partner.UserId, policy.Id).Any(m => m.Status == "approved")
            : string.Equals(mappings[0].Status, "approved", StringComparison.OrdinalIgnoreCase);

    private PmsError? OwnershipError(TokenPrincipal caller, PmsPartner partner, PmsError notOwner)
    {
        if (caller.IsPartnerAdmin) return null;
        var owned = _directory.PartnersOwnedBy(caller.UserId);
        if (owned.Count == 0) return PmsErrors.UserHasNoPartners;
        return owned.Any(p => p.Id == partner.Id) ? null : notOwner;
    }

    private PmsError? CallEsignetCreate(PmsClientRecord record, BoundFields r, string name, List<KeyValuePair<string, string?>>? langMap, bool oauth)
    {
        var endpoint = oauth ? ClientEndpoint.CreateOAuthClient : ClientEndpoint.CreateOidcClient;
        if (!_runtime.Active.Esignet.Has(endpoint)) return PmsErrors.ApiNotAccessible;
        var request = new JsonObject
        {
            ["clientId"] = record.Id,
            ["clientName"] = name,
            ["publicKey"] = JsonNode.Parse(record.PublicKey),
            ["relyingPartyId"] = record.RelyingPartyId,
            ["userClaims"] = Array(record.Claims),
            ["authContextRefs"] = Array(record.AcrValues),
            ["logoUri"] = record.LogoUri,
            ["redirectUris"] = Array(r.TextList("redirectUris")!),
            ["grantTypes"] = Array(r.TextList("grantTypes")!),
            ["clientAuthMethods"] = Array(r.TextList("clientAuthMethods")!),
        };
        if (oauth) request["clientNameLangMap"] = Map(langMap!);
        var outcome = CallEsignet(endpoint, null, request, "PMS POST /v1/partnermanager/" + (oauth ? "oauth/client" : "oidc/client"));
        return outcome.Succeeded ? null : new PmsError(outcome.Errors[0].ErrorCode, outcome.Errors[0].ErrorMessage);
    }

    private bool CallEsignetUpdate(PmsClientRecord record, BoundFields r, bool oauth)
    {
        var endpoint = oauth ? ClientEndpoint.UpdateOAuthClient : ClientEndpoint.UpdateOidcClient;
        if (!_runtime.Active.Esignet.Has(endpoint)) return false;
        var request = new JsonObject
        {
            ["logoUri"] = record.LogoUri,
            ["redirectUris"] = Array(record.RedirectUris.Split(',')),
            ["status"] = record.Status,
            ["grantTypes"] = Array(record.GrantTypes),
            ["clientName"] = ClientNames.Display(record.Name),
            ["userClaims"] = Array(record.Claims),
            ["authContextRefs"] = Array(record.AcrValues),
            ["clientAuthMethods"] = Array(record.ClientAuthMethods),
        };
        if (oauth) request["clientNameLangMap"] = Map(ClientNames.Read(record.Name).Where(p => p.Key != "@none").ToList());
        CallEsignet(endpoint, record.Id, request, "PMS PUT");
        return true;
    }

    private EsignetOutcome CallEsignet(ClientEndpoint endpoint, string? clientId, JsonObject request, string route)
    {
        var body = new JsonObject { ["requestTime"] = UtcTimestamp.Now(_runtime.Clock), ["request"] = request };
        using var document = JsonDocument.Parse(body.ToJsonString());
        return _esignet.Execute(endpoint, clientId, document.RootElement, route);
    }

    /// <summary>§4.2: the language map plus "@none": name, as a JSON string.</summary>
    private static string NameWithLanguages(string name, List<KeyValuePair<string, string?>> map)
    {
        var obj = Map(map);
        obj["@none"] = name;
        return obj.ToJsonString(JsonOptions.Compact);
    }

    private static JsonObject Map(List<KeyValuePair<string, string?>> map)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in map) obj[key] = value;
        return obj;
    }

    private static JsonArray Array(IEnumerable<string?> values) => new(values.Select(v => (JsonNode?)v).ToArray());
}
