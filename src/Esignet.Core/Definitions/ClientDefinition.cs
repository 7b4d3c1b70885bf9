using Esignet.Core.Keys;

namespace Esignet.Core.Definitions
{
    /// <summary>
    /// One client to register, as the user described it (a CSV row, parameters, an object): its
    /// <see cref="ClientFields"/>, plus what is not recorded as a field (the input line, the key itself, the status).
    /// Nothing here is validated: <see cref="DefinitionValidator"/> does that, offline, against the rules of the chosen
    /// server line. The stages of a registration copy it (<c>with</c>); none changes the one it was given.
    /// </summary>
    public sealed record ClientDefinition : ClientFields
    {
        public ClientDefinition()
        {
        }

        /// <summary>A definition with the given fields (from the ledger or a server's record).</summary>
        internal ClientDefinition(ClientFields fields)
            : base(fields)
        {
        }

        /// <summary>The input line number (CSV data rows start at 2: line 1 is the header), when known.</summary>
        public int? LineNumber { get; set; }

        /// <summary>eSignet only: the caller chooses it. PMS derives it from the public key.</summary>
        public string? ClientId { get; set; }

        /// <summary>The key to register; its private part, if any, is never sent.</summary>
        public JwkKeyPair? PublicKey { get; set; }

        /// <summary>Updates only: ACTIVE or INACTIVE.</summary>
        public string? Status { get; set; }
    }
}
