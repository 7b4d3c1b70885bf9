using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Esignet.Core.Connection;
using Esignet.Core.Definitions;
using Esignet.Core.Errors;
using Esignet.Core.Keys;
using Esignet.Core.Ledger;
using Esignet.Core.Registration;
using Esignet.Core.Servers;
using Esignet.Core.Versions;

namespace Esignet.Core.Clients
{
    /// <summary>
    /// Changes registered clients (issue 4). eSignet 1.8+: PATCH with only the changed fields. Older eSignet lines
    /// have only a full PUT, which replaces every field (and, on the wrong endpoint, drops the language map or the
    /// additionalConfig: esignet-api.md §2.4), so it is built from the ledger's state merged with the changes and
    /// refused when the ledger does not know the client. PMS: the server's own state (GET) merged with the changes,
    /// under PMS's PUT rules (pms-api.md §6).
    /// </summary>
    public sealed class ClientUpdateService
    {
        private readonly EsignetContext _context;
        private readonly ClientQueryService _query;

        public ClientUpdateService(EsignetContext context)
        {
            _context = context;
            _query = new ClientQueryService(context);
        }

        /// <summary>Reads the current state, merges, validates and builds the request. Sends nothing.</summary>
        public async Task<PreparedUpdate> PrepareAsync(string clientId, ClientApi api, ClientChanges changes, CancellationToken cancel)
        {
            if (string.IsNullOrWhiteSpace(clientId))
                throw new EsignetException("invalid_client_id", EsignetErrorKind.InvalidArgument, "A client id is required.");
            if (changes.OnlyStatus && changes.Status == null)
                throw new EsignetException("NothingToChange", EsignetErrorKind.InvalidArgument, $"No change was given for client '{clientId}'. Pass -Status or a field to change, e.g. -RedirectUri.");
            return api == ClientApi.Pms ? await PreparePmsAsync(clientId, changes, cancel).ConfigureAwait(false) : PrepareEsignet(clientId, changes);
        }

        /// <summary>Sends the update, records it in the ledger, and returns the client's new state.</summary>
        public async Task<ClientRecord> ExecuteAsync(PreparedUpdate p, CancellationToken cancel)
        {
            ClientResponse response;
            if (p.Api == ClientApi.Pms)
            {
                response = await _context.Pms!.UpdateAsync(p.ClientId, p.Merged!, p.Kind, cancel).ConfigureAwait(false);
            }
            else if (p.Patch != null)
            {
                response = await _context.Esignet!.PatchAsync(p.ClientId, p.Patch, cancel).ConfigureAwait(false);
            }
            else
            {
                response = await _context.Esignet!.UpdateAsync(p.ClientId, p.Merged!, p.Kind, cancel).ConfigureAwait(false);
            }

            if (p.Merged != null)
            {
                p.Merged.Status = response.Status ?? p.Merged.Status;
                RecordUpdate(p, response.Status);
            }

            if (p.Api == ClientApi.Pms)
            {
                return await _query.GetAsync(p.ClientId, ClientApi.Pms, cancel).ConfigureAwait(false)
                    ?? throw new EsignetException("ClientNotFound", EsignetErrorKind.ObjectNotFound, $"PMS accepted the update of '{p.ClientId}' but no longer finds the client.");
            }

            LedgerEntry? now = _context.Ledger.Find(p.Server, p.ClientId);
            return now != null && p.Merged != null
                ? ClientRecords.FromLedger(now)
                : new ClientRecord { ClientId = p.ClientId, Status = response.Status, Source = "Server", Api = "Esignet", Server = p.Server };
        }

        private PreparedUpdate PrepareEsignet(string clientId, ClientChanges changes)
        {
            string server = _context.ServerOf(ClientApi.Esignet);
            EsignetApiClient esignet = _context.Esignet!;
            EsignetVersion line = _context.ServerVersion;
            LedgerEntry? known = _context.Ledger.Find(server, clientId);
            if (known != null && (!ClientQueryService.IsRegistered(known) || known.Api != nameof(ClientApi.Esignet))) known = null;

            ClientDefinition? merged = known == null ? null : Merge(FromLedger(known), changes);
            if (merged != null || !line.HasPatch)
            {
                if (merged == null)
                {
                    throw new EsignetException("ClientStateUnknown", EsignetErrorKind.ObjectNotFound,
                        $"eSignet {line} can only replace a client as a whole (PUT), and eSignet cannot be asked for a client's current state. " +
                        $"The ledger ({_context.LedgerPath}) has no registration of '{clientId}' on {server}, so the module would have to guess every other field. " +
                        "Register it with this module, use the ledger of the machine that did, or connect to eSignet 1.8+ (PATCH).") { TargetObject = clientId };
                }

                Validate(merged, ClientApi.Esignet, changes, partial: false);
            }

            if (line.HasPatch)
            {
                if (merged == null)
                {
                    // Without the current state only the changed fields can be checked.
                    Validate(Merge(Placeholder(clientId), changes), ClientApi.Esignet, changes, partial: true);
                }

                ClientPatch patch = ToPatch(changes);
                if (patch.ClientNameLangMap != null && patch.ClientName == null)
                {
                    // buildClient (ClientManagementServiceImpl.java@v1.8.0) takes "@none" from the stored name when no
                    // clientName is sent, and a name stored through oidc-client is plain text that does not parse as a
                    // map: "@none" becomes "" and the display name is lost. So the current name always goes along.
                    patch.ClientName = merged?.ClientName ?? throw new EsignetException("ClientNameRequired", EsignetErrorKind.InvalidArgument,
                        $"eSignet {line} keeps a client's display name on a change of clientNameLangMap only when clientName is sent with it, and the ledger ({_context.LedgerPath}) " +
                        $"does not know the current name of '{clientId}'. Give -ClientName with the name the client should keep.") { TargetObject = clientId };
                }

                string path = "PATCH /v1/esignet/client-mgmt/client/" + clientId;
                return new PreparedUpdate(ClientApi.Esignet, server, clientId, path, EsignetRequestBuilder.Patch(patch), merged == null ? "None" : "Ledger")
                {
                    Patch = patch, Merged = merged, Base = known, Kind = ClientEndpointKind.Client,
                };
            }

            ClientEndpointKind kind = EndpointChooser.Choose(merged!, ClientApi.Esignet, line, _context.PmsLine);
            string put = "PUT /v1/esignet/" + EsignetApiClient.PathOf(kind) + "/" + clientId;
            return new PreparedUpdate(ClientApi.Esignet, server, clientId, put, EsignetRequestBuilder.Update(merged!, kind), "Ledger")
            {
                Merged = merged, Base = known, Kind = kind,
            };
        }

        private async Task<PreparedUpdate> PreparePmsAsync(string clientId, ClientChanges changes, CancellationToken cancel)
        {
            string server = _context.ServerOf(ClientApi.Pms);
            PmsClientDetails current = await _context.Pms!.GetAsync(clientId, cancel).ConfigureAwait(false)
                ?? throw new EsignetException(_context.PmsLine.CodePrefix + "004", EsignetErrorKind.ObjectNotFound, $"PMS has no client '{clientId}'.") { TargetObject = clientId };

            // Values equal to the current ones are no change (a Get-EsignetClient record piped back in carries them).
            if (changes.UserClaims != null && changes.UserClaims.SequenceEqual(current.Claims)) changes.UserClaims = null;
            if (changes.AuthContextRefs != null && changes.AuthContextRefs.SequenceEqual(current.AcrValues)) changes.AuthContextRefs = null;
            if (changes.UserClaims != null || changes.AuthContextRefs != null || changes.AdditionalConfigJson != null)
            {
                throw new EsignetException("FieldNotOnApi", EsignetErrorKind.InvalidArgument,
                    "PMS derives claims and ACRs from the partner's policy and has no additionalConfig; change the policy in PMS, or use -Api Esignet.") { TargetObject = clientId };
            }
            string currentStatus = (current.Status ?? "ACTIVE").ToUpperInvariant();
            if (_context.PmsLine.IsV122OrLater && currentStatus == "INACTIVE")
            {
                throw new EsignetException("PMS_ESI_008", EsignetErrorKind.InvalidOperation,
                    $"Client '{clientId}' is INACTIVE, and PMS {_context.PmsLine} can never reactivate or edit a deactivated client (pms-api.md §6). Register a new client.") { TargetObject = clientId };
            }

            bool statusChanges = changes.Status != null && changes.Status != currentStatus;
            if (_context.PmsLine.IsV122OrLater && statusChanges && !changes.OnlyStatus)
            {
                throw new EsignetException("StatusChangeWithOtherChanges", EsignetErrorKind.InvalidArgument,
                    $"PMS {_context.PmsLine} applies only the status when the status changes and silently ignores the other fields. Change the other fields first, then the status, in two calls.") { TargetObject = clientId };
            }

            ClientRecords.SplitName(current.Name, out string? name, out Dictionary<string, string>? map);
            var baseDefinition = new ClientDefinition
            {
                ClientId = clientId,
                ClientName = name,
                LogoUri = current.LogoUri,
                RedirectUris = current.RedirectUris.ToList(),
                GrantTypes = current.GrantTypes.ToList(),
                ClientAuthMethods = current.ClientAuthMethods.ToList(),
                ClientNameLangMap = map ?? new Dictionary<string, string>(),
                PolicyId = current.PolicyId,
                AuthPartnerId = current.RelyingPartyId,
                Status = currentStatus,
                PublicKey = TryKey(current.PublicKey),
            };
            ClientDefinition merged = Merge(baseDefinition, changes);
            Validate(merged, ClientApi.Pms, changes, partial: baseDefinition.PublicKey == null);
            // A client with a language map must be updated through /oauth/client: /oidc/client would replace the
            // stored map with the plain name (pms-api.md §4.2, §6).
            ClientEndpointKind kind = merged.ClientNameLangMap.Count > 0 && _context.PmsLine.HasOAuthClientEndpoint ? ClientEndpointKind.PmsOAuthClient : ClientEndpointKind.PmsOidcClient;
            if (changes.ClientNameLangMap != null && !_context.PmsLine.HasOAuthClientEndpoint)
            {
                throw new EsignetException("EndpointNotOnLine", EsignetErrorKind.InvalidOperation, $"Changing the language map needs PMS /oauth/client, which PMS {_context.PmsLine} lacks.");
            }

            string body = PmsApiClient.BuildUpdateBody(merged, kind);
            return new PreparedUpdate(ClientApi.Pms, server, clientId, "PUT /v1/partnermanager/" + PmsApiClient.PathOf(kind) + "/" + clientId, body, "Server")
            {
                Merged = merged, Kind = kind, Base = _context.Ledger.Find(server, clientId),
            };
        }

        private void Validate(ClientDefinition merged, ClientApi api, ClientChanges changes, bool partial)
        {
            ClientEndpointKind kind = EndpointChooser.Choose(merged, api, _context.ServerVersion, _context.PmsLine);
            ValidationRules rules = _context.RulesFor(api);
            rules.AllowWeakRsaKeys = true; // the registered key, which an update cannot change: not a key entering the module
            IEnumerable<ValidationIssue> issues = DefinitionValidator.Validate(merged, rules, kind).Where(i => i.IsError);
            var changed = ChangedFields(changes, api);
            if (partial) issues = issues.Where(i => changed.Any(f => i.Field == f || i.Field.StartsWith(f + "[", StringComparison.Ordinal) || i.Field.StartsWith(f + ".", StringComparison.Ordinal)));

            var errors = issues.ToList();

            // Update differs from create in one rule: up to 1.7 an update needs at least one claim (esignet-api.md §2.4).
            if (api == ClientApi.Esignet && merged.UserClaims.Count == 0 && !_context.ServerVersion.UpdateAllowsEmptyClaims && (!partial || changes.UserClaims != null))
                errors.Add(new ValidationIssue("userClaims", ValidationCodes.InvalidClaim, ValidationSeverity.Error, $"eSignet {_context.ServerVersion} needs at least one claim on update (an empty list is allowed from 1.8).", ValidationRuleNames.MinCount, null));
            if (errors.Count > 0) throw new ValidationFailedException(errors);
        }

        private static List<string> ChangedFields(ClientChanges c, ClientApi api)
        {
            var f = new List<string>();
            if (c.ClientName != null) f.Add(api == ClientApi.Pms ? "name" : "clientName");
            if (c.LogoUri != null) f.Add("logoUri");
            if (c.RedirectUris != null) f.Add("redirectUris");
            if (c.GrantTypes != null) f.Add("grantTypes");
            if (c.ClientAuthMethods != null) f.Add("clientAuthMethods");
            if (c.UserClaims != null) f.Add("userClaims");
            if (c.AuthContextRefs != null) f.Add("authContextRefs");
            if (c.ClientNameLangMap != null) f.Add("clientNameLangMap");
            if (c.AdditionalConfigJson != null) f.Add("additionalConfig");
            return f;
        }

        private static ClientDefinition Merge(ClientDefinition d, ClientChanges c)
        {
            if (c.ClientName != null) d.ClientName = c.ClientName;
            if (c.LogoUri != null) d.LogoUri = c.LogoUri;
            if (c.RedirectUris != null) d.RedirectUris = c.RedirectUris;
            if (c.GrantTypes != null) d.GrantTypes = c.GrantTypes;
            if (c.ClientAuthMethods != null) d.ClientAuthMethods = c.ClientAuthMethods;
            if (c.UserClaims != null) d.UserClaims = c.UserClaims;
            if (c.AuthContextRefs != null) d.AuthContextRefs = c.AuthContextRefs;
            if (c.ClientNameLangMap != null) d.ClientNameLangMap = c.ClientNameLangMap;
            if (c.AdditionalConfigJson != null) d.AdditionalConfigJson = c.AdditionalConfigJson;
            if (c.Status != null) d.Status = c.Status;
            return d;
        }

        private static ClientPatch ToPatch(ClientChanges c) => new ClientPatch
        {
            ClientName = c.ClientName,
            LogoUri = c.LogoUri,
            RedirectUris = c.RedirectUris,
            GrantTypes = c.GrantTypes,
            ClientAuthMethods = c.ClientAuthMethods,
            UserClaims = c.UserClaims,
            AuthContextRefs = c.AuthContextRefs,
            ClientNameLangMap = c.ClientNameLangMap,
            AdditionalConfigJson = c.AdditionalConfigJson,
            Status = c.Status,
        };

        private static ClientDefinition FromLedger(LedgerEntry e)
        {
            LedgerDefinition d = e.Definition ?? new LedgerDefinition();
            return new ClientDefinition
            {
                ClientId = e.ClientId,
                ClientName = d.ClientName,
                RelyingPartyId = d.RelyingPartyId,
                PublicKey = TryKey(d.PublicJwk),
                LogoUri = d.LogoUri,
                RedirectUris = d.RedirectUris.ToList(),
                GrantTypes = d.GrantTypes.ToList(),
                ClientAuthMethods = d.ClientAuthMethods.ToList(),
                UserClaims = d.UserClaims.ToList(),
                AuthContextRefs = d.AuthContextRefs.ToList(),
                ClientNameLangMap = new Dictionary<string, string>(d.ClientNameLangMap),
                AdditionalConfigJson = d.AdditionalConfigJson,
                PolicyId = d.PolicyId,
                AuthPartnerId = d.AuthPartnerId,
                Status = e.Status ?? "ACTIVE",
            };
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

        private static JwkKeyPair? TryKey(string? jwk)
        {
            if (string.IsNullOrWhiteSpace(jwk)) return null;
            try
            {
                return KeyFactory.FromJwk(jwk!);
            }
            catch (EsignetException)
            {
                return null;
            }
        }

        private void RecordUpdate(PreparedUpdate p, string? status)
        {
            ClientDefinition d = p.Merged!;
            LedgerEntry? b = p.Base;
            _context.Ledger.Append(new LedgerEntry
            {
                Time = DateTimeOffset.UtcNow,
                Outcome = "Updated",
                Server = p.Server,
                Api = p.Api.ToString(),
                Endpoint = p.Endpoint,
                ClientId = p.ClientId,
                Status = status ?? d.Status,
                KeyThumbprint = b?.KeyThumbprint ?? d.PublicKey?.Thumbprint,
                KeyId = b?.KeyId ?? d.PublicKey?.KeyId,
                PrivateKeyPemPath = b?.PrivateKeyPemPath,
                PrivateJwkPath = b?.PrivateJwkPath,
                PublicJwkPath = b?.PublicJwkPath,
                DefinitionHash = DefinitionHash.Compute(d),
                InputHash = b?.InputHash ?? b?.DefinitionHash,
                Definition = LedgerDefinition.From(d),
            });
        }
    }
}
