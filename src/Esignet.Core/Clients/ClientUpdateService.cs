using System;
using System.Threading;
using System.Threading.Tasks;
using Esignet.Core.ClientApis;
using Esignet.Core.Connection;
using Esignet.Core.Definitions;
using Esignet.Core.Errors;
using Esignet.Core.Ledger;
using Esignet.Core.Registration;
using Esignet.Core.Servers;

namespace Esignet.Core.Clients
{
    /// <summary>
    /// Changes registered clients (Set-EsignetClient). Where the current state comes from and which request carries the
    /// change is the API's business (<see cref="IClientManagementApi.PrepareUpdateAsync"/>: eSignet's ledger merge with
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

        /// <summary>Reads the current state, merges, validates and renders the request. Sends nothing.</summary>
        public Task<PreparedUpdate> PrepareAsync(string clientId, ClientApi api, ClientChanges changes, CancellationToken cancel)
        {
            if (string.IsNullOrWhiteSpace(clientId))
                throw new EsignetException("invalid_client_id", EsignetErrorKind.InvalidArgument, "A client id is required.");
            if (changes.OnlyStatus && changes.Status == null)
                throw new EsignetException("NothingToChange", EsignetErrorKind.InvalidArgument, $"No change was given for client '{clientId}'. Pass -Status or a field to change, e.g. -RedirectUri.");
            return _context.ClientApiFor(api).PrepareUpdateAsync(clientId, changes, cancel);
        }

        /// <summary>Sends the update, records it in the ledger, and returns the client's new state.</summary>
        public async Task<ClientRecord> ExecuteAsync(PreparedUpdate p, CancellationToken cancel)
        {
            IClientManagementApi api = _context.ClientApiFor(p.Api);
            ClientResponse response = await api.SendAsync(p.Request, cancel).ConfigureAwait(false);
            if (p.Merged != null)
            {
                RecordUpdate(p, p.Merged with { Status = response.Status ?? p.Merged.Status });
            }

            return await api.StateAfterUpdateAsync(p, response, cancel).ConfigureAwait(false);
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
                DefinitionHash = DefinitionHash.Compute(d),
                InputHash = b?.InputHash ?? b?.DefinitionHash,
                Definition = LedgerDefinition.From(d),
            });
        }
    }
}
