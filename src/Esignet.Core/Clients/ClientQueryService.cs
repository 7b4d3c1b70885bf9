using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Esignet.Core.Connection;
using Esignet.Core.Definitions;
using Esignet.Core.Errors;
using Esignet.Core.Ledger;
using Esignet.Core.Registration;
using Esignet.Core.Servers;

namespace Esignet.Core.Clients
{
    /// <summary>
    /// Reads registered clients. PMS answers from the server; eSignet has no read API (esignet-api.md §1.3), so
    /// eSignet clients come from the ledger (design.md decision 4) and say so in <see cref="ClientRecord.Source"/>.
    /// </summary>
    public sealed class ClientQueryService
    {
        private readonly EsignetContext _context;

        public ClientQueryService(EsignetContext context)
        {
            _context = context;
        }

        /// <summary>One client, or null when neither the server (PMS) nor the ledger (eSignet) knows it.</summary>
        public async Task<ClientRecord?> GetAsync(string clientId, ClientApi api, CancellationToken cancel)
        {
            if (api == ClientApi.Pms)
            {
                PmsClientDetails? details = await RequirePms().GetAsync(clientId, cancel).ConfigureAwait(false);
                return details == null ? null : FromPms(details);
            }

            LedgerEntry? entry = _context.Ledger.Find(_context.ServerOf(api), clientId);
            return entry == null || !IsRegistered(entry) || !IsApi(entry, api) ? null : ClientRecords.FromLedger(entry);
        }

        /// <summary>
        /// Every client: PMS's list (1.2.2+); on PMS 1.2.0/1.2.1, which cannot list, each client the ledger recorded
        /// for this PMS, read back from PMS; for eSignet, the ledger's registered clients.
        /// </summary>
        public async Task<IReadOnlyList<ClientRecord>> ListAsync(ClientApi api, CancellationToken cancel)
        {
            if (api == ClientApi.Pms && !RequirePms().Version.HasOAuthClientEndpoint)
            {
                var read = new List<ClientRecord>();
                foreach (string id in RecordedClientIds(api))
                {
                    ClientRecord? one = await GetAsync(id, api, cancel).ConfigureAwait(false);
                    if (one != null) read.Add(one);
                }

                return read;
            }

            if (api == ClientApi.Pms)
            {
                IReadOnlyList<PmsClientDetails> list = await RequirePms().ListAsync(cancel).ConfigureAwait(false);
                return list.Select(FromPms).ToList();
            }

            return _context.Ledger.All(_context.ServerOf(api)).Where(e => IsRegistered(e) && IsApi(e, api)).Select(ClientRecords.FromLedger).ToList();
        }

        /// <summary>
        /// The Client IDs the ledger shows as registered through <paramref name="api"/> on this connection's server:
        /// instant and offline, for tab completion.
        /// </summary>
        public IReadOnlyList<string> RecordedClientIds(ClientApi api)
        {
            return _context.Ledger.All(_context.ServerOf(api)).Where(e => IsRegistered(e) && IsApi(e, api)).Select(e => e.ClientId).ToList();
        }

        /// <summary>eSignet and PMS may share a base address (an ingress); the ledger entry says which API registered it.</summary>
        private static bool IsApi(LedgerEntry e, ClientApi api) => string.Equals(e.Api, api.ToString(), StringComparison.OrdinalIgnoreCase);

        /// <summary>Created, Exists and Updated entries describe a client on the server; Pending and Failed may not.</summary>
        internal static bool IsRegistered(LedgerEntry e) => e.Outcome == "Created" || e.Outcome == "Exists" || e.Outcome == "Updated";

        private ClientRecord FromPms(PmsClientDetails details)
        {
            ClientRecord record = ClientRecords.FromPms(details, _context.ServerOf(ClientApi.Pms));
            LedgerEntry? local = _context.Ledger.Find(record.Server!, record.ClientId);
            if (local != null)
            {
                // The server does not know where the private key is; the ledger does.
                record.KeyId = local.KeyId;
                record.KeyThumbprint = local.KeyThumbprint;
                record.PrivateKeyPemPath = local.PrivateKeyPemPath;
                record.PrivateJwkPath = local.PrivateJwkPath;
                record.PublicJwkPath = local.PublicJwkPath;
            }

            return record;
        }

        /// <summary>The PMS client; ServerOf throws the clear error when this connection has no PMS.</summary>
        private PmsApiClient RequirePms()
        {
            _context.ServerOf(ClientApi.Pms);
            return _context.Pms!;
        }
    }
}
