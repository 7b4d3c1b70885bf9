using System.Collections.Generic;
using Esignet.Core.Definitions;
using Esignet.Core.Errors;
using Esignet.Core.Keys;

namespace Esignet.Core.Registration
{
    /// <summary>
    /// The local validation <see cref="RegistrationService.Prepare"/> runs, without a connection and reporting every
    /// issue instead of throwing on the first row that fails: the same defaults (<see cref="DefinitionDefaults"/>),
    /// the same endpoint choice (<see cref="EndpointChooser"/>) and the same validator, in the same order. Used by
    /// Test-EsignetClientDefinition to lint a CSV before it reaches a server.
    /// </summary>
    public static class OfflineValidation
    {
        /// <summary>
        /// The issues of one definition under <paramref name="rules"/> (errors and warnings). With
        /// <paramref name="generatedKey"/>, a definition without a public key is checked with that key, as
        /// New-EsignetOidcClient -GenerateKey would give it one. <paramref name="d"/> is not changed.
        /// </summary>
        public static IReadOnlyList<ValidationIssue> Check(ClientDefinition d, ValidationRules rules, JwkKeyPair? generatedKey)
        {
            var issues = new List<ValidationIssue>();
            d = DefinitionDefaults.Apply(d, rules.Api);
            ClientEndpointKind endpoint;
            bool endpointMissing = false;
            try
            {
                endpoint = EndpointChooser.Choose(d, rules.Api, rules.EsignetVersion, rules.PmsVersion);
            }
            catch (EsignetException e) when (e.ErrorId == ValidationCodes.EndpointNotOnLine)
            {
                // Prepare stops here; the rest of the row is still worth checking, against the endpoint it needs.
                issues.Add(new ValidationIssue(e.TargetObject as string ?? string.Empty, ValidationCodes.EndpointNotOnLine, ValidationSeverity.Error,
                    e.Message, ValidationRuleNames.EndpointNotOnLine, d.LineNumber));
                endpoint = Wanted(d, rules);
                endpointMissing = true;
            }

            if (d.PublicKey == null && generatedKey != null)
            {
                d = d with { PublicKey = generatedKey };
            }

            foreach (ValidationIssue issue in DefinitionValidator.Validate(d, rules, endpoint))
            {
                // Checked against an endpoint the line lacks, the validator restates the refusal, and may add what
                // that endpoint would need on this line (a language map before 1.6): both follow from the one
                // mistake already reported.
                if (endpointMissing && (issue.Rule == ValidationRuleNames.EndpointNotOnLine || issue.Rule == ValidationRuleNames.FieldNotOnEndpoint
                    || (issue.Field == "clientNameLangMap" && issue.Rule == ValidationRuleNames.Required)))
                {
                    continue;
                }

                issues.Add(issue);
            }

            return issues;
        }

        /// <summary>The endpoint a definition needs, whether or not the line has it (no connection here, so the API kind decides).</summary>
        private static ClientEndpointKind Wanted(ClientDefinition d, ValidationRules rules)
        {
            if (rules.Api == ClientApi.Pms)
            {
                return d.ClientNameLangMap.Count > 0 && rules.PmsVersion.HasOAuthClientEndpoint ? ClientEndpointKind.PmsOAuthClient : ClientEndpointKind.PmsOidcClient;
            }

            if (d.AdditionalConfigJson != null) return ClientEndpointKind.Client;
            return d.ClientNameLangMap.Count > 0 ? ClientEndpointKind.OAuthClient : ClientEndpointKind.OidcClient;
        }
    }
}
