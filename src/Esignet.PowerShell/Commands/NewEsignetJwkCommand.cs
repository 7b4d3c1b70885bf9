using System;
using System.Diagnostics;
using System.Management.Automation;
using Esignet.Core.Errors;
using Esignet.Core.Keys;
using Esignet.PowerShell.Completion;
using Esignet.PowerShell.Infrastructure;
using IOPath = System.IO.Path;

namespace Esignet.PowerShell.Commands
{
    /// <summary>Generates signing (or encryption) key pairs as JWKs, optionally writing their PEM and JWK files.</summary>
    [Cmdlet(VerbsCommon.New, "EsignetJwk", SupportsShouldProcess = true)]
    [OutputType(typeof(JwkKeyPair))]
    public sealed class NewEsignetJwkCommand : EsignetCmdlet
    {
        /// <summary>RSA (default) or EC.</summary>
        [Parameter]
        [ValidateSet("RSA", "EC", IgnoreCase = true)]
        public string KeyType { get; set; } = "RSA";

        /// <summary>RSA modulus size: 2048 (default), 3072, 4096.</summary>
        [Parameter]
        [Alias("Size")]
        [ArgumentCompleter(typeof(KeyParameterCompleter))]
        public int KeySize { get; set; }

        /// <summary>EC curve: P-256 (default for EC), P-384, P-521. Implies -KeyType EC.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(KeyParameterCompleter))]
        public string? Curve { get; set; }

        /// <summary>sig (default) or enc.</summary>
        [Parameter]
        [ValidateSet("sig", "enc", IgnoreCase = true)]
        public string Use { get; set; } = "sig";

        /// <summary>JOSE alg; defaults from key type and use.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(KeyParameterCompleter))]
        public string? Algorithm { get; set; }

        /// <summary>kid; defaults to the RFC 7638 thumbprint.</summary>
        [Parameter]
        [Alias("Kid")]
        public string? KeyId { get; set; }

        /// <summary>Base path of the three files (a folder when -Count is over 1).</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>How many key pairs to make, on all cores.</summary>
        [Parameter]
        [ValidateRange(1, 1000000)]
        public int Count { get; set; } = 1;

        /// <summary>Replace existing key files.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            KeySpec spec;
            try
            {
                spec = BuildSpec();
            }
            catch (EsignetException e)
            {
                ThrowEsignetError(e);
                return;
            }

            if (Count > 1 && KeyId != null)
            {
                ThrowTerminatingError(ErrorRecords.Create("KeyIdWithCount", ErrorCategory.InvalidArgument,
                    "-KeyId names a single key; with -Count over 1 each key gets its thumbprint as kid. Remove -KeyId or -Count."));
            }

            string? target = Path == null ? null : ResolveNewPath(Path);
            string description = spec.Kind == KeyKind.RSA ? $"RSA-{spec.RsaSize}" : $"EC {spec.Curve}";
            if (target != null)
            {
                string action = Count == 1
                    ? $"Create {description} key pair files (.private.pem, .private.jwk.json, .public.jwk.json)"
                    : $"Create {Count} {description} key pairs, three files each, named by key id";
                if (!ShouldProcess(target, action))
                {
                    return;
                }
            }

            if (Count == 1)
            {
                try
                {
                    WriteObject(Keep(KeyFactory.Generate(spec), target, single: true));
                }
                catch (EsignetException e)
                {
                    WriteEsignetError(e, target);
                }

                return;
            }

            MakeMany(spec, target, description);
        }

        private KeySpec BuildSpec()
        {
            bool ec = string.Equals(KeyType, "EC", StringComparison.OrdinalIgnoreCase)
                || (Curve != null && !MyInvocation.BoundParameters.ContainsKey(nameof(KeyType)));
            var spec = new KeySpec
            {
                Kind = ec ? KeyKind.EC : KeyKind.RSA,
                Use = string.Equals(Use, "enc", StringComparison.OrdinalIgnoreCase) ? KeyUse.Enc : KeyUse.Sig,
                Algorithm = Algorithm,
                KeyId = KeyId,
            };
            if (MyInvocation.BoundParameters.ContainsKey(nameof(KeySize)))
            {
                spec.RsaSize = KeySize;
            }

            if (Curve != null)
            {
                spec.Curve = EcCurve.Parse(Curve);
            }

            return spec.Validate();
        }

        /// <summary>The key, its files written when there is a target (a folder with -Count: named by key id).</summary>
        private JwkKeyPair Keep(JwkKeyPair pair, string? target, bool single)
        {
            if (target != null)
            {
                string basePath = single ? target : IOPath.Combine(target, pair.KeyId);
                KeyFileWriter.Write(pair, new KeyFileSet(basePath), Force, allowSharedFolder: Force);
            }

            return pair;
        }

        /// <summary>
        /// Generates on all cores through the one <see cref="KeyPool"/> (exactly -Count keys); each is written and
        /// output here, on the pipeline thread, as it is ready. Stops early and cleanly on Ctrl+C or when
        /// downstream stops reading (disposing the pool stops its workers).
        /// </summary>
        private void MakeMany(KeySpec spec, string? folder, string description)
        {
            var progress = new ProgressRecord(1, "New-EsignetJwk", $"Generating {Count} {description} key pairs");
            var clock = Stopwatch.StartNew();
            long lastProgress = 0;
            int failed = 0;
            using (var pool = new KeyPool(spec, total: Count))
            {
                try
                {
                    for (int done = 1; done <= Count; done++)
                    {
                        try
                        {
                            WriteObject(Keep(pool.Take(StopToken), folder, single: false));
                        }
                        catch (EsignetException e)
                        {
                            failed++;
                            WriteEsignetError(e);
                        }

                        if (clock.ElapsedMilliseconds - lastProgress >= 250)
                        {
                            lastProgress = clock.ElapsedMilliseconds;
                            progress.PercentComplete = (int)(100L * done / Count);
                            double rate = done / Math.Max(0.001, clock.Elapsed.TotalSeconds);
                            progress.StatusDescription = $"{done} of {Count} ({rate:F0}/s){(failed > 0 ? $", {failed} failed" : string.Empty)}";
                            WriteProgress(progress);
                        }
                    }
                }
                catch (OperationCanceledException)
                {
                }
                finally
                {
                    progress.RecordType = ProgressRecordType.Completed;
                    WriteProgressSafely(progress);
                }
            }
        }

        private void WriteProgressSafely(ProgressRecord record)
        {
            try
            {
                WriteProgress(record);
            }
            catch (PipelineStoppedException)
            {
            }
            catch (InvalidOperationException)
            {
            }
        }
    }
}
