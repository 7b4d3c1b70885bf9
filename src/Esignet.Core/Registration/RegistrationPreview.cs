using Esignet.Core.Connection;
using Esignet.Core.Keys;
using Esignet.Core.Ledger;

namespace Esignet.Core.Registration
{
    /// <summary>What a prepared registration will do, read from the ledger as ExecuteAsync will read it.</summary>
    public enum ExpectedAction
    {
        /// <summary>Not in the ledger (or only Pending/Failed): a create request is sent.</summary>
        Create,

        /// <summary>Registered with this key and this input: nothing is sent.</summary>
        NothingRegistered,

        /// <summary>Registered with this key, but the row differs and -Update was not given: nothing is sent.</summary>
        NothingChanged,

        /// <summary>Registered with this key, the row differs, -Update given: the client is replaced.</summary>
        Update,

        /// <summary>The ledger has this Client ID with another key: the row fails with ClientIdTaken, nothing is sent.</summary>
        Refused,

        /// <summary>Created, but the second request (eSignet 1.8's encryption key, PATCH only) did not get through: only it is sent.</summary>
        Complete,
    }

    /// <summary>
    /// Tells a cmdlet, before it asks ShouldProcess, whether a row will send anything, so that -WhatIf and -Verbose say
    /// "nothing is sent" for rows a rerun reports as Exists instead of describing a request that never happens.
    /// </summary>
    public static class RegistrationPreview
    {
        public static ExpectedAction Expect(EsignetContext context, PreparedRegistration p, bool update)
        {
            JwkKeyPair key = p.Definition.PublicKey!;
            return Decide(p.ServerApi.FindRegistration(p.ClientId, key), key, p.DefinitionHash, p.CreatedHash, update);
        }

        /// <summary>What a row does given the ledger's latest entry for its client: the one decision ExecuteAsync and -WhatIf share.</summary>
        internal static ExpectedAction Decide(LedgerEntry? known, JwkKeyPair key, string hash, string createdHash, bool update)
        {
            if (known == null || !known.IsRegistered)
            {
                return ExpectedAction.Create;
            }

            if (known.KeyThumbprint != key.Thumbprint)
            {
                return ExpectedAction.Refused;
            }

            // The same input as registered, even when Set-EsignetClient changed the client since (InputHash).
            if (known.DefinitionHash == hash || known.InputHash == hash)
            {
                return ExpectedAction.NothingRegistered;
            }

            if (createdHash != hash && (known.DefinitionHash == createdHash || known.InputHash == createdHash))
            {
                return ExpectedAction.Complete;
            }

            return update ? ExpectedAction.Update : ExpectedAction.NothingChanged;
        }
    }
}
