using Esignet.Core.Connection;
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
    }

    /// <summary>
    /// Tells a cmdlet, before it asks ShouldProcess, whether a row will send anything, so that -WhatIf and -Verbose say
    /// "nothing is sent" for rows a rerun reports as Exists instead of describing a request that never happens.
    /// </summary>
    public static class RegistrationPreview
    {
        public static ExpectedAction Expect(EsignetContext context, PreparedRegistration p, bool update)
        {
            LedgerEntry? known = context.Ledger.Find(p.Server, p.ClientId);
            if (known == null || known.Outcome == "Failed" || known.Outcome == "Pending")
            {
                return ExpectedAction.Create;
            }

            if (known.KeyThumbprint != p.Definition.PublicKey?.Thumbprint)
            {
                return ExpectedAction.Refused;
            }

            string hash = DefinitionHash.Compute(p.Definition);
            if (known.DefinitionHash == hash || known.InputHash == hash)
            {
                return ExpectedAction.NothingRegistered;
            }

            return update ? ExpectedAction.Update : ExpectedAction.NothingChanged;
        }
    }
}
