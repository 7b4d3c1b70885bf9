using System.Threading;
using System.Threading.Tasks;

namespace Esignet.Core.Auth
{
    /// <summary>A token the user already has (-AccessToken or ESIGNET_ACCESS_TOKEN). It cannot be refreshed.</summary>
    public sealed class StaticTokenSource : ITokenSource
    {
        public StaticTokenSource(string token, string credentialSource)
        {
            Current = AccessToken.FromText(token.Trim());
            CredentialSource = credentialSource;
        }

        public string Method => "StaticToken";

        public string CredentialSource { get; }

        public string? TokenEndpoint => null;

        public AccessToken? Current { get; }

        public Task<AccessToken> GetTokenAsync(bool forceRefresh, CancellationToken cancel) => Task.FromResult(Current!);
    }
}
