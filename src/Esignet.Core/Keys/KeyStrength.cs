namespace Esignet.Core.Keys
{
    /// <summary>
    /// The module's floor for RSA keys that enter it (issue 16, rule 12): 2048 bits. eSignet accepts RSA keys from
    /// 512 bits (jose4j through the JDK's RSAKeyFactory; IdentityProviderUtil.java@v1.5.1, @v1.8.0), but a key under
    /// 2048 bits can be broken (NIST SP 800-131A has disallowed them for signatures since 2013), and a client's key
    /// cannot be changed after registration. The caller may insist with -Force; the module then warns.
    /// </summary>
    public static class KeyStrength
    {
        public const int MinimumRsaBits = 2048;

        /// <summary>True for an RSA key under <see cref="MinimumRsaBits"/>; EC keys are never weak here.</summary>
        public static bool IsWeak(JwkKeyPair key) => key.KeyType == "RSA" && key.KeySize < MinimumRsaBits;

        /// <summary>Why such a key is refused, and the ways round it.</summary>
        public static string Refusal(JwkKeyPair key) =>
            $"Key {key.KeyId} is RSA-{key.KeySize}. An RSA key under {MinimumRsaBits} bits can be broken, and a client's key cannot be changed after registration, so the module refuses it (eSignet itself refuses only keys under 512 bits). Use -GenerateKey or an RSA key of {MinimumRsaBits} bits or more, or add -Force to use this key anyway.";
    }
}
