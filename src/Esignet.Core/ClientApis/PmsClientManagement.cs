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
    /// MOSIP Partner Management's OIDC client API (pms-api.md §3): PMS derives the Client ID from the public key and
    /// answers reads, so the server, not the ledger, is the source of a client's state.
    /// </summary>
    internal sealed class PmsClientManagement : IClientManagementApi
    {
        private readonly EsignetContext _context;
        private readonly PmsApiClient _client;

        public PmsClientManagement(EsignetContext context, PmsApiClient client, string server)
        {
            _context = context;
            _client = client;
            Server = server;
        }

        public ClientApi Kind => ClientApi.Pms;

        public string Server { get; }

        private PmsVersion Line => _client.Version;

        private RegistrationLedger Ledger => _context.Ledger;

        public ValidationRules Rules => _context.RulesFor(ClientApi.Pms);

        public ClientDefinition WithDefaults(ClientDefinition d) => DefinitionDefaults.Apply(d, ClientApi.Pms);

        public ClientEndpointKind ChooseEndpoint(ClientDefinition d) => EndpointChooser.ForPms(d, Line);

        public string KeyFileOwner(ClientDefinition d)
        {
            return string.IsNullOrWhiteSpace(d.ClientName) ? throw new EsignetException("PMS_COR_001", EsignetErrorKind.InvalidData,
                "name is empty, so no key file name can be made for it. Nothing was written or sent.") { TargetObject = d } : d.ClientName!;
        }

        public bool ClientIdFromKey => true;

        public string PredictClientId(ClientDefinition d) => PmsClientId.Compute(d.PublicKey!, Line);

        public ClientRequest CreateRequest(ClientDefinition d, ClientEndpointKind kind) => _client.CreateRequest(d, kind);

        /// <summary>PMS has no field a create cannot carry (an encryption key is refused offline).</summary>
        public ClientRequest? CompletionRequest(string clientId, ClientDefinition d) => null;

        public ClientRequest ReplaceRequest(string clientId, ClientDefinition d, ClientEndpointKind kind) => _client.UpdateRequest(clientId, d, kind);

        public Task<ClientResponse> SendAsync(ClientRequest request, CancellationToken cancel) => _client.SendAsync(request, cancel);

        public void BeforeNewKeyFiles()
        {
            // PMS tokens carry roles, not scopes; a missing role is PMS's own error (pms-api.md §9).
        }

        /// <summary>The key finds the client whatever ID was predicted: the recorded ID is the one the server answered.</summary>
        public LedgerEntry? FindRegistration(string predictedClientId, JwkKeyPair key)
            => Ledger.FindRegisteredKey(Server, key.Thumbprint) ?? Ledger.Find(Server, predictedClientId);

        public bool IsDuplicate(ServerErrorException e) => e.ErrorCode == "PMS_IDP_001" || e.ErrorCode == "PMS_ESI_001";

        /// <summary>
        /// PMS derives the id from the key: "key exists" means this very key is registered. Confirmed by reading it, by
        /// the derivation of every line: the server may be on another line than the one configured.
        /// </summary>
        public async Task<ClientResponse?> FindOwnCreateAsync(ServerErrorException refusal, string clientId, JwkKeyPair key, LedgerEntry? known, CancellationToken cancel)
        {
            foreach (string candidate in PmsClientId.Candidates(key, Line))
            {
                PmsClientDetails? existing = await _client.GetAsync(candidate, cancel).ConfigureAwait(false);
                if (existing != null) return new ClientResponse(existing.ClientId, existing.Status);
            }

            return null;
        }

        public string ExplainIdDifference(string predicted, string answered, JwkKeyPair key)
        {
            string? line = null;
            foreach (PmsVersion candidate in new[] { PmsVersion.V120, PmsVersion.V122 })
            {
                if ((candidate.IsV122OrLater || key.KeyType == "RSA") && PmsClientId.Compute(key, candidate) == answered) line = candidate.Name;
            }

            string cause = line != null
                ? $"PMS derives Client IDs as release line {line} does, not as the configured {Line} ({_context.PmsVersionFoundBy}). Connect with -PmsVersion {line}, or without -PmsVersion to let the module find the line"
                : $"PMS derived an ID that no release line the module knows would give this key (configured {Line}, {_context.PmsVersionFoundBy}); the server may run a patched build";
            return $"PMS answered Client ID '{answered}' where the module predicted '{predicted}'. The module uses and records the server's IDs (see PredictedClientId on each result). {cause}, so that predictions, and the recovery of lost answers, match this server.";
        }

        /// <summary>The server's own state (GET) merged with the changes, under PMS's PUT rules (pms-api.md §6).</summary>
        public async Task<PreparedUpdate> PrepareUpdateAsync(string clientId, ClientChanges changes, CancellationToken cancel)
        {
            PmsClientDetails current = await _client.GetAsync(clientId, cancel).ConfigureAwait(false)
                ?? throw new EsignetException(Line.CodePrefix + "004", EsignetErrorKind.ObjectNotFound, $"PMS has no client '{clientId}'.") { TargetObject = clientId };

            // Values equal to the current ones are no change (a Get-EsignetClient record piped back in carries them).
            changes = changes with
            {
                UserClaims = changes.UserClaims != null && changes.UserClaims.SequenceEqual(current.Claims) ? null : changes.UserClaims,
                AuthContextRefs = changes.AuthContextRefs != null && changes.AuthContextRefs.SequenceEqual(current.AcrValues) ? null : changes.AuthContextRefs,
            };
            if (changes.UserClaims != null || changes.AuthContextRefs != null || changes.AdditionalConfigJson != null)
            {
                throw new EsignetException("FieldNotOnApi", EsignetErrorKind.InvalidArgument,
                    "PMS derives claims and ACRs from the partner's policy and has no additionalConfig; change the policy in PMS, or use -Api Esignet.") { TargetObject = clientId };
            }

            string currentStatus = (current.Status ?? "ACTIVE").ToUpperInvariant();
            if (Line.IsV122OrLater && currentStatus == "INACTIVE")
            {
                throw new EsignetException("PMS_ESI_008", EsignetErrorKind.InvalidOperation,
                    $"Client '{clientId}' is INACTIVE, and PMS {Line} can never reactivate or edit a deactivated client (pms-api.md §6). Register a new client.") { TargetObject = clientId };
            }

            bool statusChanges = changes.Status != null && changes.Status != currentStatus;
            if (Line.IsV122OrLater && statusChanges && !changes.OnlyStatus)
            {
                throw new EsignetException("StatusChangeWithOtherChanges", EsignetErrorKind.InvalidArgument,
                    $"PMS {Line} applies only the status when the status changes and silently ignores the other fields. Change the other fields first, then the status, in two calls.") { TargetObject = clientId };
            }

            ClientDefinition stored = current.ToDefinition() with { Status = currentStatus };
            ClientDefinition merged = ClientMerge.Apply(stored, changes);
            List<ValidationIssue> errors = ClientMerge.Errors(merged, Rules, ChooseEndpoint(merged), changes, partial: stored.PublicKey == null);
            if (errors.Count > 0) throw new ValidationFailedException(errors);

            // A client with a language map must be updated through /oauth/client: /oidc/client would replace the
            // stored map with the plain name (pms-api.md §4.2, §6).
            if (changes.ClientNameLangMap != null && !Line.HasOAuthClientEndpoint)
            {
                throw new EsignetException("EndpointNotOnLine", EsignetErrorKind.InvalidOperation, $"Changing the language map needs PMS /oauth/client, which PMS {Line} lacks.");
            }

            ClientEndpointKind kind = merged.ClientNameLangMap.Count > 0 && Line.HasOAuthClientEndpoint ? ClientEndpointKind.PmsOAuthClient : ClientEndpointKind.PmsOidcClient;
            return new PreparedUpdate(ClientApi.Pms, Server, clientId, _client.UpdateRequest(clientId, merged, kind), "Server", merged, Ledger.Find(Server, clientId));
        }

        public async Task<ClientRecord> StateAfterUpdateAsync(PreparedUpdate update, ClientResponse answer, CancellationToken cancel)
        {
            return await GetAsync(update.ClientId, cancel).ConfigureAwait(false)
                ?? throw new EsignetException("ClientNotFound", EsignetErrorKind.ObjectNotFound, $"PMS accepted the update of '{update.ClientId}' but no longer finds the client.");
        }

        public async Task<ClientRecord?> GetAsync(string clientId, CancellationToken cancel)
        {
            PmsClientDetails? details = await _client.GetAsync(clientId, cancel).ConfigureAwait(false);
            return details == null ? null : WithLocalKeyFiles(details);
        }

        /// <summary>
        /// Every client: PMS's list (1.2.2+); on PMS 1.2.0/1.2.1, which cannot list, each client the ledger recorded
        /// for this PMS, read back from PMS.
        /// </summary>
        public async Task<IReadOnlyList<ClientRecord>> ListAsync(CancellationToken cancel)
        {
            if (Line.HasOAuthClientEndpoint)
            {
                IReadOnlyList<PmsClientDetails> list = await _client.ListAsync(cancel).ConfigureAwait(false);
                return list.Select(WithLocalKeyFiles).ToList();
            }

            var read = new List<ClientRecord>();
            foreach (string id in Ledger.All(Server).Where(e => ClientQueryService.IsRegistered(e) && string.Equals(e.Api, nameof(ClientApi.Pms), StringComparison.OrdinalIgnoreCase)).Select(e => e.ClientId))
            {
                ClientRecord? one = await GetAsync(id, cancel).ConfigureAwait(false);
                if (one != null) read.Add(one);
            }

            return read;
        }

        public string NotFoundMessage(string clientId) => $"Client '{clientId}' was not found: PMS ({Server}) has no such client.";

        /// <summary>The server does not know where the private key is; the ledger does.</summary>
        private ClientRecord WithLocalKeyFiles(PmsClientDetails details)
        {
            ClientRecord record = ClientRecords.FromPms(details, Server);
            LedgerEntry? local = Ledger.Find(Server, record.ClientId);
            if (local != null)
            {
                record.KeyId = local.KeyId;
                record.KeyThumbprint = local.KeyThumbprint;
                record.PrivateKeyPemPath = local.PrivateKeyPemPath;
                record.PrivateJwkPath = local.PrivateJwkPath;
                record.PublicJwkPath = local.PublicJwkPath;
            }

            return record;
        }
    }
}
