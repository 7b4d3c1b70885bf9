using System.Collections.Generic;
using Esignet.Core.Definitions;
using Esignet.Core.Keys;

namespace Esignet.Core.Registration
{
    /// <summary>A validated definition with everything decided: endpoint, Client ID, body. Nothing written or sent yet.</summary>
    public sealed class PreparedRegistration
    {
        internal PreparedRegistration(ClientDefinition definition, ClientApi api, ClientEndpointKind endpointKind, string server, string clientId,
            string endpoint, string requestBody, KeyFileSet? newKeyFiles, IReadOnlyList<ValidationIssue> warnings)
        {
            Definition = definition;
            Api = api;
            EndpointKind = endpointKind;
            Server = server;
            ClientId = clientId;
            Endpoint = endpoint;
            RequestBody = requestBody;
            NewKeyFiles = newKeyFiles;
            Warnings = warnings;
        }

        public ClientDefinition Definition { get; }

        public ClientApi Api { get; }

        public ClientEndpointKind EndpointKind { get; }

        public string Server { get; }

        public string ClientId { get; }

        /// <summary>Method and path, e.g. POST /v1/esignet/client-mgmt/oidc-client.</summary>
        public string Endpoint { get; }

        /// <summary>The JSON that will be sent: public key only, so safe to show.</summary>
        public string RequestBody { get; }

        /// <summary>Where a newly generated key will be written before sending; null when the key came from input or disk.</summary>
        public KeyFileSet? NewKeyFiles { get; }

        public IReadOnlyList<ValidationIssue> Warnings { get; }
    }
}
