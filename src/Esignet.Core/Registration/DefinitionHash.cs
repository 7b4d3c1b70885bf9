using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Esignet.Core.Definitions;
using Microsoft.IdentityModel.Tokens;

namespace Esignet.Core.Registration
{
    /// <summary>A fingerprint of everything registration sends, so a rerun can tell "same row" from "changed row".</summary>
    public static class DefinitionHash
    {
        public static string Compute(ClientDefinition d)
        {
            var sb = new StringBuilder();
            void Add(string name, string? value) => sb.Append(name).Append('=').Append(value ?? "\u2400").Append('\n');
            Add("clientId", d.ClientId);
            Add("clientName", d.ClientName);
            Add("relyingPartyId", d.RelyingPartyId);
            Add("key", d.PublicKey?.Thumbprint);
            Add("logoUri", d.LogoUri);
            Add("redirectUris", string.Join("\u001f", d.RedirectUris));
            Add("grantTypes", string.Join("\u001f", d.GrantTypes));
            Add("clientAuthMethods", string.Join("\u001f", d.ClientAuthMethods));
            Add("userClaims", string.Join("\u001f", d.UserClaims));
            Add("authContextRefs", string.Join("\u001f", d.AuthContextRefs));
            Add("clientNameLangMap", string.Join("\u001f", d.ClientNameLangMap.OrderBy(k => k.Key, System.StringComparer.Ordinal).Select(k => k.Key + "=" + k.Value)));
            Add("additionalConfig", d.AdditionalConfigJson);
            Add("policyId", d.PolicyId);
            Add("authPartnerId", d.AuthPartnerId);
            if (d.EncPublicKey != null) Add("encPublicKey", d.EncPublicKey); // only when given: older hashes stay valid
            using (SHA256 sha = SHA256.Create())
            {
                return Base64UrlEncoder.Encode(sha.ComputeHash(Encoding.UTF8.GetBytes(sb.ToString())));
            }
        }
    }
}
