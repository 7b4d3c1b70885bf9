using Esignet.Core.Definitions;
using Esignet.Core.Ledger;
using Esignet.Core.Servers;

namespace Esignet.Core.Clients
{
    /// <summary>An update ready to send: what, where, and the body (shown by -WhatIf; it never holds a secret).</summary>
    public sealed class PreparedUpdate
    {
        internal PreparedUpdate(ClientApi api, string server, string clientId, string endpoint, string requestBody, string source)
        {
            Api = api;
            Server = server;
            ClientId = clientId;
            Endpoint = endpoint;
            RequestBody = requestBody;
            Source = source;
        }

        public ClientApi Api { get; }

        public string Server { get; }

        public string ClientId { get; }

        /// <summary>Method and path, e.g. <c>PATCH /v1/esignet/client-mgmt/client/portal-1</c>.</summary>
        public string Endpoint { get; }

        public string RequestBody { get; }

        /// <summary>Where the current state came from: Ledger, Server (PMS), or None (a PATCH needs none).</summary>
        public string Source { get; }

        /// <summary>The full state after the update, when the current state is known.</summary>
        internal ClientDefinition? Merged { get; set; }

        internal ClientEndpointKind Kind { get; set; }

        internal ClientPatch? Patch { get; set; }

        internal LedgerEntry? Base { get; set; }
    }
}
