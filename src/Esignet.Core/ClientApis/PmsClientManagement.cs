using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
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
using Esignet.Core.Transport;
using Esignet.Core.Versions;

namespace Esignet.Core.ClientApis
{
    /// <summary>
    /// MOSIP Partner Management's OIDC client API (pms-api.md §3): PMS derives the Client ID from the public key and
    /// answers reads, so the server, not the ledger, is the source of a client's state.
    /// </summary>
    internal sealed class PmsClientManagement : ClientManagementApi
    {
        /// <summary>Under /v1/partnermanager/; the token travels in the Authorization cookie (pms-api.md §9.1).</summary>
        public PmsClientManagement(EsignetContext context, Uri pmsUri, PmsVersion line, HttpTransport transport)
            : base(context, pmsUri, "/v1/partnermanager/", transport, TokenPlacement.AuthorizationCookie)
        {
            Line = line;
        }

        public override ClientApi Kind => ClientApi.Pms;

        private PmsVersion Line { get; }

        /// <summary>The path after /v1/partnermanager/ for an endpoint kind: oauth/client from 1.2.2, oidc/client on every line.</summary>
        public static string PathOf(ClientEndpointKind kind) => kind == ClientEndpointKind.PmsOAuthClient ? "oauth/client" : "oidc/client";

        public override ClientEndpointKind ChooseEndpoint(ClientDefinition d) => EndpointChooser.ForPms(d, Line);

        public override string KeyFileOwner(ClientDefinition d)
        {
            return string.IsNullOrWhiteSpace(d.ClientName) ? throw new EsignetException("PMS_COR_001", EsignetErrorKind.InvalidData,
                "name is empty, so no key file name can be made for it. Nothing was written or sent.") { TargetObject = d } : d.ClientName!;
        }

        public override bool ClientIdFromKey => true;

        public override string PredictClientId(ClientDefinition d) => PmsClientId.Compute(d.PublicKey!, Line);

        public override ClientRequest CreateRequest(ClientDefinition d, ClientEndpointKind kind)
            => Request(HttpMethod.Post, PathOf(kind), () => PmsRequestBuilder.Create(d, kind));

        /// <summary>PMS has no field a create cannot carry (an encryption key is refused offline).</summary>
        public override ClientRequest? CompletionRequest(string clientId, ClientDefinition d) => null;

        /// <summary>PUT: the full state after the change (pms-api.md §4.3/4.4).</summary>
        public override ClientRequest ReplaceRequest(string clientId, ClientDefinition d, ClientEndpointKind kind)
            => Request(HttpMethod.Put, PathOf(kind) + "/" + Uri.EscapeDataString(clientId), () => PmsRequestBuilder.Update(d, kind));

        public override async Task<ClientResponse> SendAsync(ClientRequest request, CancellationToken cancel)
        {
            TransportResponse r = await Caller.SendAsync(request.Method, request.Uri, request.Render, cancel).ConfigureAwait(false);
            JsonElement response = PmsEnvelope.Read(r, request.Endpoint);
            string clientId = JsonBody.String(response, "clientId")
                ?? throw new ServerErrorException("UnexpectedResponse", "PMS answered without a clientId.", r.Status, request.Endpoint, EsignetErrorKind.ServerError);
            return new ClientResponse(clientId, JsonBody.String(response, "status"));
        }

        /// <summary>The key finds the client whatever ID was predicted: the recorded ID is the one the server answered.</summary>
        public override LedgerEntry? FindRegistration(string predictedClientId, JwkKeyPair key)
            => Ledger.FindRegisteredKey(Server, key.Thumbprint) ?? Ledger.Find(Server, predictedClientId);

        public override bool IsDuplicate(ServerErrorException e) => e.ErrorCode == "PMS_IDP_001" || e.ErrorCode == "PMS_ESI_001";

        /// <summary>
        /// PMS derives the id from the key: "key exists" means this very key is registered. Confirmed by reading it, by
        /// the derivation of every line: the server may be on another line than the one configured.
        /// </summary>
        public override async Task<ClientResponse?> FindOwnCreateAsync(ServerErrorException refusal, string clientId, JwkKeyPair key, LedgerEntry? known, CancellationToken cancel)
        {
            foreach (string candidate in PmsClientId.Candidates(key, Line))
            {
                ClientRecord? existing = await ReadAsync(candidate, cancel).ConfigureAwait(false);
                if (existing != null) return new ClientResponse(existing.ClientId, existing.Status);
            }

            return null;
        }

        public override string ExplainIdDifference(string predicted, string answered, JwkKeyPair key)
        {
            string? line = null;
            foreach (PmsVersion candidate in new[] { PmsVersion.V120, PmsVersion.V122 })
            {
                if ((candidate.IsV122OrLater || key.KeyType == "RSA") && PmsClientId.Compute(key, candidate) == answered) line = candidate.Name;
            }

            string cause = line != null
                ? $"PMS derives Client IDs as release line {line} does, not as the configured {Line} ({Context.PmsVersionFoundBy}). Connect with -PmsVersion {line}, or without -PmsVersion to let the module find the line"
                : $"PMS derived an ID that no release line the module knows would give this key (configured {Line}, {Context.PmsVersionFoundBy}); the server may run a patched build";
            return $"PMS answered Client ID '{answered}' where the module predicted '{predicted}'. The module uses and records the server's IDs (see PredictedClientId on each result). {cause}, so that predictions, and the recovery of lost answers, match this server.";
        }

        /// <summary>The server's own state (GET) merged with the changes, under PMS's PUT rules (pms-api.md §6).</summary>
        public override async Task<PreparedUpdate> PrepareUpdateAsync(string clientId, ClientChanges changes, CancellationToken cancel)
        {
            ClientRecord current = await ReadAsync(clientId, cancel).ConfigureAwait(false)
                ?? throw new EsignetException(Line.CodePrefix + "004", EsignetErrorKind.ObjectNotFound, $"PMS has no client '{clientId}'.") { TargetObject = clientId };

            // Values equal to the current ones are no change (a Get-EsignetClient record piped back in carries them).
            changes = changes with
            {
                UserClaims = changes.UserClaims != null && changes.UserClaims.SequenceEqual(current.UserClaims) ? null : changes.UserClaims,
                AuthContextRefs = changes.AuthContextRefs != null && changes.AuthContextRefs.SequenceEqual(current.AuthContextRefs) ? null : changes.AuthContextRefs,
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

            ClientDefinition stored = StoredDefinition(current) with { Status = currentStatus };
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
            return new PreparedUpdate(ClientApi.Pms, Server, clientId, ReplaceRequest(clientId, merged, kind), "Server", merged, Ledger.Find(Server, clientId));
        }

        public override async Task<ClientRecord> StateAfterUpdateAsync(PreparedUpdate update, ClientResponse answer, CancellationToken cancel)
        {
            return await GetAsync(update.ClientId, cancel).ConfigureAwait(false)
                ?? throw new EsignetException("ClientNotFound", EsignetErrorKind.ObjectNotFound, $"PMS accepted the update of '{update.ClientId}' but no longer finds the client.");
        }

        public override async Task<ClientRecord?> GetAsync(string clientId, CancellationToken cancel)
        {
            ClientRecord? record = await ReadAsync(clientId, cancel).ConfigureAwait(false);
            return record == null ? null : WithLocalKeyFiles(record);
        }

        /// <summary>
        /// Every client: PMS's list (1.2.2+, unpaged); on PMS 1.2.0/1.2.1, which cannot list, each client the ledger
        /// recorded for this PMS, read back from PMS.
        /// </summary>
        public override async Task<IReadOnlyList<ClientRecord>> ListAsync(CancellationToken cancel)
        {
            var read = new List<ClientRecord>();
            if (Line.HasOAuthClientEndpoint)
            {
                JsonElement response = await ReadAnswerAsync("oauth/client", cancel).ConfigureAwait(false);
                if (response.ValueKind == JsonValueKind.Object && response.TryGetProperty("data", out JsonElement data) && data.ValueKind == JsonValueKind.Array)
                {
                    read.AddRange(data.EnumerateArray().Select(item => WithLocalKeyFiles(ClientRecords.FromPmsListItem(item, Server))));
                }

                return read;
            }

            foreach (string id in Recorded().Select(e => e.ClientId))
            {
                ClientRecord? one = await GetAsync(id, cancel).ConfigureAwait(false);
                if (one != null) read.Add(one);
            }

            return read;
        }

        public override string NotFoundMessage(string clientId) => $"Client '{clientId}' was not found: PMS ({Server}) has no such client.";

        /// <summary>
        /// Reads a client back; null when PMS says it does not exist (PMS_IDP_004 / PMS_ESI_004). The line's own path
        /// first; when the server lacks it (a line other than the configured one), the other one: GET oidc/client/{id}
        /// exists on every line, oauth/client/{id} from 1.2.2 (pms-api.md §3).
        /// </summary>
        private async Task<ClientRecord?> ReadAsync(string clientId, CancellationToken cancel)
        {
            ClientEndpointKind first = Line.HasOAuthClientEndpoint ? ClientEndpointKind.PmsOAuthClient : ClientEndpointKind.PmsOidcClient;
            try
            {
                return await ReadAsync(first, clientId, cancel).ConfigureAwait(false);
            }
            catch (ServerErrorException e) when (e.ErrorId == "EndpointNotFound")
            {
                return await ReadAsync(first == ClientEndpointKind.PmsOidcClient ? ClientEndpointKind.PmsOAuthClient : ClientEndpointKind.PmsOidcClient, clientId, cancel).ConfigureAwait(false);
            }
        }

        private async Task<ClientRecord?> ReadAsync(ClientEndpointKind kind, string clientId, CancellationToken cancel)
        {
            try
            {
                return ClientRecords.FromPms(await ReadAnswerAsync(PathOf(kind) + "/" + Uri.EscapeDataString(clientId), cancel).ConfigureAwait(false), Server);
            }
            catch (ServerErrorException e) when (e.ErrorCode == "PMS_IDP_004" || e.ErrorCode == "PMS_ESI_004")
            {
                return null;
            }
        }

        /// <summary>GET <paramref name="path"/> under /v1/partnermanager/: the answer's response member (<see cref="PmsEnvelope.Read"/>).</summary>
        private async Task<JsonElement> ReadAnswerAsync(string path, CancellationToken cancel)
        {
            Uri uri = ApiUri(path);
            TransportResponse r = await Caller.SendAsync(HttpMethod.Get, uri, null, cancel).ConfigureAwait(false);
            return PmsEnvelope.Read(r, "GET " + uri.AbsolutePath);
        }

        /// <summary>The server does not know where the private key is; the ledger does.</summary>
        private ClientRecord WithLocalKeyFiles(ClientRecord record)
        {
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

        /// <summary>
        /// The stored client as a definition, the base an update merges into. Claims and ACRs stay out: PMS derives
        /// them from the partner's policy and its PUT has no such fields (pms-api.md §4.3).
        /// </summary>
        private static ClientDefinition StoredDefinition(ClientRecord r) => new ClientDefinition
        {
            ClientId = r.ClientId,
            ClientName = r.ClientName,
            LogoUri = r.LogoUri,
            RedirectUris = r.RedirectUris.ToList(),
            GrantTypes = r.GrantTypes.ToList(),
            ClientAuthMethods = r.ClientAuthMethods.ToList(),
            ClientNameLangMap = r.ClientNameLangMap?.ToDictionary(kv => kv.Key, kv => kv.Value) ?? new Dictionary<string, string>(),
            PolicyId = r.PolicyId,
            AuthPartnerId = r.RelyingPartyId,
            Status = r.Status,
            PublicKey = ClientRecords.TryKey(r.PublicJwk),
        };
    }
}
