using System.Collections.Generic;
using System.Management.Automation;
using Esignet.Core.Clients;
using Esignet.Core.Definitions;
using Esignet.Core.Errors;
using Esignet.Core.Registration;
using Esignet.PowerShell.Completion;
using Esignet.PowerShell.Infrastructure;

namespace Esignet.PowerShell.Commands
{
    /// <summary>
    /// Changes a registered client: PATCH on eSignet 1.8+, else a full PUT built from the known state (ledger for
    /// eSignet, the server for PMS) merged with the changes. The key, client id and relying party cannot change.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "EsignetClient", SupportsShouldProcess = true)]
    [OutputType(typeof(ClientRecord))]
    public sealed class SetEsignetClientCommand : EsignetServerCmdlet
    {
        private ClientUpdateService? _updates;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "client_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ClientIdCompleter))]
        public string ClientId { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        public string? ClientName { get; set; }

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
        [Alias("UserClaims", "Claims")]
        [ArgumentCompleter(typeof(ClaimCompleter))]
        public object? UserClaim { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("AuthContextRefs", "Acr", "AcrValues")]
        [ArgumentCompleter(typeof(AcrCompleter))]
        public object? AuthContextRef { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("LangMap")]
        public object? ClientNameLangMap { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public object? AdditionalConfig { get; set; }

        /// <summary>Active or Inactive (any case). An empty value (an empty CSV cell) leaves the status as it is.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(StatusCompleter))]
        public string? Status { get; set; }

        [Parameter]
        public ClientApi Api { get; set; }

        protected override void BeginProcessing()
        {
            _updates = new ClientUpdateService(RequireContext());
        }

        protected override void ProcessRecord()
        {
            ClientApi api = MyInvocation.BoundParameters.ContainsKey(nameof(Api)) ? Api : RequireContext().DefaultApi;
            try
            {
                ClientChanges changes = BuildChanges();
                PreparedUpdate prepared = AsyncRunner.Run(() => _updates!.PrepareAsync(ClientId, api, changes, StopToken));
                if (!ShouldProcess(ClientId, $"{prepared.Endpoint} on {prepared.Server} with body {prepared.RequestBody}"))
                {
                    return;
                }

                WriteObject(AsyncRunner.Run(() => _updates!.ExecuteAsync(prepared, StopToken)));
            }
            catch (EsignetException e)
            {
                WriteError(RowErrors.Create(e, ClientId, null));
            }
        }

        /// <summary>
        /// The changes: every parameter that was given with a value. An empty value (an empty CSV cell, a record
        /// without that field) means "leave as it is", so a CSV of partial changes, or Get-EsignetClient's own
        /// output piped back in, changes only what differs.
        /// </summary>
        private ClientChanges BuildChanges()
        {
            string? status = InputValues.Text(Status)?.Trim().ToUpperInvariant();
            if (status != null && status != "ACTIVE" && status != "INACTIVE")
            {
                throw new EsignetException("invalid_status", EsignetErrorKind.InvalidArgument, $"Status '{Status}' is not Active or Inactive.") { TargetObject = ClientId };
            }

            List<string>? List(object? value, string field)
            {
                List<string> parsed = CellParser.ParseList(InputValues.Plain(value), field);
                return parsed.Count == 0 ? null : parsed;
            }

            Dictionary<string, string>? map = CellParser.ParseMap(InputValues.Plain(ClientNameLangMap), "clientNameLangMap");
            return new ClientChanges
            {
                ClientName = InputValues.Text(ClientName),
                LogoUri = InputValues.Text(LogoUri),
                RedirectUris = List(RedirectUri, "redirectUris"),
                GrantTypes = List(GrantType, "grantTypes"),
                ClientAuthMethods = List(ClientAuthMethod, "clientAuthMethods"),
                UserClaims = List(UserClaim, "userClaims"),
                AuthContextRefs = List(AuthContextRef, "authContextRefs"),
                ClientNameLangMap = map.Count == 0 ? null : map,
                AdditionalConfigJson = CellParser.ParseJsonObject(InputValues.Plain(AdditionalConfig), "additionalConfig"),
                Status = status,
            };
        }
    }
}
