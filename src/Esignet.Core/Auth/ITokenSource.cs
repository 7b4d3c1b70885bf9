using System.Threading;
using System.Threading.Tasks;

namespace Esignet.Core.Auth
{
    /// <summary>Where bearer tokens come from. Implementations cache and refresh; they are safe to call from many threads.</summary>
    public interface ITokenSource
    {
        /// <summary>How the token is obtained, for Get-EsignetContext: StaticToken, ClientCredentials, AuthManager.</summary>
        string Method { get; }

        /// <summary>Where the credentials came from (parameter, environment variable name), never the secret.</summary>
        string CredentialSource { get; }

        /// <summary>The token endpoint, when there is one.</summary>
        string? TokenEndpoint { get; }

        /// <summary>The last token obtained, if any (for display).</summary>
        AccessToken? Current { get; }

        /// <summary>A valid token; a new one when <paramref name="forceRefresh"/> or the cached one is about to expire.</summary>
        Task<AccessToken> GetTokenAsync(bool forceRefresh, CancellationToken cancel);
    }
}
