using System.Text.Json;
using System.Text.Json.Nodes;
using Esignet.Sandbox.Hosting;
using Esignet.Sandbox.Json;
using Esignet.Sandbox.Keys;
using Esignet.Sandbox.State;
using Esignet.Sandbox.Versions;

namespace Esignet.Sandbox.Esignet;

/// <summary>
/// eSignet's <c>ClientManagementServiceImpl</c>: create, PUT and PATCH after the wrapper and field validation
/// (esignet-api.md §2–§4). The HTTP endpoints and the sandbox's PMS both call it, so a client created through PMS
/// passes exactly the same rules (pms-api.md §5.4).
/// </summary>
public sealed class ClientManagementService
{
    private readonly SandboxRuntime _runtime;
    private readonly EsignetClientStore _store;

    public ClientManagementService(SandboxRuntime runtime, EsignetClientStore store)
    {
        _runtime = runtime;
        _store = store;
    }

    /// <summary>Handles one request body (already parsed JSON) for an endpoint available on the active line.</summary>
    public EsignetOutcome Execute(ClientEndpoint endpoint, string? pathClientId, JsonElement body, string route)
    {
        var config = _runtime.Active;
        var now = _runtime.Clock.GetUtcNow();
        var failure = EsignetRequestEnvelope.Read(body, endpoint, config, now, out var request);
        if (failure is not null) return failure;
        if (ClientRequestShapes.IsCreate(endpoint)) return Create(endpoint, request, config, now, route);
        if (!_store.TryGet(pathClientId ?? "", out var existing)) return EsignetOutcome.Failure(EsignetError.Service("invalid_client_id"));
        return endpoint == ClientEndpoint.PatchClient ? Patch(existing, request, config, now) : Update(endpoint, existing, request, config, now);
    }

    // §3.1 order: validation → duplicate clientId → JWK parse → DB insert (length, then uniqueness).
    private EsignetOutcome Create(ClientEndpoint endpoint, BoundFields r, ActiveConfig config, DateTimeOffset now, string route)
    {
        var line = config.Esignet;
        var clientId = r.Text("clientId")!;
        if (_store.Contains(clientId)) return EsignetOutcome.Failure(EsignetError.Service("duplicate_client_id"));
        if (EsignetPublicKey.ServerThrowsClassCast(r.Element("publicKey")!.Value, line)) return EsignetOutcome.Failure(ClassCast());
        var key = EsignetPublicKey.Parse(r.Element("publicKey")!.Value, line);
        if (key is null) return EsignetOutcome.Failure(EsignetError.Service("invalid_public_key"));

        var record = new EsignetClientRecord
        {
            ClientId = clientId,
            Name = ClientNames.ForWrite(endpoint, r.Text("clientName")!, r.TextMap("clientNameLangMap")),
            RelyingPartyId = r.Text("relyingPartyId")!,
            PublicKey = key.Json,
            PublicKeyType = key.Kty,
            PublicKeyModulusOrPoint = key.ModulusOrPoint,
            PublicKeyHash = key.Hash,
            LogoUri = r.Text("logoUri")!,
            RedirectUris = WithoutNulls(r.TextList("redirectUris")),
            UserClaims = WithoutNulls(r.TextList("userClaims")),
            AuthContextRefs = WithoutNulls(r.TextList("authContextRefs")),
            GrantTypes = WithoutNulls(r.TextList("grantTypes")),
            ClientAuthMethods = WithoutNulls(r.TextList("clientAuthMethods")),
            Status = "ACTIVE",
            AdditionalConfig = AdditionalConfigText(r),
            CreatedAt = now,
            CreatedThrough = route,
        };

        if (ColumnLimits.FirstOverflow(record, line) is { } column)
        {
            // §2.8: E1 (v1.4+) and E5 (v1.7+) catch DataIntegrityViolationException as duplicate_public_key.
            return EsignetOutcome.Failure(line.ReportsDataIntegrityAsDuplicateKey(endpoint)
                ? EsignetError.Service("duplicate_public_key")
                : new EsignetError("unknown_error", ColumnLimits.Message(column)));
        }

        return _store.TryInsert(record, line.KeyUniqueness) switch
        {
            InsertOutcome.Inserted => EsignetOutcome.Success(clientId, "ACTIVE"),
            InsertOutcome.DuplicateClientId => EsignetOutcome.Failure(EsignetError.Service("duplicate_client_id")),
            _ => EsignetOutcome.Failure(DuplicateKeyError(endpoint, line)),
        };
    }

    /// <summary>§3.2: per endpoint and line, duplicate_public_key or unknown_error carrying the DB message.</summary>
    private static EsignetError DuplicateKeyError(ClientEndpoint endpoint, EsignetLine line)
    {
        var code = line.DuplicateKeyErrorCode(endpoint);
        return code == "duplicate_public_key"
            ? EsignetError.Service(code)
            : new EsignetError(code, $"could not execute statement; SQL [n/a]; constraint [{line.KeyConstraintName}]; nested exception is org.hibernate.exception.ConstraintViolationException: could not execute statement");
    }

    // §2.4 PUT: full replacement; E2 flattens the name; E6 sets additionalConfig even to null; E2/E4 keep it.
    private EsignetOutcome Update(ClientEndpoint endpoint, EsignetClientRecord existing, BoundFields r, ActiveConfig config, DateTimeOffset now)
    {
        var status = r.Text("status")!;
        var updated = existing with
        {
            LogoUri = r.Text("logoUri")!,
            RedirectUris = WithoutNulls(r.TextList("redirectUris")),
            UserClaims = WithoutNulls(r.TextList("userClaims")),
            AuthContextRefs = WithoutNulls(r.TextList("authContextRefs")),
            GrantTypes = WithoutNulls(r.TextList("grantTypes")),
            ClientAuthMethods = WithoutNulls(r.TextList("clientAuthMethods")),
            Status = status,
            Name = ClientNames.ForWrite(endpoint, r.Text("clientName")!, r.TextMap("clientNameLangMap")),
            AdditionalConfig = endpoint == ClientEndpoint.UpdateClient ? AdditionalConfigText(r) : existing.AdditionalConfig,
            UpdatedAt = now,
        };
        return Store(updated, config.Esignet);
    }

    // §2.7 PATCH: only non-null members apply (additionalConfig: see below); encPublicKey validated like a public key (§3.4), never unique.
    private EsignetOutcome Patch(EsignetClientRecord existing, BoundFields r, ActiveConfig config, DateTimeOffset now)
    {
        var updated = existing with { UpdatedAt = now };
        if (r.Element("encPublicKey") is { } encJwk)
        {
            if (EsignetPublicKey.ServerThrowsClassCast(encJwk, config.Esignet)) return EsignetOutcome.Failure(ClassCast());
            var encKey = EsignetPublicKey.Parse(encJwk, config.Esignet);
            if (encKey is null) return EsignetOutcome.Failure(EsignetError.Service("invalid_public_key"));
            updated = updated with { EncPublicKey = encKey.Json, EncPublicKeyHash = encKey.Hash };
        }
        if (r.Text("logoUri") is { } logo) updated = updated with { LogoUri = logo };
        if (r.TextList("redirectUris") is { } redirects) updated = updated with { RedirectUris = WithoutNulls(redirects) };
        if (r.TextList("userClaims") is { } claims) updated = updated with { UserClaims = WithoutNulls(claims) };
        if (r.TextList("authContextRefs") is { } acrs) updated = updated with { AuthContextRefs = WithoutNulls(acrs) };
        if (r.Text("status") is { } status) updated = updated with { Status = status };
        if (r.TextList("grantTypes") is { } grants) updated = updated with { GrantTypes = WithoutNulls(grants) };
        if (r.TextList("clientAuthMethods") is { } methods) updated = updated with { ClientAuthMethods = WithoutNulls(methods) };
        if (r.HasValue("clientName") || r.HasValue("clientNameLangMap"))
            updated = updated with { Name = ClientNames.Merge(existing.Name, r.Text("clientName"), r.TextMap("clientNameLangMap")) };
        // additionalConfig is a JsonNode: Jackson binds an explicit null to NullNode, which passes the != null test of
        // buildClient (ClientManagementServiceImpl.java@v1.8.0), so "additionalConfig": null clears the stored config.
        if (r.Element("additionalConfig") is { } additional) updated = updated with { AdditionalConfig = additional.GetRawText() };
        else if (r.IsPresent("additionalConfig")) updated = updated with { AdditionalConfig = null };
        return Store(updated, config.Esignet);
    }

    private EsignetOutcome Store(EsignetClientRecord updated, EsignetLine line)
    {
        // Update paths do not catch database errors: an overflow surfaces as unknown_error (§2.8).
        if (ColumnLimits.FirstOverflow(updated, line) is { } column) return EsignetOutcome.Failure(new EsignetError("unknown_error", ColumnLimits.Message(column)));
        _store.Replace(updated);
        return EsignetOutcome.Success(updated.ClientId, updated.Status);
    }

    /// <summary>§2.1: the service removes null entries from every list before storing.</summary>
    private static List<string> WithoutNulls(List<string?>? list) => list?.Where(x => x is not null).Select(x => x!).ToList() ?? [];

    /// <summary>An uncaught ClassCastException: eSignet's handler answers unknown_error with the exception's message.</summary>
    private static EsignetError ClassCast() =>
        new("unknown_error", "class java.lang.Integer cannot be cast to class java.lang.String (java.lang.Integer and java.lang.String are in module java.base of loader 'bootstrap')");

    private static string? AdditionalConfigText(BoundFields r) => r.Element("additionalConfig")?.GetRawText();
}
