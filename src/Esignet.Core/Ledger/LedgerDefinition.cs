using Esignet.Core.Clients;
using Esignet.Core.Definitions;

namespace Esignet.Core.Ledger
{
    /// <summary>The non-secret fields of a registration, as sent: the <see cref="ClientFields"/> and the public JWK.</summary>
    public sealed record LedgerDefinition : ClientFields
    {
        public LedgerDefinition()
        {
        }

        private LedgerDefinition(ClientFields fields)
            : base(fields)
        {
        }

        public string? PublicJwk { get; set; }

        /// <summary>The fields of a definition as they were sent (the public key only).</summary>
        public static LedgerDefinition From(ClientDefinition d) => new LedgerDefinition(d) { PublicJwk = d.PublicKey?.PublicJwk };

        /// <summary>The recorded fields as a definition again (the base a PUT merges into).</summary>
        public ClientDefinition ToDefinition(string clientId, string status)
            => new ClientDefinition(this) { ClientId = clientId, Status = status, PublicKey = ClientRecords.TryKey(PublicJwk) };
    }
}
