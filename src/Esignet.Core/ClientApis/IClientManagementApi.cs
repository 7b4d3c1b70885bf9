using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Esignet.Core.Clients;
using Esignet.Core.Definitions;
using Esignet.Core.Keys;
using Esignet.Core.Ledger;
using Esignet.Core.Registration;
using Esignet.Core.Servers;

namespace Esignet.Core.ClientApis
{
    /// <summary>
    /// One client-management API on one release line: eSignet's own (<see cref="EsignetClientManagement"/>), where the
    /// caller names the client and nothing can be read back, or PMS's (<see cref="PmsClientManagement"/>), which derives
    /// the Client ID from the key and answers reads. Everything that differs between the two lives behind this
    /// interface, so the services (registration, update, query, verification) hold no branch on the API kind. Modelled
    /// on PSResourceGet's IServerAPICalls.
    /// </summary>
    internal interface IClientManagementApi
    {
        ClientApi Kind { get; }

        /// <summary>The server's base address, as the ledger keys it.</summary>
        string Server { get; }

        /// <summary>The line's rules for local validation (discovery may have widened them since connect).</summary>
        ValidationRules Rules { get; }

        /// <summary>The definition with the API's defaults for what the user left out: a new value, the input is not changed.</summary>
        ClientDefinition WithDefaults(ClientDefinition d);

        /// <summary>The create endpoint the definition needs on this line; <c>EndpointNotOnLine</c> when the line lacks it.</summary>
        ClientEndpointKind ChooseEndpoint(ClientDefinition d);

        /// <summary>
        /// The name a generated key's files are named after (eSignet: the Client ID; PMS: the client name, as the ID
        /// comes from the key); the API's own error when it is empty.
        /// </summary>
        string KeyFileOwner(ClientDefinition d);

        /// <summary>
        /// True when the server derives the Client ID from the public key (PMS): key files then belong to a client
        /// name, and a repeated Client ID means a repeated key.
        /// </summary>
        bool ClientIdFromKey { get; }

        /// <summary>The Client ID the module expects the server to answer (PMS: derived from the key; eSignet: the requested one).</summary>
        string PredictClientId(ClientDefinition d);

        ClientRequest CreateRequest(ClientDefinition d, ClientEndpointKind kind);

        /// <summary>
        /// The second request a create or replacement needs for the fields its endpoint cannot carry (eSignet 1.8's
        /// encPublicKey: PATCH only); null when there are none.
        /// </summary>
        ClientRequest? CompletionRequest(string clientId, ClientDefinition d);

        /// <summary>The full replacement -Update sends for a registered client whose definition changed.</summary>
        ClientRequest ReplaceRequest(string clientId, ClientDefinition d, ClientEndpointKind kind);

        Task<ClientResponse> SendAsync(ClientRequest request, CancellationToken cancel);

        /// <summary>Checks to make before a new key's files are written (eSignet: the token's create scope).</summary>
        void BeforeNewKeyFiles();

        /// <summary>The ledger's latest registration for this client: PMS finds it by key, whatever ID was predicted.</summary>
        LedgerEntry? FindRegistration(string predictedClientId, JwkKeyPair key);

        /// <summary>True when a create was refused because the client (or its key) already exists.</summary>
        bool IsDuplicate(ServerErrorException e);

        /// <summary>
        /// After a duplicate refusal: the client, when it is this very key's own earlier create (an answer that was lost,
        /// an earlier run, another process on the same CSV); null when it is somebody else's.
        /// </summary>
        Task<ClientResponse?> FindOwnCreateAsync(ServerErrorException refusal, string clientId, JwkKeyPair key, LedgerEntry? known, CancellationToken cancel);

        /// <summary>Why the server answered another Client ID than predicted, in words an operator can act on.</summary>
        string ExplainIdDifference(string predicted, string answered, JwkKeyPair key);

        /// <summary>Reads the current state, merges the changes, validates, and renders the update. Sends nothing.</summary>
        Task<PreparedUpdate> PrepareUpdateAsync(string clientId, ClientChanges changes, CancellationToken cancel);

        /// <summary>The client's state after an update was accepted.</summary>
        Task<ClientRecord> StateAfterUpdateAsync(PreparedUpdate update, ClientResponse answer, CancellationToken cancel);

        /// <summary>One client, or null when the API's source of truth (PMS: the server; eSignet: the ledger) does not know it.</summary>
        Task<ClientRecord?> GetAsync(string clientId, CancellationToken cancel);

        Task<IReadOnlyList<ClientRecord>> ListAsync(CancellationToken cancel);

        /// <summary>Where <see cref="GetAsync"/> looked when it found nothing, for the message.</summary>
        string NotFoundMessage(string clientId);
    }
}
