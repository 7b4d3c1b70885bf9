using System;
using System.Net.Http;

namespace Esignet.Core.Servers
{
    /// <summary>
    /// One request to a client-management endpoint, decided once and rendered for every attempt: the body carries a
    /// requestTime that eSignet refuses when it is more than 2 minutes off its clock (esignet-api.md §1.4), so each
    /// attempt (a retry after back-off, the repeat after a 401) stamps its own. Everything else in the body is the
    /// same in <see cref="Preview"/> (what -WhatIf and -Verbose show) and in what is sent. The body holds public
    /// keys only, so it is safe to show.
    /// </summary>
    public sealed class ClientRequest
    {
        private readonly Func<string> _render;
        private string? _preview;

        internal ClientRequest(HttpMethod method, Uri uri, Func<string> render, string? requiredScope = null)
        {
            Method = method;
            Uri = uri;
            _render = render;
            RequiredScope = requiredScope;
        }

        public HttpMethod Method { get; }

        public Uri Uri { get; }

        /// <summary>Method and path, e.g. <c>POST /v1/esignet/client-mgmt/oidc-client</c>.</summary>
        public string Endpoint => Method + " " + Uri.AbsolutePath;

        /// <summary>The body as it will be sent, requestTime aside (stamped again at each attempt).</summary>
        public string Preview => _preview ??= _render();

        /// <summary>The scope a 403 names (eSignet's add_oidc_client / update_oidc_client); null for PMS.</summary>
        internal string? RequiredScope { get; }

        /// <summary>The body for one attempt, stamped now.</summary>
        internal string Render() => _render();

        public override string ToString() => Endpoint;
    }
}
