using System.Collections.ObjectModel;
using System.Management.Automation;
using Esignet.Core.Errors;
using Esignet.Core.Keys;
using Esignet.PowerShell.Infrastructure;

namespace Esignet.PowerShell.Commands
{
    /// <summary>Reads existing key files (PEM PKCS#1/PKCS#8/SEC1 or JWK) into the same object New-EsignetJwk makes.</summary>
    [Cmdlet(VerbsData.Import, "EsignetJwk", DefaultParameterSetName = "Path")]
    [OutputType(typeof(JwkKeyPair))]
    public sealed class ImportEsignetJwkCommand : EsignetCmdlet
    {
        /// <summary>Key files; wildcards allowed.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = "Path")]
        [Alias("PrivateKeyPemPath", "PrivateJwkPath", "KeyPath")]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = new string[0];

        /// <summary>Key files, taken literally (no wildcards).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = "LiteralPath")]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = new string[0];

        /// <summary>kid for a PEM key (PEM has none); defaults to the RFC 7638 thumbprint. Overrides a JWK's kid.</summary>
        [Parameter]
        [Alias("Kid")]
        public string? KeyId { get; set; }

        /// <summary>use for a PEM key; defaults to sig.</summary>
        [Parameter]
        [ValidateSet("sig", "enc", IgnoreCase = true)]
        public string? Use { get; set; }

        /// <summary>alg for a PEM key; defaults from the key type (RS256, ES256, ...).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(Completion.KeyParameterCompleter))]
        public string? Algorithm { get; set; }

        /// <summary>Accept a file that holds only a public key.</summary>
        [Parameter]
        public SwitchParameter AllowPublicKey { get; set; }

        /// <summary>Import an RSA key under 2048 bits anyway (with a warning); without it such a key is refused.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == "LiteralPath")
            {
                foreach (string literal in LiteralPath)
                {
                    ImportOne(ResolveNewPath(literal));
                }

                return;
            }

            foreach (string pattern in Path)
            {
                Collection<string> files;
                try
                {
                    files = SessionState.Path.GetResolvedProviderPathFromPSPath(pattern, out ProviderInfo provider);
                    if (provider.Name != "FileSystem")
                    {
                        WriteError(ErrorRecords.Create("NotAFileSystemPath", ErrorCategory.InvalidArgument,
                            $"'{pattern}' is not a file-system path.", pattern));
                        continue;
                    }
                }
                catch (ItemNotFoundException)
                {
                    files = new Collection<string>();
                }

                if (files.Count == 0)
                {
                    WriteError(ErrorRecords.Create("KeyFileNotFound", ErrorCategory.ObjectNotFound,
                        $"No key file matches '{pattern}'.", pattern));
                }

                foreach (string file in files)
                {
                    ImportOne(file);
                }
            }
        }

        private void ImportOne(string file)
        {
            try
            {
                JwkKeyPair pair = KeyFactory.FromFile(file, requirePrivate: !AllowPublicKey, KeyId, Use?.ToLowerInvariant(), Algorithm);
                if (KeyStrength.IsWeak(pair))
                {
                    if (!Force)
                    {
                        throw new EsignetException("KeySizeTooSmall", EsignetErrorKind.InvalidArgument, $"{file}: {KeyStrength.Refusal(pair)}");
                    }

                    WriteWarning($"{file}: key {pair.KeyId} is RSA-{pair.KeySize}, imported because of -Force. An RSA key under {KeyStrength.MinimumRsaBits} bits can be broken, and a client's key cannot be changed after registration.");
                }

                WriteObject(pair);
            }
            catch (EsignetException e)
            {
                WriteEsignetError(e, file);
            }
        }
    }
}
