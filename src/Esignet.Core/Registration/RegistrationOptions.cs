using Esignet.Core.Definitions;
using Esignet.Core.Keys;

namespace Esignet.Core.Registration
{
    /// <summary>How New-EsignetOidcClient registers: which API, and what to do about keys and existing clients.</summary>
    public sealed class RegistrationOptions
    {
        public ClientApi Api { get; set; }

        /// <summary>Make a key pair for definitions without a public key (files written before the request is sent).</summary>
        public bool GenerateKey { get; set; }

        /// <summary>
        /// eSignet 1.8+: make an encryption key (RSA, use=enc, RSA-OAEP-256) for definitions without one, written as
        /// <c>&lt;key base&gt;.enc.*</c> beside the signing key; an earlier run's files are reused.
        /// </summary>
        public bool GenerateEncryptionKey { get; set; }

        /// <summary>Where generated keys go (absolute). Each key's files are named after the client.</summary>
        public string? KeyDirectory { get; set; }

        public KeySpec KeySpec { get; set; } = new KeySpec();

        /// <summary>Where new keys come from in a bulk run (generated ahead on every core); null generates each on demand.</summary>
        public KeyPool? KeyPool { get; set; }

        /// <summary>Update a client whose definition changed since it was registered, instead of reporting Changed.</summary>
        public bool Update { get; set; }

        /// <summary>How many registrations may talk to the server at once; null sends at once.</summary>
        public SendGate? SendGate { get; set; }

        /// <summary>Write new keys even into a folder other users can write to (refused by default).</summary>
        public bool AllowSharedKeyDirectory { get; set; }

        /// <summary>Register an RSA key of 512 to 2047 bits with a warning instead of refusing it (-Force).</summary>
        public bool AllowWeakRsaKey { get; set; }
    }
}
