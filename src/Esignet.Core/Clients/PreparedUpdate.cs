using Esignet.Core.Definitions;
using Esignet.Core.Ledger;
using Esignet.Core.Servers;

namespace Esignet.Core.Clients
{
    /// <summary>An update ready to send: what, where, and the request (shown by -WhatIf; it never holds a secret). Immutable.</summary>
    public sealed class PreparedUpdate
    {
        internal PreparedUpdate(ClientApi api, string server, string clientId, ClientRequest request, string source, ClientDefinition? merged, LedgerEntry? recorded)
        {
            Api = api;
            Server = server;
            ClientId = clientId;
            Request = request;
            Source = source;
            Merged = merged;
            Recorded = recorded;
        }

        public ClientApi Api { get; }

        public string Server { get; }

        public string ClientId { get; }

        /// <summary>The one request: <see cref="RequestBody"/> shows it, the send renders it (with that attempt's requestTime).</summary>
        public ClientRequest Request { get; }

        /// <summary>Method and path, e.g. <c>PATCH /v1/esignet/client-mgmt/client/portal-1</c>.</summary>
        public string Endpoint => Request.Endpoint;

        public string RequestBody => Request.Preview;

        /// <summary>Where the current state came from: Ledger, Server (PMS), or None (a PATCH needs none).</summary>
        public string Source { get; }

        /// <summary>The full state after the update, when the current state is known; null for a PATCH of an unknown client.</summary>
        internal ClientDefinition? Merged { get; }

        /// <summary>A new encryption key (Set-EsignetClient -GenerateEncryptionKey) that ExecuteAsync writes before sending.</summary>
        public Registration.NewKey? NewEncryptionKey { get; internal set; }

        /// <summary>The encryption key's files, new or reused; null when the module did not provide the key.</summary>
        public Keys.KeyFileSet? EncryptionKeyFiles { get; internal set; }

        /// <summary>The ledger's entry for the client before the update (key files, input hash), when there is one.</summary>
        internal LedgerEntry? Recorded { get; }
    }
}
