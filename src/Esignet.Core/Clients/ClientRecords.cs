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

        /// <summary>A client as PMS's GET oidc/client/{id} or oauth/client/{id} reports it (pms-api.md §4.6).</summary>
        public static ClientRecord FromPms(JsonElement e, string server)
        {
            ClientRecord record = FromPms(server, JsonBody.String(e, "id"), JsonBody.String(e, "name"), JsonBody.String(e, "relyingPartyId"), JsonBody.String(e, "policyName"), JsonBody.String(e, "status"));
            record.PolicyId = JsonBody.String(e, "policyId");
            record.LogoUri = JsonBody.String(e, "logoUri");
            record.RedirectUris = JsonBody.Strings(e, "redirectUris");
            record.GrantTypes = JsonBody.Strings(e, "grantTypes");
            record.ClientAuthMethods = JsonBody.Strings(e, "clientAuthMethods");
            record.UserClaims = JsonBody.Strings(e, "claims");
            record.AuthContextRefs = JsonBody.Strings(e, "acrValues");
            record.PublicJwk = JsonBody.String(e, "publicKey"); // PMS returns the stored JWK as a JSON string
            if (TryKey(record.PublicJwk) is JwkKeyPair key)
            {
                record.KeyId = key.KeyId;
                record.KeyThumbprint = key.Thumbprint;
            }

            return record;
        }

        /// <summary>A client as an item of PMS 1.2.2's list (GET oauth/client) reports it: a summary.</summary>
        public static ClientRecord FromPmsListItem(JsonElement e, string server)
            => FromPms(server, JsonBody.String(e, "clientId"), JsonBody.String(e, "clientName"), JsonBody.String(e, "partnerId"), JsonBody.String(e, "policyName"), JsonBody.String(e, "status"));

        private static ClientRecord FromPms(string server, string? clientId, string? storedName, string? relyingPartyId, string? policyName, string? status)
        {
            SplitName(storedName, out string? name, out Dictionary<string, string>? map);
            return new ClientRecord
            {
                ClientId = clientId ?? string.Empty,
                ClientName = name,
                ClientNameLangMap = map,
                Status = status,
                Source = "Server",
                Api = "Pms",
                Server = server,
                RelyingPartyId = relyingPartyId,
                PolicyName = policyName,
            };
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
