using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Esignet.Core.Auth;
using Esignet.Core.Clients;
using Esignet.Core.Connection;
using Esignet.Core.Definitions;
using Esignet.Core.Errors;
using Esignet.Core.Keys;
using Esignet.Core.Ledger;
using Esignet.Core.Registration;
using Esignet.Core.Servers;
using Esignet.Core.Transport;
using Esignet.Core.Versions;

namespace Esignet.Core.ClientApis
{
    /// <summary>
    /// eSignet's client-management API (esignet-api.md §1): the caller names the client; there is no read endpoint
    /// (§1.3), so what the module knows of a client is what its ledger recorded (design.md decision 4).
    /// </summary>
    internal sealed class EsignetClientManagement : ClientManagementApi
    {
        /// <summary>Under /v1/esignet/; the token travels as a bearer header.</summary>
        public EsignetClientManagement(EsignetContext context, Uri serverUri, EsignetVersion line, HttpTransport transport)
            : base(context, serverUri, "/v1/esignet/", transport, TokenPlacement.BearerHeader)
        {
            Line = line;
        }

        public override ClientApi Kind => ClientApi.Esignet;

        private EsignetVersion Line { get; }

        /// <summary>The path after /v1/esignet/ for an endpoint kind.</summary>
        public static string PathOf(ClientEndpointKind kind)
        {
            switch (kind)
            {
                case ClientEndpointKind.OidcClient: return "client-mgmt/oidc-client";
                case ClientEndpointKind.OAuthClient: return "client-mgmt/oauth-client";
                case ClientEndpointKind.Client: return "client-mgmt/client";
                default: throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an eSignet endpoint");
            }
        }

        public override ClientEndpointKind ChooseEndpoint(ClientDefinition d) => EndpointChooser.ForEsignet(d, Line);

        public override string KeyFileOwner(ClientDefinition d)
        {
            return string.IsNullOrWhiteSpace(d.ClientId) ? throw new EsignetException("invalid_client_id", EsignetErrorKind.InvalidData,
                "clientId is empty, so no key file name can be made for it. Nothing was written or sent.") { TargetObject = d } : d.ClientId!;
        }

        public override bool ClientIdFromKey => false;

        public override string PredictClientId(ClientDefinition d) => d.ClientId!;

        public override ClientRequest CreateRequest(ClientDefinition d, ClientEndpointKind kind)
            => Request(HttpMethod.Post, PathOf(kind), () => EsignetRequestBuilder.Create(d, kind), ScopeCheck.Create);

        public override ClientRequest? CompletionRequest(string clientId, ClientDefinition d)
            => d.EncPublicKey == null ? null : PatchRequest(clientId, new ClientChanges { EncPublicKey = d.EncPublicKey });

        /// <summary>PUT: replaces every field (esignet-api.md §2.4).</summary>
        public override ClientRequest ReplaceRequest(string clientId, ClientDefinition d, ClientEndpointKind kind)
            => Request(HttpMethod.Put, PathOf(kind) + "/" + Uri.EscapeDataString(clientId), () => EsignetRequestBuilder.Update(d, kind), ScopeCheck.Update);

        /// <summary>PATCH (1.8+): only the patch's non-null members (esignet-api.md §2.7).</summary>
        private ClientRequest PatchRequest(string clientId, ClientChanges patch)
            => Request(new HttpMethod("PATCH"), PathOf(ClientEndpointKind.Client) + "/" + Uri.EscapeDataString(clientId), () => EsignetRequestBuilder.Patch(patch), ScopeCheck.Update);

        public override async Task<ClientResponse> SendAsync(ClientRequest request, CancellationToken cancel)
        {
            TransportResponse r = await Caller.SendAsync(request.Method, request.Uri, request.Render, cancel, request.RequiredScope).ConfigureAwait(false);
            return EsignetEnvelope.Read(r, request.Endpoint, Caller.ClockSkew);
        }

        public override void BeforeNewKeyFiles() => ScopeCheck.RequireCreate(Context);

        public override LedgerEntry? FindRegistration(string predictedClientId, JwkKeyPair key) => Ledger.Find(Server, predictedClientId);

        /// <summary>
        /// duplicate_client_id, or duplicate_public_key: two creates of the same row at once (the same CSV in two
        /// processes) both pass the Client ID check, and the loser hits the key's unique index, which the create
        /// reports as duplicate_public_key (DataIntegrityViolationException, ClientManagementServiceImpl.java@v1.7.1
        /// and @v1.8.0; esignet-api.md §2.8). Whether it is our own is decided by FindOwnCreateAsync, by key.
        /// </summary>
        public override bool IsDuplicate(ServerErrorException e) => e.ErrorCode == "duplicate_client_id" || e.ErrorCode == "duplicate_public_key";

        /// <summary>
        /// Our own create, whose answer was lost: an earlier attempt of this request (the connection dropped after eSignet
        /// committed), or an earlier run that stopped after sending (its Pending entry, same key). Or another process's
        /// create with this key (same CSV twice at once), recorded once its answer came. eSignet cannot be read back, so
        /// this evidence is the best there is.
        /// </summary>
        public override async Task<ClientResponse?> FindOwnCreateAsync(ServerErrorException refusal, string clientId, JwkKeyPair key, LedgerEntry? known, CancellationToken cancel)
        {
            bool ours = refusal.AfterLostAnswer || known != null && known.Outcome == "Pending" && known.KeyThumbprint == key.Thumbprint
                || await RegisteredWithKeyAsync(clientId, key, cancel).ConfigureAwait(false);
            return ours ? new ClientResponse(clientId, "ACTIVE") : null;
        }

        /// <summary>
        /// True when the ledger (re-read) records the client as registered with this key. While the latest entry is
        /// a Pending one with this key, another process may have this very create in flight (the same CSV run twice
        /// at once) and record its outcome when its answer comes: wait for that, a few seconds at most.
        /// </summary>
        private async Task<bool> RegisteredWithKeyAsync(string clientId, JwkKeyPair key, CancellationToken cancel)
        {
            for (int attempt = 0; ; attempt++)
            {
                LedgerEntry? now = Ledger.Find(Server, clientId);
                if (now != null && now.IsRegistered && now.KeyThumbprint == key.Thumbprint)
                {
                    return true;
                }

                if (attempt >= 50 || now == null || now.Outcome != "Pending" || now.KeyThumbprint != key.Thumbprint)
                {
                    return false;
                }

                await Task.Delay(100, cancel).ConfigureAwait(false);
            }
        }

        public override string ExplainIdDifference(string predicted, string answered, JwkKeyPair key)
            => $"eSignet answered Client ID '{answered}' for the requested '{predicted}'. The module reports and records the server's ID.";

        /// <summary>
        /// eSignet 1.8+: PATCH with only the changed fields. Older lines have only a full PUT, which replaces every field
        /// (and, on the wrong endpoint, drops the language map or the additionalConfig: esignet-api.md §2.4), so it is
        /// built from the ledger's state merged with the changes and refused when the ledger does not know the client.
        /// </summary>
        public override Task<PreparedUpdate> PrepareUpdateAsync(string clientId, ClientChanges changes, CancellationToken cancel)
        {
            LedgerEntry? known = Ledger.Find(Server, clientId);
            if (known != null && (!known.IsRegistered || known.Api != nameof(ClientApi.Esignet))) known = null;

            ClientDefinition? merged = known == null ? null : ClientMerge.Apply(FromLedger(known), changes);
            if (merged == null && !Line.HasPatch)
            {
                throw new EsignetException("ClientStateUnknown", EsignetErrorKind.ObjectNotFound,
                    $"eSignet {Line} can only replace a client as a whole (PUT), and eSignet cannot be asked for a client's current state. " +
                    $"The ledger ({Context.LedgerPath}) has no registration of '{clientId}' on {Server}, so the module would have to guess every other field. " +
                    "Register it with this module, use the ledger of the machine that did, or connect to eSignet 1.8+ (PATCH).") { TargetObject = clientId };
            }

            // Without the current state (a PATCH of a client the ledger does not know), only the changed fields can be checked.
            Validate(merged ?? ClientMerge.Apply(Placeholder(clientId), changes), changes, partial: merged == null);
            if (!Line.HasPatch)
            {
                ClientEndpointKind kind = ChooseEndpoint(merged!);
                return Task.FromResult(new PreparedUpdate(ClientApi.Esignet, Server, clientId, ReplaceRequest(clientId, merged!, kind), "Ledger", merged, known));
            }

            ClientChanges patch = changes;
            if (changes.ClientNameLangMap != null && changes.ClientName == null)
            {
                // buildClient (ClientManagementServiceImpl.java@v1.8.0) takes "@none" from the stored name when no
                // clientName is sent, and a name stored through oidc-client is plain text that does not parse as a
                // map: "@none" becomes "" and the display name is lost. So the current name always goes along.
                patch = changes with
                {
                    ClientName = merged?.ClientName ?? throw new EsignetException("ClientNameRequired", EsignetErrorKind.InvalidArgument,
                        $"eSignet {Line} keeps a client's display name on a change of clientNameLangMap only when clientName is sent with it, and the ledger ({Context.LedgerPath}) " +
                        $"does not know the current name of '{clientId}'. Give -ClientName with the name the client should keep.") { TargetObject = clientId },
                };
            }

            return Task.FromResult(new PreparedUpdate(ClientApi.Esignet, Server, clientId, PatchRequest(clientId, patch), merged == null ? "None" : "Ledger", merged, known));
        }

        private void Validate(ClientDefinition merged, ClientChanges changes, bool partial)
        {
            List<ValidationIssue> errors = ClientMerge.Errors(merged, Rules, ChooseEndpoint(merged), changes, partial);

            // Update differs from create in one rule: up to 1.7 an update needs at least one claim (esignet-api.md §2.4).
            if (merged.UserClaims.Count == 0 && !Line.UpdateAllowsEmptyClaims && (!partial || changes.UserClaims != null))
                errors.Add(new ValidationIssue("userClaims", ValidationCodes.InvalidClaim, ValidationSeverity.Error, $"eSignet {Line} needs at least one claim on update (an empty list is allowed from 1.8).", ValidationRuleNames.MinCount, null));
            if (errors.Count > 0) throw new ValidationFailedException(errors);
        }

        public override Task<ClientRecord> StateAfterUpdateAsync(PreparedUpdate update, ClientResponse answer, CancellationToken cancel)
        {
            LedgerEntry? now = Ledger.Find(Server, update.ClientId);
            return Task.FromResult(now != null && update.Merged != null
                ? ClientRecords.FromLedger(now)
                : new ClientRecord { ClientId = update.ClientId, Status = answer.Status, Source = "Server", Api = nameof(ClientApi.Esignet), Server = Server });
        }

        public override Task<ClientRecord?> GetAsync(string clientId, CancellationToken cancel)
            => Task.FromResult(Ledger.Find(Server, clientId) is LedgerEntry entry && IsRecorded(entry) ? ClientRecords.FromLedger(entry) : null);

        public override Task<IReadOnlyList<ClientRecord>> ListAsync(CancellationToken cancel)
            => Task.FromResult<IReadOnlyList<ClientRecord>>(Recorded().Select(ClientRecords.FromLedger).ToList());

        public override string NotFoundMessage(string clientId)
            => $"Client '{clientId}' was not found: eSignet cannot be asked for clients, and the ledger ({Context.LedgerPath}) has no registration of it on {Server}.";

        private static ClientDefinition FromLedger(LedgerEntry e)
        {
            LedgerDefinition d = e.Definition ?? new LedgerDefinition();
            return d.ToDefinition(e.ClientId, e.Status ?? "ACTIVE");
        }

        /// <summary>A stand-in for the unknown current state of a PATCH target, so the changed fields can be checked.</summary>
        private static ClientDefinition Placeholder(string clientId) => new ClientDefinition
        {
            ClientId = clientId,
            ClientName = "placeholder",
            RelyingPartyId = "placeholder",
            LogoUri = "https://placeholder.example.org/logo.png",
            RedirectUris = new List<string> { "https://placeholder.example.org/cb" },
            GrantTypes = DefinitionDefaults.GrantTypes.ToList(),
            ClientAuthMethods = DefinitionDefaults.ClientAuthMethods.ToList(),
            AuthContextRefs = DefinitionDefaults.AuthContextRefs.ToList(),
        };
    }
}
