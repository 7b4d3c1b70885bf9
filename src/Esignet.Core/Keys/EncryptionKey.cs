namespace Esignet.Core.Keys
{
    /// <summary>
    /// A key given to encrypt a client's userinfo (eSignet 1.8's encPublicKey, esignet-api.md §3.4), labelled as such.
    /// A PEM carries no use or alg, and eSignet 1.8 refuses blank ones (IdentityProviderUtil.getJWKString@v1.8.0), so
    /// the module sets use=enc and the encryption alg eSignet's own Postman collection and api-test send
    /// (RSA-OAEP-256; ECDH-ES for EC). A JWK that already says use=enc keeps its own alg.
    /// </summary>
    public static class EncryptionKey
    {
        public static JwkKeyPair For(JwkKeyPair key)
        {
            if (key.Use == "enc" && !string.IsNullOrEmpty(key.Algorithm))
            {
                return key;
            }

            return new JwkKeyPair(key.Material, key.KeyId, "enc", JwkAlgorithms.Default(key.Material.Kind, KeyUse.Enc, key.Material.Curve));
        }
    }
}
