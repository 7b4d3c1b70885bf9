using System.Collections.Generic;
using Esignet.Core.ClientApis;
using Esignet.Core.Definitions;
using Esignet.Core.Keys;
using Esignet.Core.Servers;

namespace Esignet.Core.Registration
{
    /// <summary>
    /// A validated definition with everything decided: the normalised definition (defaults applied, key attached), the
    /// endpoint, the predicted Client ID and the one request that will be sent. Nothing written or sent yet. Immutable:
    /// what -WhatIf shows is what ExecuteAsync sends (requestTime aside, which each attempt stamps anew).
    /// </summary>
    public sealed class PreparedRegistration
    {
        internal PreparedRegistration(ClientManagementApi serverApi, ClientDefinition definition, ClientEndpointKind endpointKind, string clientId,
            ClientRequest request, KeyFileSet? newKeyFiles, IReadOnlyList<ValidationIssue> warnings)
        {
            ServerApi = serverApi;
            Definition = definition;
            EndpointKind = endpointKind;
            ClientId = clientId;
            Request = request;
            NewKeyFiles = newKeyFiles;
            Warnings = warnings;
            DefinitionHash = Registration.DefinitionHash.Compute(definition);
            CreatedHash = definition.EncPublicKey == null ? DefinitionHash : Registration.DefinitionHash.Compute(definition with { EncPublicKey = null });
        }

        /// <summary>The normalised definition: the input with the defaults applied and its key attached.</summary>
        public ClientDefinition Definition { get; }

        public ClientApi Api => ServerApi.Kind;

        public ClientEndpointKind EndpointKind { get; }

        public string Server => ServerApi.Server;

        /// <summary>The Client ID the module expects; the server's answer wins (RegistrationResult.ClientId).</summary>
        public string ClientId { get; }

        public ClientRequest Request { get; }

        /// <summary>True when the server derives the Client ID from the key (PMS), so <see cref="ClientId"/> follows the key.</summary>
        public bool ClientIdFromKey => ServerApi.ClientIdFromKey;

        /// <summary>Method and path, e.g. POST /v1/esignet/client-mgmt/oidc-client.</summary>
        public string Endpoint => Request.Endpoint;

        /// <summary>The JSON that will be sent: public key only, so safe to show.</summary>
        public string RequestBody => Request.Preview;

        /// <summary>Where a newly generated key will be written before sending; null when the key came from input or disk.</summary>
        public KeyFileSet? NewKeyFiles { get; }

        public IReadOnlyList<ValidationIssue> Warnings { get; }

        /// <summary>A newly generated encryption key and where ExecuteAsync writes it; null when none is made.</summary>
        public NewKey? NewEncryptionKey { get; init; }

        /// <summary>The encryption key's files (new or reused) when -GenerateEncryptionKey provided it; else null.</summary>
        public KeyFileSet? EncryptionKeyFiles { get; init; }

        /// <summary>The fingerprint a rerun compares with the ledger's (same row, or changed row).</summary>
        internal string DefinitionHash { get; }

        /// <summary>
        /// The fingerprint of what the create request alone sets: the definition without the fields only a second request
        /// carries (encPublicKey). A ledger entry with it and not <see cref="DefinitionHash"/> is a create whose second
        /// request is still to be sent.
        /// </summary>
        internal string CreatedHash { get; }

        internal ClientManagementApi ServerApi { get; }
    }
}
