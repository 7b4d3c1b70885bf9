using System.Collections.Generic;
using System.Text.Json;
using Esignet.Core.Versions;

namespace Esignet.Core.Definitions
{
    /// <summary>
    /// eSignet's additionalConfig JSON schema per line (esignet-api.md §2.3; the schemas in contracts/openapi):
    /// a closed object whose members grew in 1.7 and 1.8. Each violation is reported on its path (additionalConfig.purpose.type).
    /// </summary>
    internal static class AdditionalConfigRules
    {
        /// <summary>The boolean members, with the line that added each.</summary>
        private static readonly Dictionary<string, string> BooleanMembersSince = new Dictionary<string, string>
        {
            ["signup_banner_required"] = "1.6", ["forgot_pwd_link_required"] = "1.6",
            ["require_pushed_authorization_requests"] = "1.7", ["dpop_bound_access_tokens"] = "1.7",
            ["require_pkce"] = "1.8",
        };

        public static void Check(string json, EsignetVersion line, IssueCollector issues)
        {
            JsonElement root;
            try
            {
                using (JsonDocument doc = JsonDocument.Parse(json))
                {
                    root = doc.RootElement.Clone();
                }
            }
            catch (JsonException ex)
            {
                Violation(issues, string.Empty, "is not valid JSON: " + ex.Message);
                return;
            }

            if (root.ValueKind == JsonValueKind.Null) return;
            if (root.ValueKind != JsonValueKind.Object)
            {
                Violation(issues, string.Empty, "must be a JSON object.");
                return;
            }

            foreach (JsonProperty p in root.EnumerateObject())
            {
                string path = "." + p.Name;
                switch (p.Name)
                {
                    case "userinfo_response_type":
                        if (p.Value.ValueKind != JsonValueKind.String || (p.Value.GetString() != "JWS" && p.Value.GetString() != "JWE"))
                            Violation(issues, path, "must be \"JWS\" or \"JWE\".");
                        break;
                    case "purpose":
                        CheckPurpose(p.Value, path, issues);
                        break;
                    case "consent_expire_in_mins":
                        if (p.Value.ValueKind != JsonValueKind.Number || p.Value.GetDouble() < 10)
                            Violation(issues, path, "must be a number of at least 10.");
                        break;
                    default:
                        string? since = BooleanMembersSince.GetValueOrDefault(p.Name);
                        if (since == null || line < EsignetVersion.Parse(since))
                        {
                            string note = since == null ? "is not an additionalConfig member" : $"is an additionalConfig member only from eSignet {since}; the line is {line}";
                            Violation(issues, path, note + ".");
                        }
                        else if (p.Value.ValueKind != JsonValueKind.True && p.Value.ValueKind != JsonValueKind.False)
                        {
                            Violation(issues, path, "must be true or false.");
                        }

                        break;
                }
            }
        }

        private static void CheckPurpose(JsonElement purpose, string path, IssueCollector issues)
        {
            if (purpose.ValueKind == JsonValueKind.Null) return;
            if (purpose.ValueKind != JsonValueKind.Object)
            {
                Violation(issues, path, "must be null or an object with a type.");
                return;
            }

            bool hasType = false;
            foreach (JsonProperty p in purpose.EnumerateObject())
            {
                string sub = path + "." + p.Name;
                switch (p.Name)
                {
                    case "type":
                        hasType = true;
                        string? t = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : null;
                        if (t != "none" && t != "verify" && t != "link" && t != "login")
                            Violation(issues, sub, "must be one of none, verify, link, login.");
                        break;
                    case "title":
                    case "subTitle":
                        CheckLocalisedText(p.Value, sub, issues);
                        break;
                    default:
                        Violation(issues, sub, "is not a member of purpose (type, title, subTitle).");
                        break;
                }
            }

            if (!hasType) Violation(issues, path + ".type", "is required.");
        }

        private static void CheckLocalisedText(JsonElement value, string path, IssueCollector issues)
        {
            if (value.ValueKind == JsonValueKind.Null) return;
            if (value.ValueKind != JsonValueKind.Object)
            {
                Violation(issues, path, "must be null or an object of language to text with an \"@none\" member.");
                return;
            }

            bool hasNone = false;
            foreach (JsonProperty p in value.EnumerateObject())
            {
                if (p.Name == "@none") hasNone = true;
                if (p.Value.ValueKind != JsonValueKind.String) Violation(issues, path + "." + p.Name, "must be a string.");
            }

            if (!hasNone) Violation(issues, path + ".@none", "is required.");
        }

        private static void Violation(IssueCollector issues, string path, string message) =>
            issues.Error("additionalConfig" + path, ValidationCodes.InvalidAdditionalConfig, ValidationRuleNames.AdditionalConfigSchema, "additionalConfig" + path + " " + message);
    }
}
