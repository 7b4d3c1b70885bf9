using System.Text.Json;
using Esignet.Core.Errors;
using Esignet.Core.Keys;

namespace Esignet.Core.Definitions
{
    /// <summary>
    /// eSignet 1.8's encPublicKey (esignet-api.md §3.4): accepted only by PATCH /client-mgmt/client/{id}
    /// (ClientDetailPatchRequest.java@v1.8.0; no create DTO has it), validated like a public key: RSA or EC, a
    /// blank alg or use refused (IdentityProviderUtil.getJWKString, ClientManagementServiceImpl.java@v1.8.0:402-407),
    /// never checked for uniqueness. userinfo needs it when additionalConfig.userinfo_response_type is JWE
    /// (UserInfoResponseHelper.java@v1.8.0:128-131 fails without its certificate).
    /// </summary>
    internal static class EncryptionKeyRules
    {
        public static void Check(ClientDefinition d, ValidationRules rules, bool pms, IssueCollector issues)
        {
            if (d.EncPublicKey == null)
            {
                if (!pms && AsksForJwe(d.AdditionalConfigJson))
                {
                    issues.Warning("encPublicKey", ValidationCodes.InvalidPublicKey, ValidationRuleNames.Required,
                        "additionalConfig asks for JWE userinfo (userinfo_response_type), but the client has no encryption key: eSignet will fail its userinfo calls. " +
                        (rules.EsignetVersion.HasPatch ? "Give -EncryptionKey or -GenerateEncryptionKey." : $"Encryption keys need eSignet 1.8; the line is {rules.EsignetVersion}: use JWS."));
                }

                return;
            }

            if (pms)
            {
                issues.Error("encPublicKey", ValidationCodes.EndpointNotOnLine, ValidationRuleNames.FieldNotOnEndpoint,
                    "PMS has no encryption key field. Register through eSignet 1.8 (-Api Esignet) to set one.");
                return;
            }

            if (!rules.EsignetVersion.HasPatch)
            {
                issues.Error("encPublicKey", ValidationCodes.EndpointNotOnLine, ValidationRuleNames.EndpointNotOnLine,
                    $"An encryption key is set through PATCH /client-mgmt/client/{{id}}, which eSignet has from 1.8; the line is {rules.EsignetVersion}. Remove it, or connect to eSignet 1.8 or later.");
                return;
            }

            JwkKeyPair key;
            try
            {
                key = KeyFactory.FromJwk(d.EncPublicKey);
            }
            catch (EsignetException e)
            {
                issues.Error("encPublicKey", ValidationCodes.InvalidPublicKey, ValidationRuleNames.KeyUnreadable, e.Message);
                return;
            }

            // Like the signing key: eSignet's Java refuses RSA under 512 bits (getJWKString), the module under 2048 unless -Force.
            if (key.KeyType == "RSA" && key.KeySize < 512)
                issues.Error("encPublicKey", ValidationCodes.InvalidPublicKey, ValidationRuleNames.KeyTooSmall, $"Key {key.KeyId} is RSA-{key.KeySize}; eSignet's Java refuses RSA keys under 512 bits. Use -GenerateEncryptionKey.");
            else if (KeyStrength.IsWeak(key) && !rules.AllowWeakRsaKeys)
                issues.Error("encPublicKey", ValidationCodes.KeySizeTooSmall, ValidationRuleNames.WeakKey, KeyStrength.Refusal(key));

            if (key.Use == "sig")
            {
                issues.Warning("encPublicKey", ValidationCodes.InvalidPublicKey, ValidationRuleNames.UnsupportedValue,
                    "The encryption key is marked use=sig (a signing key). eSignet accepts it, but a key should have one use: generate one with -GenerateEncryptionKey.");
            }
        }

        private static bool AsksForJwe(string? additionalConfig)
        {
            if (additionalConfig == null) return false;
            try
            {
                using JsonDocument doc = JsonDocument.Parse(additionalConfig);
                return doc.RootElement.ValueKind == JsonValueKind.Object
                    && doc.RootElement.TryGetProperty("userinfo_response_type", out JsonElement type)
                    && type.ValueKind == JsonValueKind.String && type.GetString() == "JWE";
            }
            catch (JsonException)
            {
                return false; // the additionalConfig rules report it
            }
        }
    }
}
