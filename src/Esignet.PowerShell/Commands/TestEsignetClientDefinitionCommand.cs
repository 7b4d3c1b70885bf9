using System;
using System.Collections.Generic;
using System.Management.Automation;
using Esignet.Core.Connection;
using Esignet.Core.Definitions;
using Esignet.Core.Errors;
using Esignet.Core.Keys;
using Esignet.Core.Registration;
using Esignet.Core.Servers;
using Esignet.Core.Versions;
using Esignet.PowerShell.Completion;
using Esignet.PowerShell.Infrastructure;

namespace Esignet.PowerShell.Commands
{
    /// <summary>
    /// Lints client definitions (CSV rows, objects or parameters) offline with the validation New-EsignetOidcClient
    /// runs before sending, and writes one diagnostic record per problem: nothing for a good row. Reads the rows
    /// through the same base class as New-, so both agree on what a row says. Needs no server: it uses the rules of
    /// -ServerVersion/-PmsVersion, else of the current connection (with its discovery document), else of the
    /// default lines.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "EsignetClientDefinition")]
    [OutputType(typeof(ValidationIssue))]
    public sealed class TestEsignetClientDefinitionCommand : ClientDefinitionCmdlet
    {
        private readonly Dictionary<ClientApi, ValidationRules> _rules = new Dictionary<ClientApi, ValidationRules>();
        private readonly RepeatedClientIds _clientIds = new RepeatedClientIds();
        private JwkKeyPair? _standInKey;
        private EsignetContext? _context;
        private bool _apiFromRows;
        private int _rows;
        private int _errors;
        private int _warnings;

        [Parameter]
        [ArgumentCompleter(typeof(ServerVersionCompleter))]
        public string? ServerVersion { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(ServerVersionCompleter))]
        public string? PmsVersion { get; set; }

        [Parameter]
        public SwitchParameter GenerateKey { get; set; }

        /// <summary>Check as New-EsignetOidcClient -Force registers: an RSA key of 512 to 2047 bits is a warning, not an error.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void BeginProcessing()
        {
            _context = Context ?? ContextStore.Current;
            _apiFromRows = !ApiGiven && _context == null;
            try
            {
                // Offline: no connection, so no API objects; the rules of both APIs, as a row may be either.
                foreach (ClientApi api in new[] { ClientApi.Esignet, ClientApi.Pms })
                {
                    _rules[api] = RulesFor(api);
                    _rules[api].AllowWeakRsaKeys = Force;
                }
            }
            catch (EsignetException e)
            {
                ThrowEsignetError(e);
            }

            WriteVerbose(DescribeRules());
        }

        protected override void ProcessRecord()
        {
            int? line = NextLine();
            var unreadable = new Dictionary<string, EsignetException>(StringComparer.Ordinal);
            ClientDefinition definition = BuildDefinition(line, unreadable);
            ClientApi api = ApiOf(definition);

            var issues = new List<ValidationIssue>();
            foreach (KeyValuePair<string, EsignetException> cell in unreadable)
            {
                string rule = cell.Key == "publicKey" ? ValidationRuleNames.KeyUnreadable : ValidationRuleNames.MalformedValue;
                string message = cell.Value is CellFormatException c ? c.Detail : cell.Value.Message;
                issues.Add(new ValidationIssue(cell.Key, cell.Value.ErrorId, ValidationSeverity.Error, Capitalised(message), rule, line));
            }

            bool generated = GenerateKey && definition.PublicKey == null && !unreadable.ContainsKey("publicKey");
            foreach (ValidationIssue issue in OfflineValidation.Check(definition, _rules[api], generated ? StandInKey() : null))
            {
                // A cell that could not be read is left empty; what the validator says about the empty value is noise.
                if (!unreadable.ContainsKey(RootField(issue.Field))) issues.Add(issue);
            }

            CheckRepeatedClientId(definition, api, generated, line, issues);

            _rows++;
            foreach (ValidationIssue issue in issues)
            {
                if (issue.IsError) _errors++; else _warnings++;
                WriteObject(issue);
            }
        }

        protected override void EndProcessing()
        {
            WriteVerbose(_errors + _warnings == 0
                ? $"Checked {_rows} definition{(_rows == 1 ? string.Empty : "s")}: no problems."
                : $"Checked {_rows} definition{(_rows == 1 ? string.Empty : "s")}: {_errors} error{(_errors == 1 ? string.Empty : "s")}, {_warnings} warning{(_warnings == 1 ? string.Empty : "s")}.");
        }

        /// <summary>
        /// New-EsignetOidcClient refuses a Client ID seen earlier in the same input (DuplicateClientIdInInput). It is
        /// reported even when the earlier row has other mistakes: once they are fixed, the repeat would be refused.
        /// For PMS the id comes from the key, so only rows with their own key can repeat one.
        /// </summary>
        private void CheckRepeatedClientId(ClientDefinition d, ClientApi api, bool generatedKey, int? line, List<ValidationIssue> issues)
        {
            // Offline, so the rule of the Client ID is restated here: chosen on eSignet, derived from the key on PMS.
            string? id = api == ClientApi.Esignet ? (string.IsNullOrWhiteSpace(d.ClientId) ? null : d.ClientId)
                : generatedKey || d.PublicKey == null ? null : PmsClientId.Compute(d.PublicKey, _rules[api].PmsVersion);
            if (id != null && _clientIds.Check(id, api, line) is ValidationIssue repeat) issues.Add(repeat);
        }

        /// <summary>
        /// The API a row is for: -Api, else the connection's default; with neither, a row that names a policy or an
        /// auth partner (PMS's required fields) is a PMS row, any other an eSignet row.
        /// </summary>
        private ClientApi ApiOf(ClientDefinition d)
        {
            if (ApiGiven) return Api;
            if (!_apiFromRows) return _context!.DefaultApi;
            return d.PolicyId != null || d.AuthPartnerId != null ? ClientApi.Pms : ClientApi.Esignet;
        }

        private ValidationRules RulesFor(ClientApi api)
        {
            bool lineGiven = ServerVersion != null || PmsVersion != null;
            if (_context != null && !lineGiven)
            {
                return _context.RulesFor(api);
            }

            EsignetVersion esignet = ServerVersion != null ? EsignetVersion.Parse(ServerVersion) : _context?.ServerVersion ?? EsignetVersion.Default;
            Core.Versions.PmsVersion pms = PmsVersion != null ? Core.Versions.PmsVersion.Parse(PmsVersion) : _context?.PmsVersion ?? Core.Versions.PmsVersion.Default;
            return ValidationRules.For(api, esignet, pms);
        }

        private string DescribeRules()
        {
            ValidationRules r = _rules[ClientApi.Esignet]; // both APIs' rules carry the same two lines
            string lines = $"eSignet {r.EsignetVersion}, PMS {r.PmsVersion}";
            if (ServerVersion != null || PmsVersion != null) return $"Checking against the shipped rules of {lines} (as given).";
            if (_context == null) return $"Checking against the shipped rules of {lines} (not connected, no -ServerVersion: the defaults, which every release accepts).";
            string discovery = _context.Discovery == null ? "shipped claims and ACRs" : "claims and ACRs from " + _context.Discovery.Source;
            return $"Checking against the rules of the connection: {lines}, {discovery}.";
        }

        /// <summary>One key like -GenerateKey would make, standing in for every row without one (made once, never written).</summary>
        private JwkKeyPair StandInKey() => _standInKey ??= KeyFactory.Generate(new KeySpec());

        private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

        /// <summary>redirectUris[1] -> redirectUris; additionalConfig.purpose -> additionalConfig.</summary>
        private static string RootField(string field)
        {
            int cut = field.IndexOfAny(new[] { '[', '.' });
            return cut < 0 ? field : field.Substring(0, cut);
        }
    }
}
