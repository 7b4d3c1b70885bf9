using System;
using System.Collections.Generic;
using System.Linq;
using Esignet.Core.Errors;
using Esignet.Core.Servers;

namespace Esignet.Core.Partners
{
    /// <summary>
    /// The <c>policies</c> document of an Auth policy that gives OIDC clients the wanted claims and ACRs: PMS derives a
    /// client's claims from <c>allowedKycAttributes</c> through eSignet's identity mapping and its ACRs from
    /// <c>allowedAuthTypes</c> through the AMR/ACR mapping (pms-api.md §5.3; mosip-config identity-mapping.json and
    /// amr-acr-mapping.json @v1.2.0.1). Every auth type is <c>mandatory:false</c> (a mandatory one fails OIDC create),
    /// <c>authTokenType:"policy"</c> as MOSIP's onboarder's default-demo-oidc-policy.json.
    /// </summary>
    public static class AuthPolicyContent
    {
        public static readonly IReadOnlyList<string> DefaultClaims = new[] { "name", "email", "phone_number", "birthdate", "gender", "address", "picture" };

        public static readonly IReadOnlyList<string> DefaultAcrs = new[] { "mosip:idp:acr:generated-code", "mosip:idp:acr:biometrics", "mosip:idp:acr:linked-wallet" };

        private static readonly Dictionary<string, string[]> ClaimAttributes = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["name"] = new[] { "fullName" },
            ["birthdate"] = new[] { "dateOfBirth" },
            ["phone_number"] = new[] { "phone" },
            ["email"] = new[] { "email" },
            ["picture"] = new[] { "face" },
            ["gender"] = new[] { "gender" },
            ["address"] = new[] { "addressLine1", "addressLine2", "addressLine3", "city", "province", "region", "postalCode" },
            ["individual_id"] = new[] { "individual_id" },
        };

        private static readonly Dictionary<string, (string Type, string[] SubTypes)> AcrAuthTypes = new Dictionary<string, (string, string[])>(StringComparer.Ordinal)
        {
            ["mosip:idp:acr:static-code"] = ("pin", new[] { "" }),
            ["mosip:idp:acr:generated-code"] = ("otp", new[] { "" }),
            ["mosip:idp:acr:linked-wallet"] = ("wla", new[] { "" }),
            ["mosip:idp:acr:biometrics"] = ("bio", new[] { "FACE", "FINGER", "IRIS" }),
            ["mosip:idp:acr:password"] = ("pwd", new[] { "" }),
        };

        public static void Check(IReadOnlyList<string> claims, IReadOnlyList<string> acrs)
        {
            if (claims.Count == 0 || acrs.Count == 0)
            {
                throw new EsignetException(claims.Count == 0 ? "MissingClaims" : "MissingAcrs", EsignetErrorKind.InvalidArgument,
                    "An Auth policy for OIDC clients needs at least one claim and one ACR: PMS refuses a client whose policy gives none.");
            }

            string? claim = claims.FirstOrDefault(c => !ClaimAttributes.ContainsKey(c));
            if (claim != null)
            {
                throw new EsignetException("UnknownClaim", EsignetErrorKind.InvalidArgument,
                    $"'{claim}' has no identity attribute in eSignet's identity mapping; use {string.Join(", ", ClaimAttributes.Keys)}.") { TargetObject = "Claims" };
            }

            string? acr = acrs.FirstOrDefault(a => !AcrAuthTypes.ContainsKey(a));
            if (acr != null)
            {
                throw new EsignetException("UnknownAcr", EsignetErrorKind.InvalidArgument,
                    $"'{acr}' is not in eSignet's AMR/ACR mapping; use {string.Join(", ", AcrAuthTypes.Keys)}.") { TargetObject = "Acrs" };
            }
        }

        /// <summary>The policies JSON for <paramref name="claims"/> and <paramref name="acrs"/> (already checked).</summary>
        public static string Build(IReadOnlyList<string> claims, IReadOnlyList<string> acrs)
        {
            return JsonBody.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("authTokenType", "policy");
                w.WriteStartArray("allowedKycAttributes");
                foreach (string attribute in claims.SelectMany(c => ClaimAttributes[c]).Distinct())
                {
                    w.WriteStartObject();
                    w.WriteString("attributeName", attribute);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartArray("allowedAuthTypes");
                foreach (string acr in acrs.Distinct())
                {
                    (string type, string[] subTypes) = AcrAuthTypes[acr];
                    foreach (string sub in subTypes)
                    {
                        w.WriteStartObject();
                        w.WriteString("authType", type);
                        w.WriteString("authSubType", sub);
                        w.WriteBoolean("mandatory", false);
                        w.WriteEndObject();
                    }
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
        }
    }
}
