using System;
using System.Collections.Generic;
using System.Linq;
using Esignet.Core.Definitions;
using Esignet.Core.Registration;

namespace Esignet.Core.Clients
{
    /// <summary>
    /// A client's current state with Set-EsignetClient's changes applied, and the check of the result: the part of an
    /// update both APIs share (each API decides where the current state comes from and what it may change).
    /// </summary>
    internal static class ClientMerge
    {
        /// <summary>A new definition: <paramref name="current"/> with every non-null change applied.</summary>
        public static ClientDefinition Apply(ClientDefinition current, ClientChanges c) => current with
        {
            ClientName = c.ClientName ?? current.ClientName,
            LogoUri = c.LogoUri ?? current.LogoUri,
            RedirectUris = c.RedirectUris ?? current.RedirectUris,
            GrantTypes = c.GrantTypes ?? current.GrantTypes,
            ClientAuthMethods = c.ClientAuthMethods ?? current.ClientAuthMethods,
            UserClaims = c.UserClaims ?? current.UserClaims,
            AuthContextRefs = c.AuthContextRefs ?? current.AuthContextRefs,
            ClientNameLangMap = c.ClientNameLangMap ?? current.ClientNameLangMap,
            AdditionalConfigJson = c.AdditionalConfigJson ?? current.AdditionalConfigJson,
            EncPublicKey = c.EncPublicKey ?? current.EncPublicKey,
            Status = c.Status ?? current.Status,
        };

        /// <summary>
        /// The validator's errors for the merged state. With <paramref name="partial"/> (the current state is unknown),
        /// only errors in the changed fields count: the others were checked against a stand-in.
        /// </summary>
        public static List<ValidationIssue> Errors(ClientDefinition merged, ValidationRules rules, ClientEndpointKind kind, ClientChanges changes, bool partial)
        {
            rules.AllowWeakRsaKeys = true; // the registered key, which an update cannot change: not a key entering the module
            IEnumerable<ValidationIssue> issues = DefinitionValidator.Validate(merged, rules, kind).Where(i => i.IsError);
            if (partial)
            {
                List<string> changed = ChangedFields(changes, rules.Api);
                issues = issues.Where(i => changed.Any(f => i.Field == f || i.Field.StartsWith(f + "[", StringComparison.Ordinal) || i.Field.StartsWith(f + ".", StringComparison.Ordinal)));
            }

            return issues.ToList();
        }

        private static List<string> ChangedFields(ClientChanges c, ClientApi api)
        {
            var f = new List<string>();
            // The validator names the name field as the API's JSON does.
            if (c.ClientName != null) f.Add(api == ClientApi.Pms ? "name" : "clientName");
            if (c.LogoUri != null) f.Add("logoUri");
            if (c.RedirectUris != null) f.Add("redirectUris");
            if (c.GrantTypes != null) f.Add("grantTypes");
            if (c.ClientAuthMethods != null) f.Add("clientAuthMethods");
            if (c.UserClaims != null) f.Add("userClaims");
            if (c.AuthContextRefs != null) f.Add("authContextRefs");
            if (c.ClientNameLangMap != null) f.Add("clientNameLangMap");
            if (c.AdditionalConfigJson != null) f.Add("additionalConfig");
            if (c.EncPublicKey != null) f.Add("encPublicKey");
            return f;
        }
    }
}
