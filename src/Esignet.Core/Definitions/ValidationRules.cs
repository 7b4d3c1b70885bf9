using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Esignet.Core.Versions;

namespace Esignet.Core.Definitions
{
    /// <summary>
    /// What the target server accepts: the API, the release lines, and the configurable value sets. <see cref="For"/>
    /// fills the shipped defaults of a line (esignet-api.md §2.5, §6.1); a caller that has read the server's discovery
    /// document may replace any set with what the server reports.
    /// </summary>
    public sealed class ValidationRules
    {
        /// <summary>eSignet's default <c>mosip.esignet.supported-id-regex</c> (esignet-api.md §2.1).</summary>
        public const string DefaultIdPattern = @"\S*";

        private string _idPattern = DefaultIdPattern;
        private Regex? _idRegex;

        public ValidationRules(ClientApi api, EsignetVersion esignetVersion, PmsVersion pmsVersion)
        {
            Api = api;
            EsignetVersion = esignetVersion ?? throw new ArgumentNullException(nameof(esignetVersion));
            PmsVersion = pmsVersion ?? throw new ArgumentNullException(nameof(pmsVersion));
        }

        public ClientApi Api { get; }

        /// <summary>The eSignet line: the one called directly, or the one PMS forwards to.</summary>
        public EsignetVersion EsignetVersion { get; }

        /// <summary>The PMS line (used when <see cref="Api"/> is <see cref="ClientApi.Pms"/>).</summary>
        public PmsVersion PmsVersion { get; }

        /// <summary>Discovery <c>claims_supported</c> (§2.5). Ordinal, case-sensitive, as the server compares.</summary>
        public ISet<string> SupportedClaims { get; set; } = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>The keys of the AMR/ACR mapping file (§2.5) — not discovery's <c>acr_values_supported</c>.</summary>
        public ISet<string> SupportedAcrs { get; set; } = new HashSet<string>(StringComparer.Ordinal);

        /// <summary><c>mosip.esignet.supported.grant.types</c> (§2.5).</summary>
        public ISet<string> SupportedGrantTypes { get; set; } = new HashSet<string>(StringComparer.Ordinal);

        /// <summary><c>mosip.esignet.supported.client.auth.methods</c> (§2.5).</summary>
        public ISet<string> SupportedAuthMethods { get; set; } = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>
        /// Discovery <c>token_endpoint_auth_signing_alg_values_supported</c> (§6.1, §6.2): the client-assertion
        /// algorithms the token endpoint verifies. RS256 only before 1.7; RS256, PS256, ES256 from 1.7.
        /// </summary>
        public ISet<string> SupportedAssertionAlgorithms { get; set; } = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>
        /// Accept an RSA key of 512 to 2047 bits with a warning instead of refusing it (-Force). False by default: a
        /// key entering the module is held to 2048 bits; only updates of a client whose key is already registered, and
        /// cannot change, set it.
        /// </summary>
        public bool AllowWeakRsaKeys { get; set; }

        /// <summary>
        /// <c>mosip.esignet.supported-id-regex</c>: clientId and relyingPartyId must match it as a whole (Java
        /// <c>matches()</c>). The default <c>\S*</c> is checked with Java's whitespace set (space, \t, \n, \x0B, \f, \r);
        /// any other pattern is run with .NET's regex engine, which is close to Java's for the usual patterns.
        /// </summary>
        public string IdPattern
        {
            get => _idPattern;
            set
            {
                _idPattern = string.IsNullOrEmpty(value) ? DefaultIdPattern : value;
                _idRegex = null;
            }
        }

        internal bool IdPatternIsDefault => _idPattern == DefaultIdPattern;

        internal Regex IdRegex => _idRegex ??= new Regex(@"\A(?:" + _idPattern + @")\z", RegexOptions.CultureInvariant);

        /// <summary>
        /// The shipped defaults of a line. Claims: the 8 deployment defaults, plus <c>phone_number_verified</c>,
        /// <c>registration_type</c>, <c>updated_at</c> from 1.5. ACRs: the 4 base values; plus <c>password</c> from 1.3
        /// (mosip-config); plus <c>knowledge</c>, <c>password</c>, <c>id-token</c> from 1.5. Grant type
        /// <c>authorization_code</c>; auth method <c>private_key_jwt</c>; assertion algorithms per §6.1.
        /// </summary>
        public static ValidationRules For(ClientApi api, EsignetVersion esignet, PmsVersion pms)
        {
            var rules = new ValidationRules(api, esignet, pms);
            int minor = esignet.Minor;
            // The 8 claims of the deployment defaults (mosip-config and OpenG2P, every line), and those the service's own
            // properties add to claims_supported from 1.5.0 (esignet-api.md §2.5).
            rules.SupportedClaims.UnionWith(new[] { "name", "address", "gender", "birthdate", "picture", "email", "phone_number", "individual_id" });
            if (minor >= 5) rules.SupportedClaims.UnionWith(new[] { "phone_number_verified", "registration_type", "updated_at" });

            // The four base ACRs of the AMR/ACR mapping file (every line; esignet-api.md §2.5).
            rules.SupportedAcrs.UnionWith(new[] { "mosip:idp:acr:static-code", "mosip:idp:acr:generated-code", "mosip:idp:acr:linked-wallet", "mosip:idp:acr:biometrics" });
            if (minor >= 3) rules.SupportedAcrs.Add("mosip:idp:acr:password");
            if (minor >= 5)
            {
                rules.SupportedAcrs.Add("mosip:idp:acr:knowledge");
                rules.SupportedAcrs.Add("mosip:idp:acr:id-token");
            }

            rules.SupportedGrantTypes.Add("authorization_code");
            rules.SupportedAuthMethods.Add("private_key_jwt");
            rules.SupportedAssertionAlgorithms.Add("RS256");
            if (esignet.AssertionAcceptsPsAndEs)
            {
                rules.SupportedAssertionAlgorithms.Add("PS256");
                rules.SupportedAssertionAlgorithms.Add("ES256");
            }

            return rules;
        }

        /// <summary>The defaults for an eSignet line called directly.</summary>
        public static ValidationRules ForEsignet(EsignetVersion esignet) => For(ClientApi.Esignet, esignet, PmsVersion.Default);

        /// <summary>The defaults for PMS on <paramref name="pms"/>, forwarding to eSignet <paramref name="esignet"/>.</summary>
        public static ValidationRules ForPms(PmsVersion pms, EsignetVersion esignet) => For(ClientApi.Pms, esignet, pms);
    }
}
