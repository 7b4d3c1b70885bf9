using System;
using System.Collections.Generic;
using System.Globalization;
using Esignet.Core.Errors;

namespace Esignet.Core.Versions
{
    /// <summary>
    /// An eSignet release line (esignet-api.md §0.2) and what it changes for client management. The default,
    /// <see cref="Default"/>, is the oldest behaviour that still works on every line for the common case.
    /// </summary>
    public sealed class EsignetVersion : IComparable<EsignetVersion>, IEquatable<EsignetVersion>
    {
        private EsignetVersion(int minor)
        {
            Minor = minor;
        }

        public static IReadOnlyList<EsignetVersion> All { get; } = new[]
        {
            new EsignetVersion(0), new EsignetVersion(1), new EsignetVersion(2), new EsignetVersion(3), new EsignetVersion(4),
            new EsignetVersion(5), new EsignetVersion(6), new EsignetVersion(7), new EsignetVersion(8),
        };

        /// <summary>
        /// When the line is not known: the strictest reading, and the endpoint that exists on every line
        /// (oidc-client). Requests valid under it are valid on 1.0 through 1.8.
        /// </summary>
        public static EsignetVersion Default => All[0];

        public static EsignetVersion Latest => All[All.Count - 1];

        /// <summary>1.x: the minor number (0..8).</summary>
        public int Minor { get; }

        /// <summary>POST/PUT /client-mgmt/oauth-client (clientNameLangMap): 1.2+.</summary>
        public bool HasOAuthClientEndpoint => Minor >= 2;

        /// <summary>POST/PUT /client-mgmt/client (additionalConfig): 1.6+.</summary>
        public bool HasClientEndpoint => Minor >= 6;

        /// <summary>PATCH /client-mgmt/client/{id}: 1.8+.</summary>
        public bool HasPatch => Minor >= 8;

        /// <summary>EC public keys: 1.7+ (§3.1).</summary>
        public bool AcceptsEcKeys => Minor >= 7;

        /// <summary>Blank alg/use in the JWK rejected: 1.8+ (§3.1).</summary>
        public bool RejectsBlankAlgOrUse => Minor >= 8;

        /// <summary>The grant-type error code: invalid_grant_type up to 1.6, unsupported_grant_type from 1.7 (§4).</summary>
        public string GrantTypeErrorCode => Minor >= 7 ? "unsupported_grant_type" : "invalid_grant_type";

        /// <summary>clientNameLangMap optional on V2/V3 endpoints: 1.6+ (§2.2).</summary>
        public bool LangMapOptional => Minor >= 6;

        /// <summary>clientNameLangMap keys must be ISO-639-2 codes the JVM knows: 1.4+ (before: any 3 characters) (§2.2).</summary>
        public bool LangMapKeysIso639 => Minor >= 4;

        /// <summary>clientNameLangMap values at most 50 characters: 1.6+ (§2.2).</summary>
        public bool LangMapValueMax50 => Minor >= 6;

        /// <summary>Redirect URIs validated by commons-validator (any scheme): 1.2+; before, java.net.URL (§2.6).</summary>
        public bool RedirectUrisAnyScheme => Minor >= 2;

        /// <summary>Update (PUT) allows an empty userClaims list: 1.8+ (§2.4).</summary>
        public bool UpdateAllowsEmptyClaims => Minor >= 8;

        /// <summary>The token endpoint accepts RS256/PS256/ES256 client assertions and needs a jti: 1.7+ (§6.2).</summary>
        public bool AssertionAcceptsPsAndEs => Minor >= 7;

        public static EsignetVersion Parse(string text)
        {
            string t = (text ?? string.Empty).Trim().TrimStart('v', 'V');
            string[] parts = t.Split('.');
            if (parts.Length >= 2 && parts[0] == "1" && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int minor)
                && minor >= 0 && minor <= 8)
            {
                return All[minor];
            }

            throw new EsignetException("UnknownServerVersion", EsignetErrorKind.InvalidArgument,
                $"'{text}' is not an eSignet release line the module knows. Use 1.0 to 1.8 (e.g. 1.5 for 1.5.1).");
        }

        public int CompareTo(EsignetVersion? other) => other == null ? 1 : Minor.CompareTo(other.Minor);

        public bool Equals(EsignetVersion? other) => other != null && other.Minor == Minor;

        public override bool Equals(object? obj) => Equals(obj as EsignetVersion);

        public override int GetHashCode() => Minor;

        public override string ToString() => "1." + Minor.ToString(CultureInfo.InvariantCulture);

        public static bool operator >(EsignetVersion a, EsignetVersion b) => a.Minor > b.Minor;

        public static bool operator <(EsignetVersion a, EsignetVersion b) => a.Minor < b.Minor;
    }
}
