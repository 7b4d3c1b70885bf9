using System;
using System.Management.Automation;
using System.Security;
using Esignet.Core.Assertions;
using Esignet.Core.Clients;
using Esignet.Core.Definitions;
using Esignet.Core.Errors;
using Esignet.Core.Keys;
using Esignet.Core.Registration;
using Esignet.PowerShell.Completion;
using Esignet.PowerShell.Infrastructure;

namespace Esignet.PowerShell.Commands
{
    /// <summary>
    /// Makes a private_key_jwt client assertion as eSignet checks it (esignet-api.md §6.2). It changes nothing
    /// anywhere (like New-Guid), so it has no -WhatIf. The assertion is a secret: a SecureString unless -AsPlainText.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "EsignetClientAssertion")]
    [OutputType(typeof(SecureString), typeof(string))]
    public sealed class NewEsignetClientAssertionCommand : ClientApiCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "client_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ClientIdCompleter))]
        public string ClientId { get; set; } = string.Empty;

        /// <summary>The private key: a key object, or the path of a PEM or private JWK file.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("PrivateKeyPemPath", "KeyPath")]
        public object? Key { get; set; }

        [Parameter]
        [Alias("Aud")]
        public string? Audience { get; set; }

        [Parameter]
        [SecondsOrTimeSpan]
        public TimeSpan Lifetime { get; set; } = ClientAssertionBuilder.DefaultLifetime;

        [Parameter]
        [Alias("Kid")]
        public string? KeyId { get; set; }

        [Parameter]
        public SwitchParameter AsPlainText { get; set; }

        protected override void ProcessRecord()
        {
            try
            {
                JwkKeyPair key = ResolveKey();
                var request = new ClientAssertionRequest
                {
                    ClientId = ClientId,
                    Audience = Audience ?? DiscoveredTokenEndpoint(),
                    Lifetime = Lifetime,
                    KeyId = KeyId,
                };
                ClientAssertion assertion = ClientAssertionBuilder.Build(key, request);
                WriteVerbose($"Client assertion for '{ClientId}': alg {assertion.Algorithm}, kid {assertion.KeyId ?? "(none)"}, aud {assertion.Audience}, jti {assertion.JwtId}, valid until {assertion.ExpiresAt:u}. Send it as client_assertion, with client_assertion_type={ClientAssertionBuilder.AssertionType}.");
                WriteObject(AsPlainText ? (object)assertion.RevealToken() : ToSecureString(assertion.RevealToken()));
            }
            catch (EsignetException e)
            {
                WriteEsignetError(e, ClientId);
            }
        }

        /// <summary>-Key, else the key file the ledger (or PMS record) names for the client.</summary>
        private JwkKeyPair ResolveKey()
        {
            KeyArgument.Resolve(Key, this, out JwkKeyPair? key, out string? path);
            if (key != null) return key;
            if (path == null)
            {
                var context = RequireContext();
                ClientApi api = ApiOrDefault();
                ClientRecord? record = AsyncRunner.Run(() => new ClientQueryService(context).GetAsync(ClientId, api, StopToken));
                path = record?.PrivateKeyPemPath ?? record?.PrivateJwkPath;
                if (path == null)
                {
                    throw new EsignetException("KeyRequired", EsignetErrorKind.InvalidArgument,
                        $"Give -Key: {(record == null ? "the ledger has no registration of" : "the registration names no private key file for")} client '{ClientId}'.");
                }
            }

            return KeyFactory.FromFile(path, requirePrivate: true);
        }

        private string DiscoveredTokenEndpoint()
        {
            return RequireContext().Discovery?.TokenEndpoint
                ?? throw new EsignetException("AudienceUnknown", EsignetErrorKind.InvalidOperation,
                    "The token endpoint is unknown: the connection has no eSignet discovery document. Give -Audience (the token endpoint URL the assertion is sent to).");
        }

        private static SecureString ToSecureString(string text)
        {
            var secure = new SecureString();
            foreach (char c in text) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }
}
