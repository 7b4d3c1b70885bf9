using System;
using System.Collections.Concurrent;
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
    // The alias gives the cmdlet the noun of Get-/Set-/Test-EsignetClient, so Get-Command *EsignetClient* finds all
    // four; the name stays, since scripts and the OpenG2P-facing docs use it (issue 20, item 12).
    [Cmdlet(VerbsCommon.New, "EsignetOidcClient", SupportsShouldProcess = true)]
    [Alias("New-EsignetClient")]
    [OutputType(typeof(RegistrationResult))]
    public sealed class NewEsignetOidcClientCommand : ClientDefinitionCmdlet
    {
        private RegistrationService? _service;

        [Parameter]
        public SwitchParameter GenerateKey { get; set; }

        [Parameter]
        public string? KeyDirectory { get; set; }

        /// <summary>
        /// eSignet 1.8+: give each client without -EncryptionKey a new encryption key (RSA, RSA-OAEP-256), written
        /// owner-only as &lt;key&gt;.enc.* beside its signing key and sent by a PATCH after the create.
        /// </summary>
        [Parameter]
        public SwitchParameter GenerateEncryptionKey { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(KeyParameterCompleter))]
        public int KeySize { get; set; }

        [Parameter]
        public SwitchParameter Update { get; set; }

        /// <summary>
        /// Override the module's safety refusals: write new key files even into a folder other users can write to,
        /// and register an RSA key of 512 to 2047 bits (with a warning).
        /// </summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>
        /// Also write a result with Outcome Failed (and ErrorId, Error) for each row that failed, so that a results
        /// file made with Export-Csv has one row per input row; the error is still written to the error stream.
        /// </summary>
        [Parameter]
        public SwitchParameter IncludeFailed { get; set; }

        /// <summary>How many registrations run at once. 1 registers strictly in input order.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = Throttle.Default;

        private BoundedRunner<RegistrationResult>? _runner;
        private SendGate? _sendGate;
        private KeyPool? _keyPool;
        private readonly ConcurrentQueue<string> _verbose = new ConcurrentQueue<string>();
        private readonly Stopwatch _clock = new Stopwatch();
        private long _progressShownAt = long.MinValue / 2;
        private int _done;
        private int _failed;
        private readonly RepeatedClientIds _clientIds = new RepeatedClientIds();

        protected override void BeginProcessing()
        {
            _service = new RegistrationService(RequireContext());
            // Up to ThrottleLimit rows talk to the server at once; as many more get their local steps (key files, the
            // ledger's Pending entry on disk) done meanwhile, so those never stretch a slot. At 1, strictly in order.
            _sendGate = new SendGate(ThrottleLimit);
            _runner = new BoundedRunner<RegistrationResult>(ThrottleLimit == 1 ? 1 : 2 * ThrottleLimit, OnRegistered);
            Own(RequireContext().CaptureTransportLog(_verbose.Enqueue)); // retries show under -Verbose
            Own(RequireContext().KeepLedgerOpen());
            _clock.Start();
        }

        protected override void ProcessRecord()
        {
            int? line = NextLine();
            FlushVerbose();
            var context = RequireContext();
            object target = RowTarget;
            PreparedRegistration prepared;
            RegistrationOptions options;
            try
            {
                ClientDefinition definition = BuildDefinition(line);
                options = BuildOptions();
                prepared = _service!.Prepare(definition, options);
                RejectRepeatedClientId(prepared, line);
            }
            catch (EsignetException e)
            {
                ErrorRecord error = RowErrors.Create(e, target, line);
                WriteError(error);
                WriteFailedResult(error, InputValues.Text(ClientId), InputValues.Text(ClientName), line);
                return;
            }

            foreach (ValidationIssue warning in prepared.Warnings)
            {
                WriteWarning(RowErrors.Where(line) + warning.Field + ": " + warning.Message);
            }

            // One line per row for -WhatIf and -Verbose; the body (public key only) only under -Verbose, and only
            // for a row that will send it.
            ExpectedAction expected = RegistrationPreview.Expect(context, prepared, Update);
            if (expected == ExpectedAction.Create)
            {
                WriteVerbose($"{RowErrors.Where(line)}body for {prepared.Endpoint}: {prepared.RequestBody}");
            }

            string said = Describe(prepared, expected);
            if (!ShouldProcess(RowErrors.Where(line) + said, said + " Continue?", "New-EsignetOidcClient"))
            {
                return;
            }

            _runner!.Submit(() => _service.ExecuteAsync(prepared, options, StopToken), new RowState(target, line, prepared.ClientId, prepared.Definition.ClientName));
        }

        protected override void EndProcessing()
        {
            _runner?.Complete();
            FlushVerbose();
            if (_done > 0)
            {
                WriteProgress(new ProgressRecord(1, "Registering OIDC clients", "Done") { RecordType = ProgressRecordType.Completed });
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
            // After Ctrl+C nothing is reported for cancelled rows: the ledger says Pending for a request that may
            // have been sent, and a rerun resolves it.
            if (ReportedFailure(done, row.Target, row.Line, out ErrorRecord? error))
            {
                if (error != null)
                {
                    WriteFailedResult(error, row.ClientId, row.ClientName, row.Line);
                }

                return;
            }

            RegistrationResult result = done.Result;
            if (_service!.TakePredictionWarning() is string prediction)
            {
                WriteWarning(prediction); // once per run; every result carries its own PredictedClientId
            }

            if (result.Outcome == "Changed")
            {
                WriteWarning($"{RowErrors.Where(row.Line)}client '{result.ClientId}' is already registered with this key, but its definition has changed since. Nothing was sent; add -Update to apply the change.");
            }

            WriteObject(result);
        }

        /// <summary>What a row will do, in one line: "nothing is sent" when the ledger shows it needs no request.</summary>
        private string Describe(PreparedRegistration p, ExpectedAction expected)
        {
            string who = p.ClientIdFromKey && p.NewKeyFiles != null ? $"'{p.Definition.ClientName}' (Client ID from its new key)" : $"'{p.ClientId}'";
            switch (expected)
            {
                case ExpectedAction.NothingRegistered:
                    return $"Client {who} is already registered on {p.Server} with this key and this definition (ledger): nothing is sent.";
                case ExpectedAction.NothingChanged:
                    return $"Client {who} is registered on {p.Server} with this key, but the row differs: nothing is sent (add -Update to replace it).";
                case ExpectedAction.Update:
                    return $"Replace OIDC client {who} on {p.Server} with the row's values (-Update).";
                case ExpectedAction.Complete:
                    return $"Client {who} is registered on {p.Server}, but its encryption key is not set yet (the earlier run stopped after the create): only the key is sent.";
                case ExpectedAction.Refused:
                    return $"Client {who} is in the ledger for {p.Server} with another key: the row will fail with ClientIdTaken, nothing is sent.";
                default:
                    return $"Register OIDC client {who} via {p.Endpoint} on {p.Server}.";
            }
        }

        /// <summary>True under -WhatIf (given or by $WhatIfPreference): no key is needed then, only its shape.</summary>
        private bool IsWhatIf() =>
            LanguagePrimitives.IsTrue(MyInvocation.BoundParameters.TryGetValue("WhatIf", out object? given) ? given : GetVariableValue("WhatIfPreference"));

        /// <summary>Verbose output must come from the pipeline thread; the transport queues it from any thread.</summary>
        private void FlushVerbose()
        {
            while (_verbose.TryDequeue(out string? message))
            {
                WriteVerbose(message);
            }

            if (RequireContext().TakeClockSkewWarning() is string skew)
            {
                WriteWarning(skew); // once per connection, from the servers' Date headers
            }
        }

        /// <summary>Rows done, rate and failures (the total is unknown while input streams in). Silent under $ProgressPreference.</summary>
        private void ReportProgress()
        {
            // A few updates a second are all a person can read; one per row costs the host real time in bulk.
            long now = _clock.ElapsedMilliseconds;
            if (now - _progressShownAt < 200)
            {
                return;
            }

            _progressShownAt = now;
            double seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
            string status = $"{_done} done, {_failed} failed, {_done / seconds:0.#}/s";
            WriteProgress(new ProgressRecord(1, "Registering OIDC clients", status));
        }

        /// <summary>The same Client ID twice in one run is an input mistake (for PMS: the same key twice).</summary>
        private void RejectRepeatedClientId(PreparedRegistration prepared, int? line)
        {
            if (prepared.ClientIdFromKey && prepared.NewKeyFiles != null && _keyPool?.IsPlaceholder == true)
            {
                return; // -WhatIf: every new key is the same placeholder, so its PMS Client ID repeats by design
            }

            if (_clientIds.Check(prepared.ClientId, prepared.Api, line) is ValidationIssue repeat)
            {
                throw new ValidationFailedException(new[] { repeat });
            }
        }

        private sealed record RowState(object Target, int? Line, string ClientId, string? ClientName);

        private RegistrationOptions BuildOptions()
        {
            var spec = new KeySpec();
            if (MyInvocation.BoundParameters.ContainsKey(nameof(KeySize)))
            {
                spec.RsaSize = KeySize;
            }

            return new RegistrationOptions
            {
                Api = ApiOrDefault(),
                GenerateKey = GenerateKey,
                GenerateEncryptionKey = GenerateEncryptionKey,
                KeyDirectory = ResolveNewPath(KeyDirectory ?? "keys"),
                KeySpec = spec,
                // Under -WhatIf no key is kept, so one placeholder serves every row instead of an RSA key per row.
                KeyPool = GenerateKey ? (_keyPool ??= Own(IsWhatIf() ? KeyPool.Placeholder(spec) : new KeyPool(spec))) : null,
                Update = Update,
                SendGate = _sendGate,
                AllowSharedKeyDirectory = Force,
                AllowWeakRsaKey = Force,
            };
        }

        /// <summary>With -IncludeFailed, the failed row as a result too, so an exported results file misses no row.</summary>
        private void WriteFailedResult(ErrorRecord error, string? clientId, string? clientName, int? line)
        {
            if (!IncludeFailed)
            {
                return;
            }

            ClientApi api = ApiOrDefault();
            WriteObject(new RegistrationResult
            {
                ClientId = clientId ?? string.Empty,
                ClientName = clientName,
                Outcome = "Failed",
                Api = api.ToString(),
                Server = RequireContext().ServerAddressOf(api),
                LineNumber = line,
                // Every row error carries an EsignetException (RowErrors): its id, not the record's text.
                ErrorId = (error.Exception as EsignetException)?.ErrorId ?? error.CategoryInfo.Reason,
                Error = error.ErrorDetails?.Message ?? error.Exception.Message,
            });
        }
    }
}
