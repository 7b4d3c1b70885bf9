using System;
using System.Threading;
using System.Threading.Tasks;
using Esignet.Core.ClientApis;
using Esignet.Core.Connection;
using Esignet.Core.Definitions;
using Esignet.Core.Errors;
using Esignet.Core.Keys;
using Esignet.Core.Ledger;
using Esignet.Core.Registration;
using Esignet.Core.Servers;

namespace Esignet.Core.Clients
{
    /// <summary>
    /// Changes registered clients (Set-EsignetClient). Where the current state comes from and which request carries the
    /// change is the API's business (<see cref="ClientManagementApi.PrepareUpdateAsync"/>: eSignet's ledger merge with
    /// PUT or 1.8's PATCH, PMS's read-merge under its status rules); this service checks the request, sends it, and
    /// records the new state.
    /// </summary>
    public sealed class ClientUpdateService
    {
        private readonly EsignetContext _context;

        public ClientUpdateService(EsignetContext context)
        {
            _context = context;
        }

        /// <summary>
        /// Reads the current state, merges, validates and renders the request. Sends and writes nothing. With
        /// <paramref name="encryptionKeys"/>, a change without an encryption key gets one (eSignet 1.8): the files
        /// beside the client's signing key (the ledger knows it), else in that folder; written by ExecuteAsync.
        /// </summary>
        public async Task<PreparedUpdate> PrepareAsync(string clientId, ClientApi api, ClientChanges changes, CancellationToken cancel, EncryptionKeyOptions? encryptionKeys = null)
        {
            if (string.IsNullOrWhiteSpace(clientId))
                throw new EsignetException("invalid_client_id", EsignetErrorKind.InvalidArgument, "A client id is required.");

            NewKey? newKey = null;
            KeyFileSet? files = null;
            if (encryptionKeys != null && changes.EncPublicKey == null)
            {
                LedgerEntry? known = _context.Ledger.Find(_context.ServerOf(api), clientId);
                KeyFileSet signing = known?.PrivateKeyPemPath is string pem && pem.EndsWith(".private.pem", StringComparison.Ordinal)
                    ? new KeyFileSet(pem.Substring(0, pem.Length - ".private.pem".Length))
                    : new KeyFileSet(System.IO.Path.Combine(encryptionKeys.Directory, KeyFileName.For(clientId)));
                JwkKeyPair key = ClientKeyFiles.EncryptionKey(signing, encryptionKeys.AllowSharedDirectory, out KeyFileSet encFiles, out bool isNew);
                files = encFiles;
                newKey = isNew ? new NewKey(key, encFiles) : null;
                changes = changes with { EncPublicKey = key.PublicJwk };
            }

            if (changes.OnlyStatus && changes.Status == null)
                throw new EsignetException("NothingToChange", EsignetErrorKind.InvalidArgument, $"No change was given for client '{clientId}'. Pass -Status or a field to change, e.g. -RedirectUri.");
            PreparedUpdate prepared = await _context.ClientApiFor(api).PrepareUpdateAsync(clientId, changes, cancel).ConfigureAwait(false);
            prepared.NewEncryptionKey = newKey;
            prepared.EncryptionKeyFiles = files;
            return prepared;
        }

        /// <summary>Sends the update, records it in the ledger, and returns the client's new state.</summary>
        public async Task<ClientRecord> ExecuteAsync(PreparedUpdate p, CancellationToken cancel)
        {
            ClientManagementApi api = _context.ClientApiFor(p.Api);
            if (p.NewEncryptionKey is NewKey k)
            {
                // Owner-only and on disk before the server has the public part: a key eSignet encrypts to is never lost.
                KeyFileWriter.Write(k.Key, k.Files, force: false, allowSharedFolder: false, KeyFileAdvice.PartialSet(k.Files));
            }

            ClientResponse response = await api.SendAsync(p.Request, cancel).ConfigureAwait(false);
            if (p.Merged != null)
            {
                RecordUpdate(p, p.Merged with { Status = response.Status ?? p.Merged.Status });
            }

            ClientRecord state = await api.StateAfterUpdateAsync(p, response, cancel).ConfigureAwait(false);
            state.EncryptionPrivateKeyPemPath ??= p.EncryptionKeyFiles?.PrivateKeyPemPath;
            return state;
        }

        private void RecordUpdate(PreparedUpdate p, ClientDefinition d)
        {
            LedgerEntry? b = p.Recorded;
            _context.Ledger.Append(new LedgerEntry
            {
                Time = DateTimeOffset.UtcNow,
                Outcome = "Updated",
                Server = p.Server,
                Api = p.Api.ToString(),
                Endpoint = p.Endpoint,
                ClientId = p.ClientId,
                Status = d.Status,
                KeyThumbprint = b?.KeyThumbprint ?? d.PublicKey?.Thumbprint,
                KeyId = b?.KeyId ?? d.PublicKey?.KeyId,
                PrivateKeyPemPath = b?.PrivateKeyPemPath,
                PrivateJwkPath = b?.PrivateJwkPath,
                PublicJwkPath = b?.PublicJwkPath,
                EncryptionPrivateKeyPemPath = p.EncryptionKeyFiles?.PrivateKeyPemPath ?? b?.EncryptionPrivateKeyPemPath,
                DefinitionHash = DefinitionHash.Compute(d),
                InputHash = b?.InputHash ?? b?.DefinitionHash,
                Definition = LedgerDefinition.From(d),
            });
        }
    }
}
