using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Esignet.Core.Definitions;
using Esignet.Core.Errors;

namespace Esignet.PowerShell.Infrastructure
{
    /// <summary>
    /// Base of the cmdlets that take whole client definitions (parameters or CSV rows by property name): the
    /// create-only columns here, those Set-EsignetClient shares in <see cref="ClientFieldsCmdlet"/>; one way of
    /// reading cells and of numbering input lines, so that registering a CSV and checking it offline can never
    /// disagree about what a row says.
    /// </summary>
    public abstract class ClientDefinitionCmdlet : ClientFieldsCmdlet
    {
        private int _record;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? ClientId { get; set; }

        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        public string? ClientName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("PublicJwk", "Jwk", "KeyPath", "PublicKeyPath")]
        public object? PublicKey { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("RelyingParnterId", "RpId")]
        public string? RelyingPartyId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? PolicyId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("AuthParnterId", "PartnerId")]
        public string? AuthPartnerId { get; set; }

        /// <summary>The input line, when rows carry one; otherwise counted from the pipeline (CSV header = line 1).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Line")]
        public int? LineNumber { get; set; }

        /// <summary>Binds whole pipeline rows so an error can carry its input row as TargetObject.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        private HashSet<string>? _knownColumns;

        /// <summary>Every name a CSV column may have: the pipeline-bound parameters and their aliases.</summary>
        private HashSet<string> KnownColumns()
        {
            var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (ParameterMetadata p in MyInvocation.MyCommand.Parameters.Values)
            {
                if (!p.ParameterSets.Values.Any(set => set.ValueFromPipelineByPropertyName)) continue;
                known.Add(p.Name);
                known.UnionWith(p.Aliases);
            }

            return known;
        }

        /// <summary>What an error names as its target: the whole input row when there is one.</summary>
        protected object RowTarget => (object?)InputObject ?? ClientId ?? ClientName ?? "(client)";

        /// <summary>
        /// Counts this record and returns its input line: the row's own LineNumber, else its position in the
        /// pipeline with the CSV header as line 1; null for a single call with parameters.
        /// </summary>
        protected int? NextLine()
        {
            _record++;
            return LineNumber ?? (MyInvocation.ExpectingInput ? _record + 1 : (int?)null);
        }

        /// <summary>
        /// The definition the row describes; the first cell that cannot be read throws. With <paramref name="unreadable"/>,
        /// a cell that cannot be read (bad JSON, a missing key file) is added there with its field, left empty in the
        /// definition, and the other cells are still read, so a lint can report every mistake of a row at once.
        /// </summary>
        protected ClientDefinition BuildDefinition(int? line, IDictionary<string, EsignetException>? unreadable = null)
        {
            T Read<T>(string field, Func<T> read, T empty)
            {
                if (unreadable == null) return read();
                try
                {
                    return read();
                }
                catch (EsignetException e)
                {
                    unreadable[field] = e;
                    return empty;
                }
            }

            // The row as a whole (unknown columns, wrongly decoded text) before its cells.
            try
            {
                RowShape.Check(InputObject, _knownColumns ??= KnownColumns());
            }
            catch (CellFormatException e) when (unreadable != null)
            {
                unreadable[e.Field] = e;
            }

            return new ClientDefinition
            {
                LineNumber = line,
                ClientId = InputValues.Text(ClientId),
                ClientName = InputValues.Text(ClientName),
                RelyingPartyId = InputValues.Text(RelyingPartyId),
                PublicKey = Read("publicKey", () => ReadKey("publicKey", PublicKey), null),
                LogoUri = InputValues.Text(LogoUri),
                RedirectUris = Read("redirectUris", ReadRedirectUris, new List<string>()),
                GrantTypes = Read("grantTypes", ReadGrantTypes, new List<string>()),
                ClientAuthMethods = Read("clientAuthMethods", ReadClientAuthMethods, new List<string>()),
                UserClaims = Read("userClaims", ReadUserClaims, new List<string>()),
                AuthContextRefs = Read("authContextRefs", ReadAuthContextRefs, new List<string>()),
                ClientNameLangMap = Read("clientNameLangMap", ReadClientNameLangMap, new Dictionary<string, string>()),
                AdditionalConfigJson = Read("additionalConfig", ReadAdditionalConfig, null),
                EncPublicKey = Read("encPublicKey", ReadEncryptionKey, null),
                PolicyId = InputValues.Text(PolicyId),
                AuthPartnerId = InputValues.Text(AuthPartnerId),
            };
        }
    }
}
