using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Esignet.Core.Clients;
using Esignet.Core.Connection;
using Esignet.Core.Definitions;
using Esignet.Core.Registration;

namespace Esignet.PowerShell.Completion
{
    /// <summary>
    /// Completes -ClientId with the clients of the connection: those the ledger records on its server (instant,
    /// offline) and, for PMS, those PMS lists (asked with a short time limit, so a slow server never stalls Tab).
    /// </summary>
    public sealed class ClientIdCompleter : Completer
    {
        private static readonly TimeSpan ServerTimeLimit = TimeSpan.FromSeconds(3);

        protected override IEnumerable<string> Values(string parameterName, IDictionary bound)
        {
            EsignetContext? context = CompletionRules.ContextOf(bound);
            if (context == null) return Enumerable.Empty<string>();
            ClientApi api = CompletionRules.Unwrap(bound["Api"]) is object a && Enum.TryParse(a.ToString(), true, out ClientApi given) ? given : context.DefaultApi;
            var query = new ClientQueryService(context);
            // The ledger's ids at once; then what the API lists (PMS asks the server, within a time limit).
            var ids = new SortedSet<string>(query.RecordedClientIds(api), StringComparer.Ordinal);
            foreach (string id in Listed(query, api)) ids.Add(id);

            return ids;
        }

        private static IEnumerable<string> Listed(ClientQueryService query, ClientApi api)
        {
            using (var limit = new CancellationTokenSource(ServerTimeLimit))
            {
                Task<IReadOnlyList<ClientRecord>> list = Task.Run(() => query.ListAsync(api, limit.Token));
                try
                {
                    return list.Wait(ServerTimeLimit) ? list.Result.Select(r => r.ClientId).ToList() : new List<string>();
                }
                catch (AggregateException)
                {
                    return new List<string>(); // PMS 1.2.0 cannot list; the ledger's ids are all there is
                }
            }
        }
    }
}
