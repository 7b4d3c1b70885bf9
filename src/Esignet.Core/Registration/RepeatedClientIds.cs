using System;
using System.Collections.Generic;
using Esignet.Core.Definitions;

namespace Esignet.Core.Registration
{
    /// <summary>
    /// The Client IDs of one input, each with the line it first appeared on. The same ID twice in one run is an input
    /// mistake (for PMS, which derives the ID from the key: the same key twice). New-EsignetOidcClient refuses the
    /// repeat and Test-EsignetClientDefinition reports it, with this one rule and message.
    /// </summary>
    public sealed class RepeatedClientIds
    {
        private readonly Dictionary<string, int?> _firstLine = new Dictionary<string, int?>(StringComparer.Ordinal);

        /// <summary>
        /// Records <paramref name="clientId"/> for <paramref name="line"/>; when it appeared before, the error naming
        /// the first line instead (the ID stays recorded at its first line).
        /// </summary>
        public ValidationIssue? Check(string clientId, ClientApi api, int? line)
        {
            if (!_firstLine.TryGetValue(clientId, out int? first))
            {
                _firstLine[clientId] = line;
                return null;
            }

            string where = first.HasValue ? $"line {first.Value}" : "an earlier row";
            bool pms = api == ClientApi.Pms; // Test- checks offline, with no API object: the kind says where the ID comes from
            string what = pms ? $"The key (PMS derives Client ID '{clientId}' from it)" : $"Client ID '{clientId}'";
            return new ValidationIssue(pms ? "publicKey" : "clientId", "DuplicateClientIdInInput", ValidationSeverity.Error,
                $"{what} already appears on {where} of this input; New-EsignetOidcClient refuses the repeat.", ValidationRuleNames.DuplicateInInput, line);
        }
    }
}
