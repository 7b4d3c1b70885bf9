using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Esignet.Core.ClientApis;
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
        /// key is made in memory only), local validation, the Client ID and the request. Throws
        /// <see cref="ValidationFailedException"/> when the server would refuse the definition. The input is not changed.
        /// </summary>
        public PreparedRegistration Prepare(ClientDefinition input, RegistrationOptions options)
        {
            ClientManagementApi api = _context.ClientApiFor(options.Api);
            ClientDefinition d = api.WithDefaults(input);
            ClientEndpointKind endpoint = api.ChooseEndpoint(d);

            KeyFileSet? newKeyFiles = null;
            if (d.PublicKey == null && options.GenerateKey)
            {
                d = d with { PublicKey = ProvideKey(d, api, options, out newKeyFiles) };
            }

            NewKey? newEncryptionKey = null;
            KeyFileSet? encryptionFiles = null;
            if (d.EncPublicKey == null && options.GenerateEncryptionKey)
            {
                JwkKeyPair enc = ProvideEncryptionKey(d, api, options, out encryptionFiles, out bool isNew);
                d = d with { EncPublicKey = enc.PublicJwk };
                newEncryptionKey = isNew ? new NewKey(enc, encryptionFiles) : null;
            }

            ValidationRules rules = api.Rules;
            rules.AllowWeakRsaKeys = options.AllowWeakRsaKey;
            IReadOnlyList<ValidationIssue> issues = DefinitionValidator.Validate(d, rules, endpoint);
            List<ValidationIssue> errors = issues.Where(i => i.Severity == ValidationSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                throw new ValidationFailedException(errors);
            }

            var warnings = issues.Where(i => i.Severity != ValidationSeverity.Error).ToList();
            return new PreparedRegistration(api, d, endpoint, api.PredictClientId(d), api.CreateRequest(d, endpoint), newKeyFiles, warnings)
            {
                NewEncryptionKey = newEncryptionKey,
                EncryptionKeyFiles = encryptionFiles,
            };
        }

        /// <summary>
        /// Writes a new key's files (owner-only, before anything is sent), checks the ledger (a client already
        /// registered with this key is reported, not re-created), records Pending, sends, records the outcome.
        /// </summary>
        public async Task<RegistrationResult> ExecuteAsync(PreparedRegistration p, RegistrationOptions options, CancellationToken cancel)
        {
            ClientManagementApi api = p.ServerApi;
            ClientDefinition d = p.Definition;
            JwkKeyPair key = d.PublicKey!;
            if (p.NewKeyFiles != null)
            {
                api.BeforeNewKeyFiles(); // before its key files exist
                if (key.PrivateKeyPemPath == null)
                {
                    KeyFileWriter.Write(key, p.NewKeyFiles, force: false, options.AllowSharedKeyDirectory, KeyFileAdvice.PartialSet(p.NewKeyFiles));
                }
            }

            if (p.NewEncryptionKey is NewKey encryption)
            {
                KeyFileWriter.Write(encryption.Key, encryption.Files, force: false, options.AllowSharedKeyDirectory, KeyFileAdvice.PartialSet(encryption.Files));
            }

            string hash = p.DefinitionHash;
            var result = new RegistrationResult
            {
                ClientId = p.ClientId,
                ClientName = d.ClientName,
                Api = api.Kind.ToString(),
                Endpoint = p.Endpoint,
                Server = api.Server,
                KeyId = key.KeyId,
                KeyThumbprint = key.Thumbprint,
                PrivateKeyPemPath = key.PrivateKeyPemPath,
                PrivateJwkPath = key.PrivateJwkPath,
                PublicJwkPath = key.PublicJwkPath,
                EncryptionPrivateKeyPemPath = p.EncryptionKeyFiles?.PrivateKeyPemPath,
                LineNumber = d.LineNumber,
            };

            LedgerEntry? known = api.FindRegistration(p.ClientId, key);
            ExpectedAction action = RegistrationPreview.Decide(known, key, hash, p.CreatedHash, options.Update);
            if (action != ExpectedAction.Create)
            {
                result.ClientId = known!.ClientId;
                result.Status = known.Status;
                switch (action)
                {
                    case ExpectedAction.Refused:
                        throw new EsignetException("ClientIdTaken", EsignetErrorKind.ResourceExists,
                            $"Client '{known.ClientId}' was registered on {api.Server} with another key (thumbprint {known.KeyThumbprint}). Choose another client id; eSignet cannot change a client's key.") { TargetObject = known.ClientId };
                    case ExpectedAction.NothingRegistered:
                        result.Outcome = "Exists";
                        return result;
                    case ExpectedAction.NothingChanged:
                        result.Outcome = "Changed";
                        return result;
                    case ExpectedAction.Complete:
                        using (await EnterAsync(options, cancel).ConfigureAwait(false))
                        {
                            await CompleteAsync(api, result, d, hash, cancel).ConfigureAwait(false);
                        }

                        result.Outcome = "Updated";
                        return result;
                }

                // -Update: the registered client replaced by this definition, its status kept.
                ClientDefinition replacement = d with { Status = known.Status ?? "ACTIVE" };
                ClientResponse updated;
                using (await EnterAsync(options, cancel).ConfigureAwait(false))
                {
                    updated = await api.SendAsync(api.ReplaceRequest(known.ClientId, replacement, p.EndpointKind), cancel).ConfigureAwait(false);
                }

                result.Outcome = "Updated";
                result.Status = updated.Status;
                Record(result, replacement with { EncPublicKey = null }, p.CreatedHash, "Updated");
                using (await EnterAsync(options, cancel).ConfigureAwait(false))
                {
                    await CompleteAsync(api, result, replacement, hash, cancel).ConfigureAwait(false);
                }

                return result;
            }

            // What the create alone sets is recorded as such; a second request (encPublicKey) records the rest.
            ClientDefinition created = d with { EncPublicKey = null };
            string createdHash = p.CreatedHash;
            await _context.Ledger.AppendDurableAsync(Entry(result, created, createdHash, "Pending")).ConfigureAwait(false);
            using IDisposable slot = await EnterAsync(options, cancel).ConfigureAwait(false);
            try
            {
                ClientResponse answer = await api.SendAsync(p.Request, cancel).ConfigureAwait(false);
                result.Outcome = "Created";
                result.Status = answer.Status;
                AdoptAnsweredId(api, result, created, createdHash, answer.ClientId, key);
            }
            catch (ServerErrorException e) when (api.IsDuplicate(e))
            {
                // Our own earlier create (a lost answer, an earlier run, another process on the same CSV), or somebody else's.
                ClientResponse? own = await api.FindOwnCreateAsync(e, p.ClientId, key, known, cancel).ConfigureAwait(false);
                if (own == null)
                {
                    Record(result, created, createdHash, "Failed", e.ErrorId);
                    throw;
                }

                result.Outcome = "Exists";
                result.Status = own.Status;
                AdoptAnsweredId(api, result, created, createdHash, own.ClientId, key);
            }
            catch (EsignetException e)
            {
                Record(result, created, createdHash, "Failed", e.ErrorId);
                throw;
            }

            Record(result, created, createdHash, result.Outcome);
            await CompleteAsync(api, result, d, hash, cancel).ConfigureAwait(false);
            return result;
        }

        /// <summary>
        /// Sends what the create could not carry (eSignet 1.8's encryption key, PATCH only) and records the full
        /// definition. When it fails, the client stays recorded as created without it, the error says so, and a rerun
        /// sends only this request (<see cref="ExpectedAction.Complete"/>).
        /// </summary>
        private async Task CompleteAsync(ClientManagementApi api, RegistrationResult result, ClientDefinition d, string hash, CancellationToken cancel)
        {
            ClientRequest? completion = api.CompletionRequest(result.ClientId, d);
            if (completion == null)
            {
                return;
            }

            try
            {
                ClientResponse answer = await api.SendAsync(completion, cancel).ConfigureAwait(false);
                result.Status = answer.Status ?? result.Status;
            }
            catch (EsignetException e)
            {
                throw new EsignetException("EncryptionKeyNotSet", e.Kind,
                    $"Client '{result.ClientId}' is registered, but its encryption key was not set: {e.Message} Run the same command again to send only the key ({completion.Endpoint}).", e)
                    { TargetObject = result.ClientId };
            }

            Record(result, d, hash, "Updated");
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
        private void AdoptAnsweredId(ClientManagementApi api, RegistrationResult result, ClientDefinition d, string hash, string? answered, JwkKeyPair key)
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
                Interlocked.Exchange(ref _predictionWarning, api.ExplainIdDifference(predicted, answered!, key));
            }
        }

        /// <summary>
        /// A key for a definition without one: reused when an earlier run already wrote it (so a retried or
        /// resumed run registers the same key), else generated and written owner-only before any request.
        /// </summary>
        private JwkKeyPair ProvideKey(ClientDefinition d, ClientManagementApi api, RegistrationOptions options, out KeyFileSet? newFiles)
        {
            newFiles = null;
            string name = api.KeyFileOwner(d);
            string directory = options.KeyDirectory ?? Path.GetFullPath("keys");
            KeyFileSet files = ClientKeyFiles.Locate(directory, name, options.AllowSharedKeyDirectory, _context.Ledger, byClientName: api.ClientIdFromKey, out bool exists);
            if (exists)
            {
                return KeyFactory.FromFile(files.PrivateKeyPemPath, requirePrivate: true, use: "sig");
            }

            newFiles = files; // written by ExecuteAsync, so -WhatIf writes nothing
            return options.KeyPool?.Take() ?? KeyFactory.Generate(options.KeySpec);
        }

        /// <summary>An encryption key for a definition without one, beside its signing key's files (see <see cref="ClientKeyFiles.EncryptionKey"/>).</summary>
        private JwkKeyPair ProvideEncryptionKey(ClientDefinition d, ClientManagementApi api, RegistrationOptions options, out KeyFileSet files, out bool isNew)
        {
            string directory = options.KeyDirectory ?? Path.GetFullPath("keys");
            KeyFileSet signing = ClientKeyFiles.Locate(directory, api.KeyFileOwner(d), options.AllowSharedKeyDirectory, _context.Ledger, byClientName: api.ClientIdFromKey, out _);
            return ClientKeyFiles.EncryptionKey(signing, options.AllowSharedKeyDirectory, out files, out isNew);
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
                EncryptionPrivateKeyPemPath = r.EncryptionPrivateKeyPemPath,
                DefinitionHash = hash,
                Error = error,
                Definition = LedgerDefinition.From(d),
            };
        }
    }
}
