using System;
using System.Threading;
using System.Threading.Tasks;
using Esignet.Core.Transport;

namespace Esignet.Core.Auth
{
    /// <summary>
    /// Caches a token fetched from a token endpoint and fetches a new one shortly before it expires. One fetch at a
    /// time: parallel workers that all find the token stale wait for the same refresh instead of stampeding the token server.
    /// </summary>
    public abstract class RefreshingTokenSource : ITokenSource
    {
        private static readonly TimeSpan RefreshMargin = TimeSpan.FromSeconds(30);
        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
        private volatile AccessToken? _current;

        protected RefreshingTokenSource(HttpTransport transport, Uri endpoint, string credentialSource)
        {
            Transport = transport;
            Endpoint = endpoint;
            CredentialSource = credentialSource;
        }

        public abstract string Method { get; }

        public string CredentialSource { get; }

        public string? TokenEndpoint => Endpoint.ToString();

        protected HttpTransport Transport { get; }

        protected Uri Endpoint { get; }

        public AccessToken? Current => _current;

        public async Task<AccessToken> GetTokenAsync(bool forceRefresh, CancellationToken cancel)
        {
            AccessToken? seen = _current;
            if (seen != null && !forceRefresh && !seen.ExpiresWithin(RefreshMargin))
            {
                return seen;
            }

            await _gate.WaitAsync(cancel).ConfigureAwait(false);
            try
            {
                // Another caller may have refreshed while this one waited.
                AccessToken? now = _current;
                if (now != null && !now.ExpiresWithin(RefreshMargin) && (!forceRefresh || !ReferenceEquals(now, seen)))
                {
                    return now;
                }

                _current = await FetchAsync(cancel).ConfigureAwait(false);
                return _current;
            }
            finally
            {
                _gate.Release();
            }
        }

        protected abstract Task<AccessToken> FetchAsync(CancellationToken cancel);
    }
}
