namespace Esignet.Core.Keys
{
    /// <summary>The JWK key types the module makes and reads (<c>kty</c>).</summary>
    public enum KeyKind
    {
        /// <summary>RSA: accepted by every eSignet line.</summary>
        RSA,

        /// <summary>Elliptic curve (P-256, P-384, P-521): accepted by eSignet from 1.7 on.</summary>
        EC,
    }

    /// <summary>The intended use of a key (<c>use</c>).</summary>
    public enum KeyUse
    {
        /// <summary>Signing: client assertions (private_key_jwt). What registration needs.</summary>
        Sig,

        /// <summary>Encryption: eSignet 1.8's encPublicKey for JWE userinfo.</summary>
        Enc,
    }
}
