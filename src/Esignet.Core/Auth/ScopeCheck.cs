using System;
using System.Collections.Generic;
using System.Linq;
using Esignet.Core.Connection;
using Esignet.Core.Errors;

namespace Esignet.Core.Auth
{
    /// <summary>
    /// The token's scopes are known once connected (Keycloak puts them in the JWT's scope claim), and eSignet's
    /// client-management API needs add_oidc_client to create and update_oidc_client to PUT (esignet-api.md; the
    /// sandbox's BearerTokenGate). Said at connect, and checked before a row's key files are written, instead of a
    /// 403 on the first row after its keys are on disk. OpenG2P deployments grant esignet_admin_access instead, which
    /// is taken as covering both. A token whose scopes are unknown (opaque, or no scope claim) is never refused.
    /// </summary>
    public static class ScopeCheck
    {
        public const string Create = "add_oidc_client";
        public const string Update = "update_oidc_client";
        private const string OpenG2PAdmin = "esignet_admin_access";

        /// <summary>The needed eSignet scopes the token lacks; empty when it has them, has no eSignet, or its scopes are unknown.</summary>
        public static IReadOnlyList<string> Missing(EsignetContext context)
        {
            IReadOnlyList<string> scopes = context.TokenScopes;
            if (context.EsignetUri == null || scopes.Count == 0 || scopes.Contains(OpenG2PAdmin, StringComparer.Ordinal))
            {
                return Array.Empty<string>();
            }

            return new[] { Create, Update }.Where(s => !scopes.Contains(s, StringComparer.Ordinal)).ToList();
        }

        /// <summary>The connect-time warning, or null when nothing is missing.</summary>
        public static string? Warning(EsignetContext context)
        {
            IReadOnlyList<string> missing = Missing(context);
            if (missing.Count == 0)
            {
                return null;
            }

            string consequence = missing.Contains(Create)
                ? "New-EsignetOidcClient will refuse eSignet rows before writing any key file"
                : "Set-EsignetClient's full updates (PUT) will be refused by eSignet";
            return $"The access token lacks the scope{(missing.Count == 1 ? string.Empty : "s")} {string.Join(" and ", missing)} " +
                $"(it has: {string.Join(" ", context.TokenScopes)}). {consequence}. Assign the scope to the client in Keycloak " +
                "(OpenG2P: esignet_admin_access) and connect again.";
        }

        /// <summary>Throws, before anything is written or sent, when the token is known to lack the scope to create.</summary>
        public static void RequireCreate(EsignetContext context)
        {
            if (Missing(context).Contains(Create))
            {
                throw new EsignetException("Forbidden", EsignetErrorKind.PermissionDenied,
                    $"The access token lacks the scope '{Create}' (it has: {string.Join(" ", context.TokenScopes)}), so eSignet would refuse this client with HTTP 403. " +
                    "Nothing was written or sent. Assign the scope to the client in Keycloak (OpenG2P: esignet_admin_access) and connect again.");
            }
        }
    }
}
