using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Esignet.Core.Connection;
using Esignet.Core.Common;
using Esignet.Core.Definitions;
using Esignet.Core.Errors;
using Esignet.Core.Keys;
using Esignet.Core.Ledger;
using Esignet.Core.Servers;

namespace Esignet.Core.Registration
{
    /// <summary>
    /// The one registration service every cmdlet shares. For each definition: defaults, key (generated and on
    /// disk before anything is sent, or reused from an earlier run), endpoint choice, local validation, ledger
    /// check (a client already registered with this key is reported, not re-created), a Pending ledger entry,
    /// the request, and the outcome recorded. Thread-safe: many definitions may be registered at once.
    /// </summary>
    public sealed class RegistrationService
    {
        private readonly EsignetContext _context;

        public RegistrationService(EsignetContext context)
        {
            _context = context;
        }

        /// <summary>Prepare and send in one go.</summary>
        public Task<RegistrationResult> RegisterAsync(ClientDefinition d, RegistrationOptions options, CancellationToken cancel)
        {
            return ExecuteAsync(Prepare(d, options), options, cancel);
        }

        /// <summary>
        /// Everything short of writing and sending: defaults, endpoint, key (an existing key file is reused; a new
        /// key is made in memory only), local validation, the Client ID and the request body. Throws
        /// <see cref="ValidationFailedException"/> when the server would refuse the definition.
        /// </summary>
        public PreparedRegistration Prepare(ClientDefinition d, RegistrationOptions options)
        {
            ClientApi api = options.Api;
            string server = _context.ServerOf(api);
            DefinitionDefaults.Apply(d, api);
            ClientEndpointKind endpoint = EndpointChooser.Choose(d, api, _context.ServerVersion, _context.PmsLine);

            KeyFileSet? newKeyFiles = null;
            if (d.PublicKey == null && options.GenerateKey)
            {
                d.PublicKey = ProvideKey(d, api, options, out newKeyFiles);
            }

            ValidationRules rules = _context.RulesFor(api);
            rules.AllowWeakRsaKeys = options.AllowWeakRsaKey;
            IReadOnlyList<ValidationIssue> issues = DefinitionValidator.Validate(d, rules, endpoint);
            List<ValidationIssue> errors = issues.Where(i => i.Severity == ValidationSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                throw new ValidationFailedException(errors);
            }

            JwkKeyPair key = d.PublicKey!;
            string clientId = api == ClientApi.Pms ? PmsClientId.Compute(key, _context.PmsLine) : d.ClientId!;
            string body = api == ClientApi.Pms ? PmsApiClient.BuildCreateBody(d, endpoint) : EsignetApiClient.BuildCreateBody(d, endpoint);
            string endpointText = api == ClientApi.Pms ? _context.Pms!.DescribeCreate(endpoint) : _context.Esignet!.DescribeCreate(endpoint);
            var warnings = issues.Where(i => i.Severity != ValidationSeverity.Error).ToList();
            return new PreparedRegistration(d, api, endpoint, server, clientId, endpointText, body, newKeyFiles, warnings);
        }

        /// <summary>
        /// Writes a new key's files (owner-only, before anything is sent), checks the ledger (a client already
        /// registered with this key is reported, not re-created), records Pending, sends, records the outcome.
        /// </summary>
        public async Task<RegistrationResult> ExecuteAsync(PreparedRegistration p, RegistrationOptions options, CancellationToken cancel)
        {
            ClientDefinition d = p.Definition;
            JwkKeyPair key = d.PublicKey!;
            if (p.Api == ClientApi.Esignet && p.NewKeyFiles != null) Auth.ScopeCheck.RequireCreate(_context); // before its key files exist
            if (p.NewKeyFiles != null && key.PrivateKeyPemPath == null)
            {
                KeyFileWriter.Write(key, p.NewKeyFiles, force: false, options.AllowSharedKeyDirectory, KeyFileAdvice.PartialSet(p.NewKeyFiles));
            }

            ClientApi api = p.Api;
            string server = p.Server;
            string clientId = p.ClientId;
            ClientEndpointKind endpoint = p.EndpointKind;
            string hash = DefinitionHash.Compute(d);
            var result = new RegistrationResult
            {
                ClientId = clientId,
                ClientName = d.ClientName,
                Api = api.ToString(),
                Endpoint = p.Endpoint,
                Server = server,
                KeyId = key.KeyId,
                KeyThumbprint = key.Thumbprint,
                PrivateKeyPemPath = key.PrivateKeyPemPath,
                PrivateJwkPath = key.PrivateJwkPath,
                PublicJwkPath = key.PublicJwkPath,
                LineNumber = d.LineNumber,
            };

            // PMS: the key finds the client whatever ID was predicted; the recorded ID is the one the server answered.
            LedgerEntry? known = (api == ClientApi.Pms ? _context.Ledger.FindRegisteredKey(server, key.Thumbprint) : null)
                ?? _context.Ledger.Find(server, clientId);
            if (known != null && Clients.ClientQueryService.IsRegistered(known))
            {
                clientId = known.ClientId;
                result.ClientId = clientId;
                if (known.KeyThumbprint != key.Thumbprint)
                {
                    throw new EsignetException("ClientIdTaken", EsignetErrorKind.ResourceExists,
                        $"Client '{clientId}' was registered on {server} with another key (thumbprint {known.KeyThumbprint}). Choose another client id; eSignet cannot change a client's key.") { TargetObject = clientId };
                }

                // The same input as registered, even when Set-EsignetClient changed the client since (InputHash).
                if (known.DefinitionHash == hash || known.InputHash == hash)
                {
                    result.Outcome = "Exists";
                    result.Status = known.Status;
                    return result;
                }

                if (!options.Update)
                {
                    result.Outcome = "Changed";
                    result.Status = known.Status;
                    return result;
                }

                d.Status = known.Status ?? "ACTIVE";
                ClientResponse updated;
                using (await EnterAsync(options, cancel).ConfigureAwait(false))
                {
                    updated = await UpdateAsync(api, clientId, d, endpoint, cancel).ConfigureAwait(false);
                }

                result.Outcome = "Updated";
                result.Status = updated.Status;
                Record(result, d, hash, "Updated");
                return result;
            }

            await _context.Ledger.AppendDurableAsync(Entry(result, d, hash, "Pending")).ConfigureAwait(false);
            using IDisposable slot = await EnterAsync(options, cancel).ConfigureAwait(false);
            try
            {
                ClientResponse created = api == ClientApi.Pms
                    ? await _context.Pms!.CreateAsync(d, endpoint, cancel).ConfigureAwait(false)
                    : await _context.Esignet!.CreateAsync(d, endpoint, cancel).ConfigureAwait(false);
                result.Outcome = "Created";
                result.Status = created.Status;
                AdoptAnsweredId(result, d, hash, created.ClientId, key);
            }
            catch (ServerErrorException e) when (api == ClientApi.Esignet && IsDuplicate(e, api))
            {
                // Our own create, whose answer was lost: an earlier attempt of this request (the connection dropped
                // after eSignet committed), or an earlier run that stopped after sending (its Pending entry, same key).
                // Or another process's create with this key (same CSV twice at once), recorded once its answer came.
                // eSignet cannot be read back, so this evidence is the best there is; PMS is checked below instead.
                bool ours = e.AfterLostAnswer || known != null && known.Outcome == "Pending" && known.KeyThumbprint == key.Thumbprint
                    || await RegisteredWithKeyAsync(server, clientId, key, cancel).ConfigureAwait(false);
                if (!ours)
                {
                    Record(result, d, hash, "Failed", e.ErrorId);
                    throw;
                }

                result.Outcome = "Exists";
                result.Status = "ACTIVE";
            }
            catch (ServerErrorException e) when (api == ClientApi.Pms && IsDuplicate(e, api))
            {
                // PMS derives the id from the key: "key exists" means this very key is registered. Confirm by reading it,
                // by the derivation of every line: the server may be on another line than the one configured.
                PmsClientDetails? existing = null;
                foreach (string candidate in PmsClientId.Candidates(key, _context.PmsLine))
                {
                    existing = await _context.Pms!.GetAsync(candidate, cancel).ConfigureAwait(false);
                    if (existing != null) break;
                }

                if (existing == null)
                {
                    Record(result, d, hash, "Failed", e.ErrorId);
                    throw;
                }

                result.Outcome = "Exists";
                result.Status = existing.Status;
                AdoptAnsweredId(result, d, hash, existing.ClientId, key);
            }
            catch (EsignetException e)
            {
                Record(result, d, hash, "Failed", e.ErrorId);
                throw;
            }

            Record(result, d, hash, result.Outcome);
            return result;
        }

        /// <summary>
        /// The first difference between a predicted and an answered Client ID in this service's run, explained; then
        /// null. A cmdlet writes it once per run (the result objects carry every difference in PredictedClientId).
        /// </summary>
        public string? TakePredictionWarning() => Interlocked.Exchange(ref _predictionWarning, null);

        private string? _predictionWarning;
        private int _predictionWarned;

        /// <summary>
        /// The server's Client ID wins (design decision 8): the result and the ledger carry it. Where it differs from
        /// the prediction, the Pending entry written under the predicted ID is closed as Superseded, so nothing points
        /// at a client that does not exist, and the difference is explained once.
        /// </summary>
        private void AdoptAnsweredId(RegistrationResult result, ClientDefinition d, string hash, string? answered, JwkKeyPair key)
        {
            if (string.IsNullOrEmpty(answered) || answered == result.ClientId)
            {
                return;
            }

            string predicted = result.ClientId;
            result.PredictedClientId = predicted;
            result.ClientId = answered!;
            var superseded = Entry(result, d, hash, "Superseded", "the server answered Client ID " + answered);
            superseded.ClientId = predicted;
            _context.Ledger.Append(superseded);
            if (Interlocked.Exchange(ref _predictionWarned, 1) == 0)
            {
                Interlocked.Exchange(ref _predictionWarning, ExplainDifference(result.Api, predicted, answered!, key));
            }
        }

        private string ExplainDifference(string api, string predicted, string answered, JwkKeyPair key)
        {
            if (api != nameof(ClientApi.Pms))
            {
                return $"eSignet answered Client ID '{answered}' for the requested '{predicted}'. The module reports and records the server's ID.";
            }

            string? line = null;
            foreach (Versions.PmsVersion candidate in new[] { Versions.PmsVersion.V120, Versions.PmsVersion.V122 })
            {
                if ((candidate.IsV122OrLater || key.KeyType == "RSA") && PmsClientId.Compute(key, candidate) == answered) line = candidate.Name;
            }

            string cause = line != null
                ? $"PMS derives Client IDs as release line {line} does, not as the configured {_context.PmsLine} ({_context.PmsVersionFoundBy}). Connect with -PmsVersion {line}, or without -PmsVersion to let the module find the line"
                : $"PMS derived an ID that no release line the module knows would give this key (configured {_context.PmsLine}, {_context.PmsVersionFoundBy}); the server may run a patched build";
            return $"PMS answered Client ID '{answered}' where the module predicted '{predicted}'. The module uses and records the server's IDs (see PredictedClientId on each result). {cause}, so that predictions, and the recovery of lost answers, match this server.";
        }

        private Task<ClientResponse> UpdateAsync(ClientApi api, string clientId, ClientDefinition d, ClientEndpointKind endpoint, CancellationToken cancel)
        {
            if (api == ClientApi.Pms)
            {
                return _context.Pms!.UpdateAsync(clientId, d, endpoint, cancel);
            }

            return _context.Esignet!.UpdateAsync(clientId, d, endpoint, cancel);
        }

        /// <summary>The ledger, re-read now (another process may have written since), records this client as registered with this key.</summary>
        /// <summary>
        /// True when the ledger (re-read) records the client as registered with this key. While the latest entry is
        /// a Pending one with this key, another process may have this very create in flight (the same CSV run twice
        /// at once) and record its outcome when its answer comes: wait for that, a few seconds at most.
        /// </summary>
        private async Task<bool> RegisteredWithKeyAsync(string server, string clientId, JwkKeyPair key, CancellationToken cancel)
        {
            for (int attempt = 0; ; attempt++)
            {
                LedgerEntry? now = _context.Ledger.Find(server, clientId);
                if (now != null && Clients.ClientQueryService.IsRegistered(now) && now.KeyThumbprint == key.Thumbprint)
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

        private static bool IsDuplicate(ServerErrorException e, ClientApi api)
        {
            return api == ClientApi.Pms
                ? e.ErrorCode == "PMS_IDP_001" || e.ErrorCode == "PMS_ESI_001"
                : e.ErrorCode == "duplicate_client_id";
        }

        /// <summary>
        /// A key for a definition without one: reused when an earlier run already wrote it (so a retried or
        /// resumed run registers the same key), else generated and written owner-only before any request.
        /// </summary>
        private JwkKeyPair ProvideKey(ClientDefinition d, ClientApi api, RegistrationOptions options, out KeyFileSet? newFiles)
        {
            newFiles = null;
            string name = api == ClientApi.Esignet ? d.ClientId ?? string.Empty : d.ClientName ?? string.Empty;
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new EsignetException(api == ClientApi.Esignet ? "invalid_client_id" : "PMS_COR_001", EsignetErrorKind.InvalidData,
                    (api == ClientApi.Esignet ? "clientId" : "name") + " is empty, so no key file name can be made for it. Nothing was written or sent.") { TargetObject = d };
            }

            string directory = options.KeyDirectory ?? Path.GetFullPath("keys");
            KeyFileSet files = ClientKeyFiles.Locate(directory, name, options.AllowSharedKeyDirectory, _context.Ledger, byClientName: api == ClientApi.Pms, out bool exists);
            if (exists)
            {
                return KeyFactory.FromFile(files.PrivateKeyPemPath, requirePrivate: true, use: "sig");
            }

            newFiles = files; // written by ExecuteAsync, so -WhatIf writes nothing
            return options.KeyPool?.Take() ?? KeyFactory.Generate(options.KeySpec);
        }

        /// <summary>A slot to talk to the server in (see <see cref="SendGate"/>); without a gate, at once.</summary>
        private static async Task<IDisposable> EnterAsync(RegistrationOptions options, CancellationToken cancel)
        {
            return options.SendGate == null ? OnDispose.Nothing : await options.SendGate.EnterAsync(cancel).ConfigureAwait(false);
        }

        private void Record(RegistrationResult r, ClientDefinition d, string hash, string outcome, string? error = null)
        {
            _context.Ledger.Append(Entry(r, d, hash, outcome, error));
        }

        private static LedgerEntry Entry(RegistrationResult r, ClientDefinition d, string hash, string outcome, string? error = null)
        {
            return new LedgerEntry
            {
                Time = DateTimeOffset.UtcNow,
                Outcome = outcome,
                Server = r.Server ?? string.Empty,
                Api = r.Api,
                Endpoint = r.Endpoint,
                ClientId = r.ClientId,
                Status = r.Status,
                KeyThumbprint = r.KeyThumbprint,
                KeyId = r.KeyId,
                PrivateKeyPemPath = r.PrivateKeyPemPath,
                PrivateJwkPath = r.PrivateJwkPath,
                PublicJwkPath = r.PublicJwkPath,
                DefinitionHash = hash,
                Error = error,
                Definition = LedgerDefinition.From(d),
            };
        }
    }
}
