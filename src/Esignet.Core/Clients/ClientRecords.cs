using System;
using System.Collections.Generic;
using System.Text.Json;
using Esignet.Core.Keys;
using Esignet.Core.Ledger;
using Esignet.Core.Registration;
using Esignet.Core.Servers;

namespace Esignet.Core.Clients
{
    /// <summary>Builds <see cref="ClientRecord"/>s from the two sources of truth: a ledger entry and a PMS answer.</summary>
    internal static class ClientRecords
    {
        public static ClientRecord FromLedger(LedgerEntry e)
        {
            LedgerDefinition d = e.Definition ?? new LedgerDefinition();
            return new ClientRecord
            {
                ClientId = e.ClientId,
                ClientName = d.ClientName,
                Status = e.Status,
                Source = "Ledger",
                Api = e.Api,
                Server = e.Server,
                RelyingPartyId = d.RelyingPartyId ?? d.AuthPartnerId,
                PolicyId = d.PolicyId,
                LogoUri = d.LogoUri,
                RedirectUris = d.RedirectUris,
                GrantTypes = d.GrantTypes,
                ClientAuthMethods = d.ClientAuthMethods,
                UserClaims = d.UserClaims,
                AuthContextRefs = d.AuthContextRefs,
                ClientNameLangMap = d.ClientNameLangMap.Count > 0 ? d.ClientNameLangMap : null,
                AdditionalConfig = d.AdditionalConfigJson,
                PublicJwk = d.PublicJwk,
                KeyId = e.KeyId,
                KeyThumbprint = e.KeyThumbprint,
                PrivateKeyPemPath = e.PrivateKeyPemPath,
                PrivateJwkPath = e.PrivateJwkPath,
                PublicJwkPath = e.PublicJwkPath,
                EncryptionPrivateKeyPemPath = e.EncryptionPrivateKeyPemPath,
                RecordedAt = e.Time,
            };
        }

        public static ClientRecord FromPms(PmsClientDetails p, string server)
        {
            SplitName(p.Name, out string? name, out Dictionary<string, string>? map);
            var record = new ClientRecord
            {
                ClientId = p.ClientId,
                ClientName = name,
                ClientNameLangMap = map,
                Status = p.Status,
                Source = "Server",
                Api = "Pms",
                Server = server,
                RelyingPartyId = p.RelyingPartyId,
                PolicyId = p.PolicyId,
                PolicyName = p.PolicyName,
                LogoUri = p.LogoUri,
                RedirectUris = p.RedirectUris,
                GrantTypes = p.GrantTypes,
                ClientAuthMethods = p.ClientAuthMethods,
                UserClaims = p.Claims,
                AuthContextRefs = p.AcrValues,
                PublicJwk = p.PublicKey,
            };
            if (!string.IsNullOrEmpty(p.PublicKey))
            {
                try
                {
                    JwkKeyPair key = KeyFactory.FromJwk(p.PublicKey!);
                    record.KeyId = key.KeyId;
                    record.KeyThumbprint = key.Thumbprint;
                }
                catch (Errors.EsignetException)
                {
                    // A stored key the module cannot read is still worth showing as text.
                }
            }

            return record;
        }

        /// <summary>A stored JWK as a key, or null when it is missing or the module cannot read it.</summary>
        internal static JwkKeyPair? TryKey(string? jwk)
        {
            if (string.IsNullOrWhiteSpace(jwk)) return null;
            try
            {
                return KeyFactory.FromJwk(jwk!);
            }
            catch (Errors.EsignetException)
            {
                return null;
            }
        }

        /// <summary>PMS stores a v2 client's name as the JSON of its language map plus "@none" (pms-api.md §4.2).</summary>
        internal static void SplitName(string? stored, out string? name, out Dictionary<string, string>? map)
        {
            name = stored;
            map = null;
            if (stored == null || !stored.TrimStart().StartsWith("{", StringComparison.Ordinal)) return;
            try
            {
                var all = JsonSerializer.Deserialize<Dictionary<string, string>>(stored);
                if (all == null) return;
                name = all.TryGetValue("@none", out string? none) ? none : stored;
                all.Remove("@none");
                map = all;
            }
            catch (JsonException)
            {
                // Not a map after all: keep the text as the name.
            }
        }
    }
}
