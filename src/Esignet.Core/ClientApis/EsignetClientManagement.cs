using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Esignet.Core.Clients;
using Esignet.Core.Connection;
using Esignet.Core.Definitions;
using Esignet.Core.Errors;
using Esignet.Core.Keys;
using Esignet.Core.Ledger;
using Esignet.Core.Registration;
using Esignet.Core.Servers;
using Esignet.Core.Versions;

namespace Esignet.Core.ClientApis
{
    /// <summary>
    /// eSignet's client-management API (esignet-api.md §1): the caller names the client; there is no read endpoint
    /// (§1.3), so what the module knows of a client is what its ledger recorded (design.md decision 4).
    /// </summary>
    internal sealed class EsignetClientManagement : IClientManagementApi
    {
        private readonly EsignetContext _context;
        private readonly EsignetApiClient _client;

        public EsignetClientManagement(EsignetContext context, EsignetApiClient client, string server)
        {
            _context = context;
            _client = client;
            Server = server;
        }

        public ClientApi Kind => ClientApi.Esignet;

        public string Server { get; }

        private EsignetVersion Line => _client.Version;

        private RegistrationLedger Ledger => _context.Ledger;

        public ValidationRules Rules => _context.RulesFor(ClientApi.Esignet);

        public ClientDefinition WithDefaults(ClientDefinition d) => DefinitionDefaults.Apply(d, ClientApi.Esignet);

        public ClientEndpointKind ChooseEndpoint(ClientDefinition d) => EndpointChooser.ForEsignet(d, Line);

        public string KeyFileOwner(ClientDefinition d)
        {
            return string.IsNullOrWhiteSpace(d.ClientId) ? throw new EsignetException("invalid_client_id", EsignetErrorKind.InvalidData,
                "clientId is empty, so no key file name can be made for it. Nothing was written or sent.") { TargetObject = d } : d.ClientId!;
        }

        public bool ClientIdFromKey => false;

        public string PredictClientId(ClientDefinition d) => d.ClientId!;

        public ClientRequest CreateRequest(ClientDefinition d, ClientEndpointKind kind) => _client.CreateRequest(d, kind);

        public ClientRequest? CompletionRequest(string clientId, ClientDefinition d)
            => d.EncPublicKey == null ? null : _client.PatchRequest(clientId, new ClientChanges { EncPublicKey = d.EncPublicKey });

        public ClientRequest ReplaceRequest(string clientId, ClientDefinition d, ClientEndpointKind kind) => _client.UpdateRequest(clientId, d, kind);

        public Task<ClientResponse> SendAsync(ClientRequest request, CancellationToken cancel) => _client.SendAsync(request, cancel);

        public void BeforeNewKeyFiles() => Auth.ScopeCheck.RequireCreate(_context);

        public LedgerEntry? FindRegistration(string predictedClientId, JwkKeyPair key) => Ledger.Find(Server, predictedClientId);

        /// <summary>
        /// duplicate_client_id, or duplicate_public_key: two creates of the same row at once (the same CSV in two
        /// processes) both pass the Client ID check, and the loser hits the key's unique index, which the create
        /// reports as duplicate_public_key (DataIntegrityViolationException, ClientManagementServiceImpl.java@v1.7.1
        /// and @v1.8.0; esignet-api.md §2.8). Whether it is our own is decided by FindOwnCreateAsync, by key.
        /// </summary>
        public bool IsDuplicate(ServerErrorException e) => e.ErrorCode == "duplicate_client_id" || e.ErrorCode == "duplicate_public_key";

        /// <summary>
        /// Our own create, whose answer was lost: an earlier attempt of this request (the connection dropped after eSignet
        /// committed), or an earlier run that stopped after sending (its Pending entry, same key). Or another process's
        /// create with this key (same CSV twice at once), recorded once its answer came. eSignet cannot be read back, so
        /// this evidence is the best there is.
        /// </summary>
        public async Task<ClientResponse?> FindOwnCreateAsync(ServerErrorException refusal, string clientId, JwkKeyPair key, LedgerEntry? known, CancellationToken cancel)
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
                if (now != null && ClientQueryService.IsRegistered(now) && now.KeyThumbprint == key.Thumbprint)
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

        public string ExplainIdDifference(string predicted, string answered, JwkKeyPair key)
            => $"eSignet answered Client ID '{answered}' for the requested '{predicted}'. The module reports and records the server's ID.";

        /// <summary>
        /// eSignet 1.8+: PATCH with only the changed fields. Older lines have only a full PUT, which replaces every field
        /// (and, on the wrong endpoint, drops the language map or the additionalConfig: esignet-api.md §2.4), so it is
        /// built from the ledger's state merged with the changes and refused when the ledger does not know the client.
        /// </summary>
        public Task<PreparedUpdate> PrepareUpdateAsync(string clientId, ClientChanges changes, CancellationToken cancel)
        {
            LedgerEntry? known = Ledger.Find(Server, clientId);
            if (known != null && (!ClientQueryService.IsRegistered(known) || known.Api != nameof(ClientApi.Esignet))) known = null;

            ClientDefinition? merged = known == null ? null : ClientMerge.Apply(FromLedger(known), changes);
            if (merged == null && !Line.HasPatch)
            {
                throw new EsignetException("ClientStateUnknown", EsignetErrorKind.ObjectNotFound,
                    $"eSignet {Line} can only replace a client as a whole (PUT), and eSignet cannot be asked for a client's current state. " +
                    $"The ledger ({_context.LedgerPath}) has no registration of '{clientId}' on {Server}, so the module would have to guess every other field. " +
                    "Register it with this module, use the ledger of the machine that did, or connect to eSignet 1.8+ (PATCH).") { TargetObject = clientId };
            }

            // Without the current state (a PATCH of a client the ledger does not know), only the changed fields can be checked.
            Validate(merged ?? ClientMerge.Apply(Placeholder(clientId), changes), changes, partial: merged == null);
            if (!Line.HasPatch)
            {
                ClientEndpointKind kind = ChooseEndpoint(merged!);
                return Task.FromResult(new PreparedUpdate(ClientApi.Esignet, Server, clientId, _client.UpdateRequest(clientId, merged!, kind), "Ledger", merged, known));
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
                        $"eSignet {Line} keeps a client's display name on a change of clientNameLangMap only when clientName is sent with it, and the ledger ({_context.LedgerPath}) " +
                        $"does not know the current name of '{clientId}'. Give -ClientName with the name the client should keep.") { TargetObject = clientId },
                };
            }

            return Task.FromResult(new PreparedUpdate(ClientApi.Esignet, Server, clientId, _client.PatchRequest(clientId, patch), merged == null ? "None" : "Ledger", merged, known));
        }

        private void Validate(ClientDefinition merged, ClientChanges changes, bool partial)
        {
            List<ValidationIssue> errors = ClientMerge.Errors(merged, Rules, ChooseEndpoint(merged), changes, partial);

            // Update differs from create in one rule: up to 1.7 an update needs at least one claim (esignet-api.md §2.4).
            if (merged.UserClaims.Count == 0 && !Line.UpdateAllowsEmptyClaims && (!partial || changes.UserClaims != null))
                errors.Add(new ValidationIssue("userClaims", ValidationCodes.InvalidClaim, ValidationSeverity.Error, $"eSignet {Line} needs at least one claim on update (an empty list is allowed from 1.8).", ValidationRuleNames.MinCount, null));
            if (errors.Count > 0) throw new ValidationFailedException(errors);
        }

        public Task<ClientRecord> StateAfterUpdateAsync(PreparedUpdate update, ClientResponse answer, CancellationToken cancel)
        {
            LedgerEntry? now = Ledger.Find(Server, update.ClientId);
            return Task.FromResult(now != null && update.Merged != null
                ? ClientRecords.FromLedger(now)
                : new ClientRecord { ClientId = update.ClientId, Status = answer.Status, Source = "Server", Api = nameof(ClientApi.Esignet), Server = Server });
        }

        public Task<ClientRecord?> GetAsync(string clientId, CancellationToken cancel)
        {
            LedgerEntry? entry = Ledger.Find(Server, clientId);
            return Task.FromResult(entry == null || !IsOurs(entry) ? null : ClientRecords.FromLedger(entry));
        }

        public Task<IReadOnlyList<ClientRecord>> ListAsync(CancellationToken cancel)
            => Task.FromResult<IReadOnlyList<ClientRecord>>(Ledger.All(Server).Where(IsOurs).Select(ClientRecords.FromLedger).ToList());

        public string NotFoundMessage(string clientId)
            => $"Client '{clientId}' was not found: eSignet cannot be asked for clients, and the ledger ({_context.LedgerPath}) has no registration of it on {Server}.";

        /// <summary>Registered through eSignet (eSignet and PMS may share a base address behind one ingress).</summary>
        private static bool IsOurs(LedgerEntry e) => ClientQueryService.IsRegistered(e) && string.Equals(e.Api, nameof(ClientApi.Esignet), StringComparison.OrdinalIgnoreCase);

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
