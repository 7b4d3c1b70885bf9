using System.Collections.Generic;
using System.Text.Json;
using Esignet.Core.Versions;

namespace Esignet.Core.Definitions
{
    /// <summary>
    /// eSignet's additionalConfig JSON schema per line (esignet-api.md §2.3; the schemas in contracts/openapi):
    /// a closed object whose members grew in 1.7 and 1.8. Returns the violations as (path, message) pairs.
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

        public static IEnumerable<KeyValuePair<string, string>> Check(string json, EsignetVersion line)
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
                return new[] { Violation(string.Empty, "is not valid JSON: " + ex.Message) };
            }

            var found = new List<KeyValuePair<string, string>>();
            if (root.ValueKind == JsonValueKind.Null) return found;
            if (root.ValueKind != JsonValueKind.Object)
            {
                found.Add(Violation(string.Empty, "must be a JSON object."));
                return found;
            }

            foreach (JsonProperty p in root.EnumerateObject())
            {
                string path = "." + p.Name;
                switch (p.Name)
                {
                    case "userinfo_response_type":
                        if (p.Value.ValueKind != JsonValueKind.String || (p.Value.GetString() != "JWS" && p.Value.GetString() != "JWE"))
                            found.Add(Violation(path, "must be \"JWS\" or \"JWE\"."));
                        break;
                    case "purpose":
                        CheckPurpose(p.Value, path, found);
                        break;
                    case "consent_expire_in_mins":
                        if (p.Value.ValueKind != JsonValueKind.Number || p.Value.GetDouble() < 10)
                            found.Add(Violation(path, "must be a number of at least 10."));
                        break;
                    default:
                        string? since = BooleanMembersSince.GetValueOrDefault(p.Name);
                        if (since == null || line < EsignetVersion.Parse(since))
                        {
                            string note = since == null ? "is not an additionalConfig member" : $"is an additionalConfig member only from eSignet {since}; the line is {line}";
                            found.Add(Violation(path, note + "."));
                        }
                        else if (p.Value.ValueKind != JsonValueKind.True && p.Value.ValueKind != JsonValueKind.False)
                        {
                            found.Add(Violation(path, "must be true or false."));
                        }

                        break;
                }
            }

            return found;
        }

        private static void CheckPurpose(JsonElement purpose, string path, List<KeyValuePair<string, string>> found)
        {
            if (purpose.ValueKind == JsonValueKind.Null) return;
            if (purpose.ValueKind != JsonValueKind.Object)
            {
                found.Add(Violation(path, "must be null or an object with a type."));
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
                            found.Add(Violation(sub, "must be one of none, verify, link, login."));
                        break;
                    case "title":
                    case "subTitle":
                        CheckLocalisedText(p.Value, sub, found);
                        break;
                    default:
                        found.Add(Violation(sub, "is not a member of purpose (type, title, subTitle)."));
                        break;
                }
            }

            if (!hasType) found.Add(Violation(path + ".type", "is required."));
        }

        private static void CheckLocalisedText(JsonElement value, string path, List<KeyValuePair<string, string>> found)
        {
            if (value.ValueKind == JsonValueKind.Null) return;
            if (value.ValueKind != JsonValueKind.Object)
            {
                found.Add(Violation(path, "must be null or an object of language to text with an \"@none\" member."));
                return;
            }

            bool hasNone = false;
            foreach (JsonProperty p in value.EnumerateObject())
            {
                if (p.Name == "@none") hasNone = true;
                if (p.Value.ValueKind != JsonValueKind.String) found.Add(Violation(path + "." + p.Name, "must be a string."));
            }

            if (!hasNone) found.Add(Violation(path + ".@none", "is required."));
        }

        private static KeyValuePair<string, string> Violation(string path, string message) => new KeyValuePair<string, string>(path, message);
    }
}
