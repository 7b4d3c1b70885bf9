using System;
using System.Collections.Generic;
using Esignet.Core.Connection;
using Esignet.Core.Versions;

namespace Esignet.Core.Assertions
{
    /// <summary>
    /// What one eSignet token endpoint accepts in a client assertion (esignet-api.md §6.2): the algorithms
    /// (discovery <c>token_endpoint_auth_signing_alg_values_supported</c>, else the line's default), the audience,
    /// and whether a <c>jti</c> is required.
    /// </summary>
    public sealed class AssertionServerRules
    {
        public AssertionServerRules(IReadOnlyCollection<string> algorithms, string audience, bool requiresJti)
        {
            Algorithms = algorithms ?? throw new ArgumentNullException(nameof(algorithms));
            Audience = audience ?? throw new ArgumentNullException(nameof(audience));
            RequiresJti = requiresJti;
        }

        public IReadOnlyCollection<string> Algorithms { get; }

        /// <summary>The token endpoint the assertion is meant for: the <c>aud</c> it must carry.</summary>
        public string Audience { get; }

        /// <summary>eSignet 1.7+ require a non-blank jti.</summary>
        public bool RequiresJti { get; }

        /// <summary>
        /// The rules of the connected server: its discovery document when read, else the line's shipped defaults
        /// (RS256 only before 1.7; RS256, PS256, ES256 from 1.7). Null when no token endpoint is known.
        /// </summary>
        public static AssertionServerRules? For(DiscoveryDocument? discovery, EsignetVersion line)
        {
            if (discovery?.TokenEndpoint == null)
            {
                return null;
            }

            IReadOnlyCollection<string> algorithms = discovery.TokenEndpointAuthSigningAlgValuesSupported.Count > 0
                ? discovery.TokenEndpointAuthSigningAlgValuesSupported
                : (line.AssertionAcceptsPsAndEs ? new[] { "RS256", "PS256", "ES256" } : new[] { "RS256" });
            return new AssertionServerRules(algorithms, discovery.TokenEndpoint, line.AssertionAcceptsPsAndEs);
        }
    }
}
