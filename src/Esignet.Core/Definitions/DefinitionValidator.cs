using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Esignet.Core.Keys;

namespace Esignet.Core.Definitions
{
    /// <summary>
    /// Local validation (design.md, decision 1): every rule the target server enforces that can be checked offline,
    /// for the chosen API, release line and create endpoint, reported with the exact code the server would answer
    /// (esignet-api.md §2-§4; pms-api.md §4, §5.1). PMS forwards to eSignet, so a PMS definition is checked against
    /// PMS's bean validation first and then eSignet's rules for what PMS passes on.
    /// A few rules are stricter than the server, each because the registration could never work otherwise:
    /// a key for encryption, or with an algorithm the token endpoint refuses, makes an immutable, useless client.
    /// </summary>
    public static class DefinitionValidator
    {
        private const int MaxIdLength = 100;
        private const int MaxNameLength = 256;
        private const int MaxLangValueLength = 50;
        private const int MaxRedirectUris = 5;
        private const int MaxListOf3 = 3;
        private const int MaxClaimsOrAcrs = 30;
        private const int LogoUriColumn = 2048;

        public static IReadOnlyList<ValidationIssue> Validate(ClientDefinition d, ValidationRules rules, ClientEndpointKind endpoint)
        {
            if (d == null) throw new ArgumentNullException(nameof(d));
            if (rules == null) throw new ArgumentNullException(nameof(rules));
            var issues = new IssueCollector(d.LineNumber);
            bool pms = endpoint == ClientEndpointKind.PmsOidcClient || endpoint == ClientEndpointKind.PmsOAuthClient;
            UnsafeText.Check(d, pms, issues);
            if (pms)
            {
                ValidatePms(d, rules, endpoint, issues);
            }
            else
            {
                ValidateEsignet(d, rules, endpoint, issues);
            }

            return issues.Issues;
        }

        private static void ValidateEsignet(ClientDefinition d, ValidationRules rules, ClientEndpointKind endpoint, IssueCollector issues)
        {
            var line = rules.EsignetVersion;
            if (endpoint == ClientEndpointKind.OAuthClient && !line.HasOAuthClientEndpoint)
                issues.Error("clientNameLangMap", ValidationCodes.EndpointNotOnLine, ValidationRuleNames.EndpointNotOnLine, $"A language map needs /client-mgmt/oauth-client (eSignet 1.2+); the line is {line}.");
            if (endpoint == ClientEndpointKind.Client && !line.HasClientEndpoint)
                issues.Error("additionalConfig", ValidationCodes.EndpointNotOnLine, ValidationRuleNames.EndpointNotOnLine, $"additionalConfig needs /client-mgmt/client (eSignet 1.6+); the line is {line}.");

            CheckId(d.ClientId, "clientId", ValidationCodes.InvalidClientId, rules, issues);
            CheckRequired(d.ClientName, "clientName", "The client name", MaxNameLength, ValidationCodes.InvalidClientName, issues);
            CheckId(d.RelyingPartyId, "relyingPartyId", ValidationCodes.InvalidRpId, rules, issues);
            CheckKey(d.PublicKey, ValidationCodes.InvalidPublicKey, rules, issues);
            CheckLogo(d.LogoUri, ValidationCodes.InvalidUri, DatabaseErrorCode(endpoint, line), issues);
            CheckRedirectUris(d.RedirectUris, ValidationCodes.InvalidRedirectUri, ValidationCodes.InvalidRedirectUri, rules, issues);
            CheckValues(d.GrantTypes, "grantTypes", line.GrantTypeErrorCode, line.GrantTypeErrorCode, rules.SupportedGrantTypes, 1, MaxListOf3, issues);
            CheckValues(d.ClientAuthMethods, "clientAuthMethods", ValidationCodes.InvalidClientAuth, ValidationCodes.InvalidClientAuth, rules.SupportedAuthMethods, 1, MaxListOf3, issues);
            CheckValues(d.UserClaims, "userClaims", ValidationCodes.InvalidClaim, ValidationCodes.InvalidClaim, rules.SupportedClaims, 0, MaxClaimsOrAcrs, issues);
            CheckAcrs(d.AuthContextRefs, rules, issues);
            EncryptionKeyRules.Check(d, rules, pms: false, issues);

            if (endpoint == ClientEndpointKind.OidcClient)
            {
                if (d.ClientNameLangMap.Count > 0)
                    issues.Error("clientNameLangMap", ValidationCodes.UnknownError, ValidationRuleNames.FieldNotOnEndpoint, "/client-mgmt/oidc-client has no clientNameLangMap.");
            }
            else
            {
                CheckLangMap(d, line, esignetOnly: true, issues);
            }

            if (d.AdditionalConfigJson != null)
            {
                if (endpoint != ClientEndpointKind.Client)
                    issues.Error("additionalConfig", ValidationCodes.UnknownError, ValidationRuleNames.FieldNotOnEndpoint, "Only /client-mgmt/client (eSignet 1.6+) takes additionalConfig.");
                else
                    AdditionalConfigRules.Check(d.AdditionalConfigJson, line, issues);
            }

            CheckStoredName(d, line, endpoint, issues);
            CheckColumns(d, line, endpoint, issues);
        }

        private static void ValidatePms(ClientDefinition d, ValidationRules rules, ClientEndpointKind endpoint, IssueCollector issues)
        {
            const string bean = ValidationCodes.PmsInvalidRequest;
            EncryptionKeyRules.Check(d, rules, pms: true, issues);
            CheckRequired(d.ClientName, "name", "The client name", MaxNameLength, bean, issues);
            CheckRequired(d.PolicyId, "policyId", "policyId", 36, bean, issues);
            CheckRequired(d.AuthPartnerId, "authPartnerId", "authPartnerId", MaxIdLength, bean, issues);

            // eSignet receives authPartnerId as relyingPartyId and validates it with its id rule.
            if (!string.IsNullOrWhiteSpace(d.AuthPartnerId) && d.AuthPartnerId!.Length <= MaxIdLength)
                CheckId(d.AuthPartnerId, "authPartnerId", ValidationCodes.InvalidRpId, rules, issues);

            if (d.PublicKey == null)
            {
                issues.Error("publicKey", bean, ValidationRuleNames.Required, "A public key is required (a JWK, a key object, or a key file path; or use -GenerateKey).");
            }
            else if (!rules.PmsVersion.IsV122OrLater && d.PublicKey.KeyType != "RSA")
            {
                // PMS 1.2.0/1.2.1 parses with jose4j RsaJsonWebKey and answers errorCode null (pms-api.md §5.1 #2).
                issues.Error("publicKey", ValidationCodes.PmsKeyUnreadable, ValidationRuleNames.KeyTypeNotOnLine, $"PMS {rules.PmsVersion} reads only RSA keys; this key is {d.PublicKey.KeyType}. Use an RSA key.");
            }
            else
            {
                CheckKey(d.PublicKey, ValidationCodes.InvalidPublicKey, rules, issues);
            }

            CheckLogo(d.LogoUri, bean, bean, issues); // PMS: @Size(max=2048) (pms-api.md §4.1)

            CheckRedirectUris(d.RedirectUris, bean, ValidationCodes.InvalidRedirectUri, rules, issues);
            CheckValues(d.GrantTypes, "grantTypes", bean, rules.EsignetVersion.GrantTypeErrorCode, rules.SupportedGrantTypes, 1, MaxListOf3, issues);
            CheckValues(d.ClientAuthMethods, "clientAuthMethods", bean, ValidationCodes.InvalidClientAuth, rules.SupportedAuthMethods, 1, MaxListOf3, issues);

            if (endpoint == ClientEndpointKind.PmsOAuthClient)
            {
                if (d.ClientNameLangMap.Count == 0)
                    issues.Error("clientNameLangMap", bean, ValidationRuleNames.Required, "PMS /oauth/client needs a non-empty clientNameLangMap.");
                foreach (KeyValuePair<string, string> e in d.ClientNameLangMap)
                {
                    if (e.Key.Length != 3)
                        issues.Error($"clientNameLangMap[{e.Key}]", bean, ValidationRuleNames.LanguageCode, $"'{e.Key}' is not a 3-letter language code.");
                    if (string.IsNullOrWhiteSpace(e.Value))
                        issues.Error($"clientNameLangMap[{e.Key}]", bean, ValidationRuleNames.Blank, "The name for this language is blank.");
                }

                CheckLangMap(d, rules.EsignetVersion, esignetOnly: false, issues);
            }

            // PMS derives these; a value given for them would be silently ignored by the server.
            if (!string.IsNullOrWhiteSpace(d.ClientId))
                issues.Warning("clientId", ValidationCodes.IgnoredField, ValidationRuleNames.IgnoredByPms, "PMS computes the Client ID from the public key; the given clientId is ignored.");
            if (!string.IsNullOrWhiteSpace(d.RelyingPartyId) && d.RelyingPartyId != d.AuthPartnerId)
                issues.Warning("relyingPartyId", ValidationCodes.IgnoredField, ValidationRuleNames.IgnoredByPms, "PMS sends authPartnerId as the relying party; relyingPartyId is ignored.");
            if (d.UserClaims.Count > 0 || d.AuthContextRefs.Count > 0)
                issues.Warning(d.UserClaims.Count > 0 ? "userClaims" : "authContextRefs", ValidationCodes.IgnoredField, ValidationRuleNames.IgnoredByPms, "PMS derives claims and ACRs from the policy; the given values are ignored.");
        }

        /// <summary>Refuses a blank value, and one longer than <paramref name="max"/>; true when the value is not blank.</summary>
        private static bool CheckRequired(string? value, string field, string subject, int max, string code, IssueCollector issues)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                issues.Error(field, code, ValidationRuleNames.Required, $"{subject} is required and must not be blank.");
                return false;
            }

            if (value!.Length > max)
                issues.Error(field, code, ValidationRuleNames.MaxLength, $"{subject} is {value.Length} characters long; the limit is {max}.");
            return true;
        }

        private static void CheckId(string? value, string field, string code, ValidationRules rules, IssueCollector issues)
        {
            if (!CheckRequired(value, field, field, MaxIdLength, code, issues)) return;
            if (rules.IdPatternIsDefault)
            {
                int ws = value.IndexOfAny(JavaWhitespace);
                if (ws >= 0)
                    issues.Error(field, code, ValidationRuleNames.Whitespace, $"{field} '{value}' contains whitespace at position {ws + 1}; eSignet refuses any whitespace in ids.");
            }
            else if (!rules.IdRegex.IsMatch(value))
            {
                issues.Error(field, code, ValidationRuleNames.IdPattern, $"{field} '{value}' does not match the server's id pattern {rules.IdPattern}.");
            }

            if (value.Any(c => c > 0x7E || char.IsControl(c)))
                issues.Warning(field, code, ValidationRuleNames.UnusualCharacter, $"{field} '{value}' contains non-ASCII or control characters; eSignet accepts them, but relying-party software often mangles them.");
        }

        /// <summary>Java's <c>\s</c>: what the default id pattern <c>\S*</c> refuses.</summary>
        private static readonly char[] JavaWhitespace = { ' ', '\t', '\n', '\x0B', '\f', '\r' };

        private static void CheckKey(JwkKeyPair? key, string code, ValidationRules rules, IssueCollector issues)
        {
            const string field = "publicKey";
            if (key == null)
            {
                issues.Error(field, code, ValidationRuleNames.Required, "A public key is required (a JWK, a key object, or a key file path; or use -GenerateKey).");
                return;
            }

            var line = rules.EsignetVersion;
            // jose4j builds the RSAPublicKey through the JDK's KeyFactory, whose RSAKeyFactory refuses moduli under
            // 512 bits (getJWKString, IdentityProviderUtil.java@v1.5.1, @v1.8.0): invalid_public_key on every line.
            if (key.KeyType == "RSA" && key.KeySize < 512)
                issues.Error(field, code, ValidationRuleNames.KeyTooSmall, $"Key {key.KeyId} is RSA-{key.KeySize}; eSignet's Java refuses RSA keys under 512 bits. Use -GenerateKey or an RSA key of 2048 bits or more.");
            // From 512 bits eSignet accepts the key; the module refuses one under 2048 (KeyStrength) unless the caller
            // insists (-Force), and then still warns.
            else if (KeyStrength.IsWeak(key) && rules.AllowWeakRsaKeys)
                issues.Warning(field, code, ValidationRuleNames.WeakKey, $"Key {key.KeyId} is RSA-{key.KeySize}. eSignet accepts it, but an RSA key under 2048 bits can be broken, and a client's key cannot be changed after registration. Use -GenerateKey or an RSA key of 2048 bits or more.");
            else if (KeyStrength.IsWeak(key))
                issues.Error(field, ValidationCodes.KeySizeTooSmall, ValidationRuleNames.WeakKey, KeyStrength.Refusal(key));
            if (key.KeyType == "EC" && !line.AcceptsEcKeys)
                issues.Error(field, code, ValidationRuleNames.KeyTypeNotOnLine, $"eSignet {line} accepts only RSA keys (EC from 1.7); key {key.KeyId} is EC {key.Curve}.");
            if (line.RejectsBlankAlgOrUse && ((key.Algorithm != null && key.Algorithm.Trim().Length == 0) || (key.Use != null && key.Use.Trim().Length == 0)))
                issues.Error(field, code, ValidationRuleNames.BlankAlgOrUse, $"eSignet {line} refuses a JWK whose alg or use is present but blank; remove the member or fill it in.");
            if (key.Use != null && key.Use.Trim().Length > 0 && key.Use != "sig")
                issues.Error(field, ValidationCodes.KeyNotForSigning, ValidationRuleNames.NotSigningKey, $"Key {key.KeyId} has use '{key.Use}'. private_key_jwt needs a signing key (use sig or no use), and a client's key cannot be changed after registration.");
            if (!string.IsNullOrWhiteSpace(key.Algorithm) && !rules.SupportedAssertionAlgorithms.Contains(key.Algorithm!))
                issues.Error(field, ValidationCodes.AlgorithmNotAccepted, ValidationRuleNames.AlgorithmNotAccepted, $"Key {key.KeyId} has alg '{key.Algorithm}', but eSignet {line}'s token endpoint verifies only {string.Join(", ", rules.SupportedAssertionAlgorithms.OrderBy(a => a, StringComparer.Ordinal))} client assertions, so the client could never sign in. Use such a key or omit alg.");
        }

        private static void CheckLogo(string? value, string code, string lengthCode, IssueCollector issues)
        {
            const string field = "logoUri";
            if (string.IsNullOrWhiteSpace(value))
            {
                issues.Error(field, code, ValidationRuleNames.Required, "A logo URI is required.");
                return;
            }

            if (!UrlRules.IsJavaUrl(value!, out string reason))
                issues.Error(field, code, ValidationRuleNames.InvalidUrl, $"'{ShowLineBreaks(value!)}' is not a valid URL: {reason}.");
            else if (value!.Length > LogoUriColumn)
                issues.Error(field, lengthCode, ValidationRuleNames.DatabaseColumnLength, $"The logo URI is {value.Length} characters long; at most {LogoUriColumn} are stored.");
            else if (value.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
                issues.Warning(field, code, ValidationRuleNames.SuspiciousUrl, $"'{value}' is plain http; browsers will warn on an https login page.");
        }

        /// <summary>A value with its line breaks written as \r and \n, so a message stays on one line and shows them.</summary>
        private static string ShowLineBreaks(string value) =>
            value.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\u0085", "\\u0085").Replace("\u2028", "\\u2028").Replace("\u2029", "\\u2029");

        private static void CheckRedirectUris(List<string> uris, string countCode, string itemCode, ValidationRules rules, IssueCollector issues)
        {
            const string field = "redirectUris";
            CheckCount(uris, field, countCode, 1, MaxRedirectUris, issues);
            var line = rules.EsignetVersion;
            for (int i = 0; i < uris.Count; i++)
            {
                string uri = uris[i] ?? string.Empty;
                string f = $"{field}[{i}]";
                string reason;
                bool ok = line.RedirectUrisAnyScheme ? UrlRules.IsCommonsUrl(uri, out reason) : UrlRules.IsJavaUrl(uri, out reason);
                if (!ok)
                {
                    string hint = !line.RedirectUrisAnyScheme && uri.IndexOf("://", StringComparison.Ordinal) > 0 ? " (eSignet 1.0/1.1 accept only http, https and other java.net.URL protocols)" : string.Empty;
                    if (uri.IndexOf(',') >= 0) hint += ". If these are several URIs, separate them with ';' or '|'";
                    issues.Error(f, itemCode, ValidationRuleNames.InvalidUrl, $"'{ShowLineBreaks(uri)}' is not a redirect URI eSignet {line} accepts: {reason}{hint}.");
                    continue;
                }

                if (uri.IndexOf('#') >= 0)
                    issues.Warning(f, itemCode, ValidationRuleNames.UrlFragment, $"'{uri}' has a fragment; OAuth redirect URIs must not (RFC 6749 §3.1.2).");
                if (uri.IndexOf(',') >= 0)
                    issues.Warning(f, itemCode, ValidationRuleNames.CommaInUri, $"'{uri}' contains a comma. If these are several URIs, separate them with ';' or '|'.");
            }

            foreach (string dup in uris.GroupBy(u => u, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
                issues.Warning(field, itemCode, ValidationRuleNames.DuplicateInList, $"'{dup}' is listed more than once.");
        }

        private static void CheckCount(List<string> values, string field, string code, int min, int max, IssueCollector issues)
        {
            if (values.Count < min)
                issues.Error(field, code, ValidationRuleNames.MinCount, $"{field} needs at least {min} value{(min == 1 ? string.Empty : "s")}.");
            else if (values.Count > max)
                issues.Error(field, code, ValidationRuleNames.MaxCount, $"{field} has {values.Count} values; the limit is {max}.");
        }

        private static void CheckValues(List<string> values, string field, string countCode, string code, ISet<string> supported, int min, int max, IssueCollector issues)
        {
            CheckCount(values, field, countCode, min, max, issues);
            for (int i = 0; i < values.Count; i++)
            {
                if (!supported.Contains(values[i]))
                {
                    string rule = field == "userClaims" ? ValidationRuleNames.UnknownClaim : ValidationRuleNames.UnsupportedValue;
                    issues.Error($"{field}[{i}]", code, rule, $"'{values[i]}' is not supported by the server; it accepts {Describe(supported)}.");
                }
            }

            foreach (string dup in values.GroupBy(v => v, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
                issues.Warning(field, code, ValidationRuleNames.DuplicateInList, $"'{dup}' is listed more than once.");
        }

        private static void CheckAcrs(List<string> acrs, ValidationRules rules, IssueCollector issues)
        {
            const string field = "authContextRefs";
            CheckCount(acrs, field, ValidationCodes.InvalidAcr, 1, MaxClaimsOrAcrs, issues);
            for (int i = 0; i < acrs.Count; i++)
            {
                // A null element is valid (AuthContextRefValidator.isValid returns true for null); the others are split
                // with Java's String.split(" ") (trailing empty tokens dropped) and each token trimmed
                // (IdentityProviderUtil.splitAndTrimValue, AuthContextRefValidator.java@v1.5.1, @v1.8.0): "acr " is valid,
                // "a  b" and " acr" carry an empty token and are not.
                if (acrs[i] == null) continue;
                string[] tokens = JavaSplitOnSpace(acrs[i]).Select(t => t.Trim(JavaTrimmed)).ToArray();
                string? bad = tokens.FirstOrDefault(t => !rules.SupportedAcrs.Contains(t));
                if (bad != null)
                {
                    string what = bad.Length == 0 ? "an empty value (double space?)" : $"'{bad}'";
                    issues.Error($"{field}[{i}]", ValidationCodes.InvalidAcr, ValidationRuleNames.UnknownAcr, $"{what} is not an ACR the server accepts; it accepts {Describe(rules.SupportedAcrs)}.");
                }
            }
        }

        /// <summary>Java's <c>String.split(" ")</c>: no separator gives the input itself; trailing empty tokens are dropped.</summary>
        private static IEnumerable<string> JavaSplitOnSpace(string value)
        {
            if (value.IndexOf(' ') < 0) return new[] { value };
            var tokens = new List<string>(value.Split(' '));
            while (tokens.Count > 0 && tokens[tokens.Count - 1].Length == 0) tokens.RemoveAt(tokens.Count - 1);
            return tokens;
        }

        /// <summary>What Java's <c>String.trim()</c> removes at both ends: every character up to U+0020, and nothing else.</summary>
        private static readonly char[] JavaTrimmed = Enumerable.Range(0, ' ' + 1).Select(c => (char)c).ToArray();

        private static void CheckLangMap(ClientDefinition d, Versions.EsignetVersion line, bool esignetOnly, IssueCollector issues)
        {
            const string field = "clientNameLangMap";
            if (d.ClientNameLangMap.Count == 0)
            {
                if (esignetOnly && !line.LangMapOptional)
                    issues.Error(field, ValidationCodes.InvalidClientName, ValidationRuleNames.Required, $"eSignet {line} requires a non-empty clientNameLangMap on this endpoint (optional from 1.6).");
                return;
            }

            foreach (KeyValuePair<string, string> e in d.ClientNameLangMap)
            {
                string f = $"{field}[{e.Key}]";
                if (line.LangMapKeysIso639 ? !LanguageCodes.IsKnown(e.Key, line) : e.Key.Length != 3)
                {
                    string hint = LanguageCodes.BibliographicToTerminology.TryGetValue(e.Key, out string? t) ? $" Use '{t}' (ISO 639-2/T), not the bibliographic '{e.Key}'." : " Use an ISO 639-2/T code such as eng, fra, ara, hin or khm.";
                    issues.Error(f, ValidationCodes.InvalidLanguageCode, ValidationRuleNames.LanguageCode, $"'{e.Key}' is not a language code eSignet {line} accepts.{hint}");
                }

                if (esignetOnly && string.IsNullOrWhiteSpace(e.Value))
                    issues.Error(f, ValidationCodes.InvalidClientNameValue, ValidationRuleNames.Blank, "The name for this language is blank.");
                else if (line.LangMapValueMax50 && e.Value.Length > MaxLangValueLength)
                    issues.Error(f, ValidationCodes.InvalidClientNameLength, ValidationRuleNames.NameValueLength, $"The name for '{e.Key}' is {e.Value.Length} characters long; eSignet {line} allows {MaxLangValueLength}.");
            }
        }

        /// <summary>
        /// eSignet stores a V2/V3 name as the JSON of the map plus "@none", written by Jackson (§2.2;
        /// ClientManagementServiceImpl.java@v1.5.1, @v1.8.0); the column holds 256 characters up to 1.5, 600 from 1.6
        /// (§2.8; esignet-client_detail.sql@v1.6.2). A longer value fails in the database with a misleading error.
        /// </summary>
        private static void CheckStoredName(ClientDefinition d, Versions.EsignetVersion line, ClientEndpointKind endpoint, IssueCollector issues)
        {
            if (endpoint == ClientEndpointKind.OidcClient || d.ClientNameLangMap.Count == 0 || d.ClientName == null) return;
            int column = line.Minor >= 6 ? 600 : 256;
            var map = new Dictionary<string, string>(d.ClientNameLangMap) { ["@none"] = d.ClientName };
            int length = StoredTextLength.JacksonObject(map);
            if (length > column)
                issues.Error("clientNameLangMap", DatabaseErrorCode(endpoint, line), ValidationRuleNames.DatabaseColumnLength, $"eSignet {line} stores the names and clientName together as one JSON text of {length} characters; its column holds {column}. Shorten the names or leave out a language.");
        }

        /// <summary>
        /// eSignet 1.8 bounds the list columns (esignet-client_detail.sql@v1.8.0: redirect_uris 2048, claims 2048,
        /// acr_values 1024, grant_types and auth_methods 512), measured on json-simple's text; an overflow fails in the database.
        /// </summary>
        private static void CheckColumns(ClientDefinition d, Versions.EsignetVersion line, ClientEndpointKind endpoint, IssueCollector issues)
        {
            if (line.Minor < 8) return;
            string code = DatabaseErrorCode(endpoint, line);
            CheckColumn(d.RedirectUris, "redirectUris", 2048, line, code, issues);
            CheckColumn(d.UserClaims, "userClaims", 2048, line, code, issues);
            CheckColumn(d.AuthContextRefs, "authContextRefs", 1024, line, code, issues);
            CheckColumn(d.GrantTypes, "grantTypes", 512, line, code, issues);
            CheckColumn(d.ClientAuthMethods, "clientAuthMethods", 512, line, code, issues);
            if (d.AdditionalConfigJson != null && d.AdditionalConfigJson.Length > 2048)
                issues.Error("additionalConfig", code, ValidationRuleNames.DatabaseColumnLength, $"additionalConfig is {d.AdditionalConfigJson.Length} characters of JSON; eSignet {line} stores at most 2048.");
        }

        private static void CheckColumn(List<string> values, string field, int column, Versions.EsignetVersion line, string code, IssueCollector issues)
        {
            int length = StoredTextLength.JsonSimpleArray(values);
            if (length > column)
                issues.Error(field, code, ValidationRuleNames.DatabaseColumnLength, $"{field} is stored as {length} characters of JSON (each '/' written as '\\/'); eSignet {line} stores at most {column}. Use fewer or shorter values.");
        }

        /// <summary>
        /// What eSignet answers when the database refuses a value (esignet-api.md §2.8, §3.2 [inference]): the
        /// create paths that catch integrity errors (oidc-client from 1.4, client from 1.7) say duplicate_public_key,
        /// every other path unknown_error.
        /// </summary>
        private static string DatabaseErrorCode(ClientEndpointKind endpoint, Versions.EsignetVersion line)
        {
            bool caught = (endpoint == ClientEndpointKind.OidcClient && line.Minor >= 4) || (endpoint == ClientEndpointKind.Client && line.Minor >= 7);
            return caught ? ValidationCodes.DuplicatePublicKey : ValidationCodes.UnknownError;
        }

        private static string Describe(ISet<string> values)
        {
            var sorted = values.OrderBy(v => v, StringComparer.Ordinal).ToList();
            string more = sorted.Count > 12 ? ", ... (" + sorted.Count.ToString(CultureInfo.InvariantCulture) + " in all)" : string.Empty;
            return string.Join(", ", sorted.Take(12)) + more;
        }
    }
}
