using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation;
using System.Threading.Tasks;
using Esignet.Core.Definitions;
using Esignet.Core.Errors;
using Esignet.Core.Keys;
using Esignet.Core.Registration;
using Esignet.PowerShell.Completion;
using Esignet.PowerShell.Infrastructure;

namespace Esignet.PowerShell.Commands
{
    /// <summary>Registers OpenID Connect clients with eSignet or PMS from parameters or pipeline rows (CSV).</summary>
    [Cmdlet(VerbsCommon.New, "EsignetOidcClient", SupportsShouldProcess = true)]
    [OutputType(typeof(RegistrationResult))]
    public sealed class NewEsignetOidcClientCommand : EsignetServerCmdlet
    {
        private int _record;
        private RegistrationService? _service;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? ClientId { get; set; }

        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        public string? ClientName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("PublicJwk", "Jwk", "KeyPath", "PublicKeyPath")]
        public object? PublicKey { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? LogoUri { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("RedirectUris")]
        public object? RedirectUri { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("GrantTypes")]
        public object? GrantType { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ClientAuthMethods")]
        public object? ClientAuthMethod { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("RelyingParnterId", "RpId")]
        public string? RelyingPartyId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("UserClaims", "Claims")]
        public object? UserClaim { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("AuthContextRefs", "Acr", "AcrValues")]
        public object? AuthContextRef { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("LangMap")]
        public object? ClientNameLangMap { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public object? AdditionalConfig { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? PolicyId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("AuthParnterId", "PartnerId")]
        public string? AuthPartnerId { get; set; }

        /// <summary>The input line, when rows carry one; otherwise counted from the pipeline (CSV header = line 1).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Line")]
        public int? LineNumber { get; set; }

        // Held as an int, not in a ClientApi field: PowerShell loads this type before the module's resolver is
        // hooked, and a field of a Core value type would need Esignet.Core then (see Loading/DependencyResolver.cs).
        [Parameter]
        public ClientApi Api { get => (ClientApi)_api; set => _api = (int)value; }

        private int _api;

        [Parameter]
        public SwitchParameter GenerateKey { get; set; }

        [Parameter]
        public string? KeyDirectory { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(KeyParameterCompleter))]
        public int KeySize { get; set; }

        [Parameter]
        public SwitchParameter Update { get; set; }

        /// <summary>How many registrations run at once (default 4). 1 registers strictly in input order.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

        /// <summary>Binds whole pipeline rows so an error can carry its input row as TargetObject.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        private BoundedRunner<RegistrationResult>? _runner;
        private KeyPool? _keyPool;
        private IDisposable? _logCapture;
        private readonly ConcurrentQueue<string> _verbose = new ConcurrentQueue<string>();
        private readonly Stopwatch _clock = new Stopwatch();
        private int _done;
        private int _failed;
        private readonly Dictionary<string, int?> _seenClientIds = new Dictionary<string, int?>(StringComparer.Ordinal);

        protected override void BeginProcessing()
        {
            _service = new RegistrationService(RequireContext());
            _runner = new BoundedRunner<RegistrationResult>(ThrottleLimit, OnRegistered);
            _logCapture = RequireContext().CaptureTransportLog(_verbose.Enqueue); // retries show under -Verbose
            _clock.Start();
        }

        protected override void ProcessRecord()
        {
            _record++;
            FlushVerbose();
            var context = RequireContext();
            object target = (object?)InputObject ?? ClientId ?? ClientName ?? "(client)";
            int? line = LineNumber ?? (MyInvocation.ExpectingInput ? _record + 1 : (int?)null);
            PreparedRegistration prepared;
            RegistrationOptions options;
            try
            {
                ClientDefinition definition = BuildDefinition(line);
                options = BuildOptions(context);
                prepared = _service!.Prepare(definition, options);
                RejectRepeatedClientId(prepared, line);
            }
            catch (EsignetException e)
            {
                WriteRowError(e, target, line);
                return;
            }

            foreach (ValidationIssue warning in prepared.Warnings)
            {
                WriteWarning(Where(line) + warning.Field + ": " + warning.Message);
            }

            string action = $"Register OIDC client via {prepared.Endpoint} on {prepared.Server} with body {prepared.RequestBody}";
            if (!ShouldProcess(prepared.ClientId, action))
            {
                return;
            }

            _runner!.Submit(() => _service.ExecuteAsync(prepared, options, StopToken), new RowState(target, line));
        }

        protected override void EndProcessing()
        {
            try
            {
                _runner?.Complete();
                FlushVerbose();
                if (_done > 0)
                {
                    WriteProgress(new ProgressRecord(1, "Registering OIDC clients", "Done") { RecordType = ProgressRecordType.Completed });
                }
            }
            finally
            {
                _logCapture?.Dispose();
                _keyPool?.Dispose();
            }
        }

        /// <summary>Runs on the pipeline thread for each finished registration, in completion order.</summary>
        private void OnRegistered(Task<RegistrationResult> done, object state)
        {
            var row = (RowState)state;
            FlushVerbose();
            _done++;
            if (done.IsFaulted) _failed++;
            ReportProgress();
            if (done.IsCanceled || StopToken.IsCancellationRequested && done.IsFaulted)
            {
                return; // Ctrl+C: the ledger says Pending for a request that may have been sent; a rerun resolves it.
            }

            if (done.IsFaulted)
            {
                Exception e = done.Exception!.GetBaseException();
                if (e is EsignetException ee)
                {
                    WriteRowError(ee, row.Target, row.Line);
                    return;
                }

                if (e is OperationCanceledException) return;
                WriteError(ErrorRecords.Create("UnexpectedError", ErrorCategory.NotSpecified, Where(row.Line) + e.Message, row.Target, e));
                return;
            }

            RegistrationResult result = done.Result;
            if (result.Outcome == "Changed")
            {
                WriteWarning($"{Where(row.Line)}client '{result.ClientId}' is already registered with this key, but its definition has changed since. Nothing was sent; add -Update to apply the change.");
            }

            WriteObject(result);
        }

        /// <summary>Verbose output must come from the pipeline thread; the transport queues it from any thread.</summary>
        private void FlushVerbose()
        {
            while (_verbose.TryDequeue(out string? message))
            {
                WriteVerbose(message);
            }
        }

        /// <summary>Rows done, rate and failures (the total is unknown while input streams in). Silent under $ProgressPreference.</summary>
        private void ReportProgress()
        {
            double seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
            string status = $"{_done} done, {_failed} failed, {_done / seconds:0.#}/s";
            WriteProgress(new ProgressRecord(1, "Registering OIDC clients", status));
        }

        /// <summary>The same Client ID twice in one run is an input mistake (for PMS: the same key twice).</summary>
        private void RejectRepeatedClientId(PreparedRegistration prepared, int? line)
        {
            if (_seenClientIds.TryGetValue(prepared.ClientId, out int? first))
            {
                string where = first.HasValue ? $"line {first.Value}" : "an earlier row";
                throw new EsignetException("DuplicateClientIdInInput", EsignetErrorKind.InvalidData,
                    $"Client ID '{prepared.ClientId}' already appeared on {where} of this input{(prepared.Api == ClientApi.Pms ? " (PMS derives it from the key: the same key was given twice)" : string.Empty)}. Nothing was sent for this row.")
                { TargetObject = prepared.ClientId };
            }

            _seenClientIds[prepared.ClientId] = line;
        }

        private sealed class RowState
        {
            public RowState(object target, int? line)
            {
                Target = target;
                Line = line;
            }

            public object Target { get; }

            public int? Line { get; }
        }

        private ClientDefinition BuildDefinition(int? line)
        {
            return new ClientDefinition
            {
                LineNumber = line,
                ClientId = InputValues.Text(ClientId),
                ClientName = InputValues.Text(ClientName),
                RelyingPartyId = InputValues.Text(RelyingPartyId),
                PublicKey = InputValues.Key(PublicKey, ResolveNewPath),
                LogoUri = InputValues.Text(LogoUri),
                RedirectUris = CellParser.ParseList(InputValues.Plain(RedirectUri), "redirectUris"),
                GrantTypes = CellParser.ParseList(InputValues.Plain(GrantType), "grantTypes"),
                ClientAuthMethods = CellParser.ParseList(InputValues.Plain(ClientAuthMethod), "clientAuthMethods"),
                UserClaims = CellParser.ParseList(InputValues.Plain(UserClaim), "userClaims"),
                AuthContextRefs = CellParser.ParseList(InputValues.Plain(AuthContextRef), "authContextRefs"),
                ClientNameLangMap = CellParser.ParseMap(InputValues.Plain(ClientNameLangMap), "clientNameLangMap"),
                AdditionalConfigJson = CellParser.ParseJsonObject(InputValues.Plain(AdditionalConfig), "additionalConfig"),
                PolicyId = InputValues.Text(PolicyId),
                AuthPartnerId = InputValues.Text(AuthPartnerId),
            };
        }

        private RegistrationOptions BuildOptions(Core.Connection.EsignetContext context)
        {
            var spec = new KeySpec();
            if (MyInvocation.BoundParameters.ContainsKey(nameof(KeySize)))
            {
                spec.RsaSize = KeySize;
            }

            return new RegistrationOptions
            {
                Api = MyInvocation.BoundParameters.ContainsKey(nameof(Api)) ? Api : context.DefaultApi,
                GenerateKey = GenerateKey,
                KeyDirectory = ResolveNewPath(KeyDirectory ?? "keys"),
                KeySpec = spec,
                KeyPool = GenerateKey ? (_keyPool ??= new KeyPool(spec)) : null,
                Update = Update,
            };
        }

        private static string Where(int? line) => line is int l ? $"Line {l}: " : string.Empty;

        private void WriteRowError(EsignetException e, object target, int? line)
        {
            WriteError(RowErrors.Create(e, target, line));
        }
    }
}
