using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Esignet.Core.Clients;
using Esignet.Core.Connection;
using Esignet.Core.Definitions;
using Esignet.Core.Keys;
using Esignet.Core.Ledger;
using Esignet.Core.Registration;
using Esignet.Core.Servers;
using Esignet.Core.Transport;

namespace Esignet.Core.ClientApis
{
    /// <summary>
    /// One client-management API on one release line: eSignet's own (<see cref="EsignetClientManagement"/>), where the
    /// caller names the client and nothing can be read back, or PMS's (<see cref="PmsClientManagement"/>), which derives
    /// the Client ID from the key and answers reads. Everything that differs between the two lives in the two
    /// subclasses, so the services (registration, update, query, verification) hold no branch on the API kind; what
    /// they share (the server, the ledger, the rules, sending with the connection's token) lives here. Modelled on
    /// PSResourceGet's ServerApiCall and its IServerAPICalls.
    /// </summary>
    internal abstract class ClientManagementApi
    {
        private readonly Uri _apiBase;

        protected ClientManagementApi(EsignetContext context, Uri serverUri, string apiPath, HttpTransport transport, TokenPlacement placement)
        {
            Context = context;
            Server = serverUri.ToString().TrimEnd('/');
            _apiBase = new Uri(Server + apiPath);
            Caller = new ApiCaller(transport, context.Tokens, placement);
        }

        public abstract ClientApi Kind { get; }

        /// <summary>The server's base address, as the ledger keys it.</summary>
        public string Server { get; }

        /// <summary>The line's rules for local validation (discovery may have widened them since connect).</summary>
        public ValidationRules Rules => Context.RulesFor(Kind);

        protected EsignetContext Context { get; }

        protected RegistrationLedger Ledger => Context.Ledger;

        protected ApiCaller Caller { get; }

        /// <summary>The definition with the API's defaults for what the user left out: a new value, the input is not changed.</summary>
        public ClientDefinition WithDefaults(ClientDefinition d) => DefinitionDefaults.Apply(d, Kind);

        /// <summary>The create endpoint the definition needs on this line; <c>EndpointNotOnLine</c> when the line lacks it.</summary>
        public abstract ClientEndpointKind ChooseEndpoint(ClientDefinition d);

        /// <summary>
        /// The name a generated key's files are named after (eSignet: the Client ID; PMS: the client name, as the ID
        /// comes from the key); the API's own error when it is empty.
        /// </summary>
        public abstract string KeyFileOwner(ClientDefinition d);

        /// <summary>
        /// True when the server derives the Client ID from the public key (PMS): key files then belong to a client
        /// name, and a repeated Client ID means a repeated key.
        /// </summary>
        public abstract bool ClientIdFromKey { get; }

        /// <summary>The Client ID the module expects the server to answer (PMS: derived from the key; eSignet: the requested one).</summary>
        public abstract string PredictClientId(ClientDefinition d);

        public abstract ClientRequest CreateRequest(ClientDefinition d, ClientEndpointKind kind);

        /// <summary>
        /// The second request a create or replacement needs for the fields its endpoint cannot carry (eSignet 1.8's
        /// encPublicKey: PATCH only); null when there are none.
        /// </summary>
        public abstract ClientRequest? CompletionRequest(string clientId, ClientDefinition d);

        /// <summary>The full replacement -Update sends for a registered client whose definition changed.</summary>
        public abstract ClientRequest ReplaceRequest(string clientId, ClientDefinition d, ClientEndpointKind kind);

        /// <summary>Sends one request (a body rendered per attempt) and reads the API's answer: the client, or every error it names.</summary>
        public abstract Task<ClientResponse> SendAsync(ClientRequest request, CancellationToken cancel);

        /// <summary>
        /// Checks to make before a new key's files are written (eSignet: the token's create scope). None on PMS: its
        /// tokens carry roles, not scopes, and a missing role is PMS's own error (pms-api.md §9).
        /// </summary>
        public virtual void BeforeNewKeyFiles()
        {
        }

        /// <summary>The ledger's latest registration for this client: PMS finds it by key, whatever ID was predicted.</summary>
        public abstract LedgerEntry? FindRegistration(string predictedClientId, JwkKeyPair key);

        /// <summary>True when a create was refused because the client (or its key) already exists.</summary>
        public abstract bool IsDuplicate(ServerErrorException e);

        /// <summary>
        /// After a duplicate refusal: the client, when it is this very key's own earlier create (an answer that was lost,
        /// an earlier run, another process on the same CSV); null when it is somebody else's.
        /// </summary>
        public abstract Task<ClientResponse?> FindOwnCreateAsync(ServerErrorException refusal, string clientId, JwkKeyPair key, LedgerEntry? known, CancellationToken cancel);

        /// <summary>Why the server answered another Client ID than predicted, in words an operator can act on.</summary>
        public abstract string ExplainIdDifference(string predicted, string answered, JwkKeyPair key);

        /// <summary>Reads the current state, merges the changes, validates, and renders the update. Sends nothing.</summary>
        public abstract Task<PreparedUpdate> PrepareUpdateAsync(string clientId, ClientChanges changes, CancellationToken cancel);

        /// <summary>The client's state after an update was accepted.</summary>
        public abstract Task<ClientRecord> StateAfterUpdateAsync(PreparedUpdate update, ClientResponse answer, CancellationToken cancel);

        /// <summary>One client, or null when the API's source of truth (PMS: the server; eSignet: the ledger) does not know it.</summary>
        public abstract Task<ClientRecord?> GetAsync(string clientId, CancellationToken cancel);

        public abstract Task<IReadOnlyList<ClientRecord>> ListAsync(CancellationToken cancel);

        /// <summary>Where <see cref="GetAsync"/> looked when it found nothing, for the message.</summary>
        public abstract string NotFoundMessage(string clientId);

        /// <summary>
        /// The ledger's clients registered through this API on this server (eSignet and PMS may share a base address
        /// behind one ingress): instant and offline.
        /// </summary>
        public IEnumerable<LedgerEntry> Recorded() => Ledger.All(Server).Where(IsRecorded);

        /// <summary>A ledger entry of a client registered through this API.</summary>
        protected bool IsRecorded(LedgerEntry e) => e.IsRegistered && string.Equals(e.Api, Kind.ToString(), StringComparison.OrdinalIgnoreCase);

        /// <summary>The address of <paramref name="path"/> under the API's base (e.g. /v1/esignet/).</summary>
        protected Uri ApiUri(string path) => new Uri(_apiBase, path);

        protected ClientRequest Request(HttpMethod method, string path, Func<string> render, string? requiredScope = null)
            => new ClientRequest(method, ApiUri(path), render, requiredScope);
    }
}
