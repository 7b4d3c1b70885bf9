using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Esignet.Core.Connection;
using Esignet.Core.Definitions;
using Esignet.Core.Registration;

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
        public Task<ClientRecord?> GetAsync(string clientId, ClientApi api, CancellationToken cancel)
            => _context.ClientApiFor(api).GetAsync(clientId, cancel);

        /// <summary>
        /// Every client: PMS's list (1.2.2+); on PMS 1.2.0/1.2.1, which cannot list, each client the ledger recorded
        /// for this PMS, read back from PMS; for eSignet, the ledger's registered clients.
        /// </summary>
        public Task<IReadOnlyList<ClientRecord>> ListAsync(ClientApi api, CancellationToken cancel)
            => _context.ClientApiFor(api).ListAsync(cancel);

        /// <summary>What to say when <see cref="GetAsync"/> found nothing: where it looked.</summary>
        public string NotFoundMessage(string clientId, ClientApi api) => _context.ClientApiFor(api).NotFoundMessage(clientId);

        /// <summary>
        /// The Client IDs the ledger shows as registered through <paramref name="api"/> on this connection's server:
        /// instant and offline, for tab completion.
        /// </summary>
        public IReadOnlyList<string> RecordedClientIds(ClientApi api) => _context.ClientApiFor(api).Recorded().Select(e => e.ClientId).ToList();
    }
}
