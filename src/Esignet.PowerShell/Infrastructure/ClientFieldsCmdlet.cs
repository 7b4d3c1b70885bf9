using System.Collections.Generic;
using System.Management.Automation;
using Esignet.Core.Definitions;
using Esignet.PowerShell.Completion;

namespace Esignet.PowerShell.Infrastructure
{
    /// <summary>
    /// The CSV columns that mean the same in every cmdlet that takes client fields (New-EsignetOidcClient,
    /// Set-EsignetClient, Test-EsignetClientDefinition): declared once here, with their aliases and completers, and
    /// read once here. The columns whose meaning differs stay in the subclasses: ClientId and ClientName (mandatory
    /// or positional in one, not the other) and the create-only columns of <see cref="ClientDefinitionCmdlet"/>.
    /// </summary>
    public abstract class ClientFieldsCmdlet : ClientApiCmdlet
    {
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

        /// <summary>
        /// eSignet 1.8+: the key that encrypts the client's userinfo when additionalConfig asks for JWE: a key object,
        /// JWK or PEM text, or a key file. Only its public part is sent (PATCH encPublicKey).
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("EncPublicKey")]
        public object? EncryptionKey { get; set; }

        // Each cell read by its field's rule (lists, maps, JSON); an unreadable cell throws CellFormatException.
        protected List<string> ReadRedirectUris() => CellParser.ParseList(InputValues.Plain(RedirectUri), "redirectUris");

        protected List<string> ReadGrantTypes() => CellParser.ParseList(InputValues.Plain(GrantType), "grantTypes");

        protected List<string> ReadClientAuthMethods() => CellParser.ParseList(InputValues.Plain(ClientAuthMethod), "clientAuthMethods");

        protected List<string> ReadUserClaims() => CellParser.ParseList(InputValues.Plain(UserClaim), "userClaims");

        protected List<string> ReadAuthContextRefs() => CellParser.ParseList(InputValues.Plain(AuthContextRef), "authContextRefs");

        protected Dictionary<string, string> ReadClientNameLangMap() => CellParser.ParseMap(InputValues.Plain(ClientNameLangMap), "clientNameLangMap");

        protected string? ReadAdditionalConfig() => CellParser.ParseJsonObject(InputValues.Plain(AdditionalConfig), "additionalConfig");

        /// <summary>The encryption key's public JWK; a key that cannot be read is the encPublicKey cell's error.</summary>
        protected string? ReadEncryptionKey() => ReadKey("encPublicKey", EncryptionKey) is Core.Keys.JwkKeyPair key ? Core.Keys.EncryptionKey.For(key).PublicJwk : null;

        /// <summary>A key cell (key object, JWK or PEM text, key file); a key that cannot be read is this field's error, named like any other.</summary>
        protected Core.Keys.JwkKeyPair? ReadKey(string field, object? cell)
        {
            try
            {
                return InputValues.Key(cell, ResolveNewPath);
            }
            catch (Core.Errors.EsignetException e) when (e is not CellFormatException)
            {
                throw new CellFormatException(field, e);
            }
        }
    }
}
