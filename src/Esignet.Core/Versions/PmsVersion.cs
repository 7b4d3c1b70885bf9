using System;
using Esignet.Core.Errors;

namespace Esignet.Core.Versions
{
    /// <summary>
    /// A PMS release line (pms-api.md §0, §3): 1.2.0.x/1.2.1.x (PMS_IDP_* codes, jose4j-based Client ID,
    /// /oidc/client only) or 1.2.2.x and later (PMS_ESI_* codes, SPKI-based Client ID, /oauth/client too).
    /// </summary>
    public sealed class PmsVersion : IEquatable<PmsVersion>
    {
        private PmsVersion(string name, bool isV122)
        {
            Name = name;
            IsV122OrLater = isV122;
        }

        public static readonly PmsVersion V120 = new PmsVersion("1.2.0", false);
        public static readonly PmsVersion V122 = new PmsVersion("1.2.2", true);

        /// <summary>Only /oidc/client exists on every line; 1.2.0 is the safe default for endpoints.</summary>
        public static PmsVersion Default => V120;

        public string Name { get; }

        public bool IsV122OrLater { get; }

        /// <summary>/oauth/client (with clientNameLangMap) and its list: 1.2.2+.</summary>
        public bool HasOAuthClientEndpoint => IsV122OrLater;

        /// <summary>The family prefix of PMS's own OIDC error codes.</summary>
        public string CodePrefix => IsV122OrLater ? "PMS_ESI_" : "PMS_IDP_";

        public static PmsVersion Parse(string text)
        {
            string t = (text ?? string.Empty).Trim().TrimStart('v', 'V');
            if (t.StartsWith("1.2.0", StringComparison.Ordinal) || t.StartsWith("1.2.1", StringComparison.Ordinal) || t == "1.2")
            {
                return V120;
            }

            if (t.StartsWith("1.2.2", StringComparison.Ordinal) || t.StartsWith("1.3", StringComparison.Ordinal))
            {
                return V122;
            }

            throw new EsignetException("UnknownServerVersion", EsignetErrorKind.InvalidArgument,
                $"'{text}' is not a PMS release line the module knows. Use 1.2.0 (1.2.0.x/1.2.1.x) or 1.2.2 (1.2.2.x and 1.3.x).");
        }

        public bool Equals(PmsVersion? other) => other != null && other.Name == Name;

        public override bool Equals(object? obj) => Equals(obj as PmsVersion);

        public override int GetHashCode() => Name.GetHashCode();

        public override string ToString() => Name;
    }
}
