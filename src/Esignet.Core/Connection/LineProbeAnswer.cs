using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Esignet.Core.Errors;
using Esignet.Core.Servers;
using Esignet.Core.Transport;

namespace Esignet.Core.Connection
{
    /// <summary>
    /// What one release-line probe got back: the HTTP status and the error codes of eSignet's or PMS's errors[], or
    /// why there was no usable answer. Probes are sent once (no retry) with a short timeout, and shown under -Verbose.
    /// </summary>
    /// <param name="What">Method and path, e.g. "PATCH /v1/esignet/client-mgmt/client/esignet-module-line-probe".</param>
    /// <param name="Status">The HTTP status; 0 when there was no answer.</param>
    /// <param name="ErrorCodes">The errorCode of each entry of errors[].</param>
    /// <param name="Failure">Why the answer cannot be read (refused token, network), or null.</param>
    internal sealed record LineProbeAnswer(string What, int Status, IReadOnlyList<string> ErrorCodes, string? Failure)
    {
        private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(15);

        public bool HasErrors => Status == 200 && ErrorCodes.Count > 0;

        /// <summary>
        /// eSignet's bean validation ran: the empty requestTime every probe sends came back as invalid_request. Other
        /// errors[] answers (e.g. unknown_error "Full authentication is required" without a token) prove nothing.
        /// </summary>
        public bool ValidationRan => HasCode("invalid_request");

        public string Codes => string.Join(", ", ErrorCodes.Distinct());

        public bool HasCode(string code) => HasErrors && ErrorCodes.Contains(code);

        public bool HasCodeStartingWith(string prefix) => HasErrors && ErrorCodes.Any(c => c.StartsWith(prefix, StringComparison.Ordinal));

        public string Describe()
        {
            if (Failure != null) return "got no usable answer: " + Failure;
            return HasErrors ? $"answered errors[] ({Codes})" : $"answered HTTP {Status}";
        }

        /// <summary>The connection's transport without retries and with a short timeout: a probe never turns into a storm.</summary>
        public static HttpTransport ProbeTransport(HttpTransport transport)
        {
            TimeSpan timeout = transport.Options.Timeout < ProbeTimeout ? transport.Options.Timeout : ProbeTimeout;
            return transport.With(0, timeout);
        }

        public static async Task<LineProbeAnswer> SendAsync(ApiCaller caller, HttpMethod method, Uri uri, string? body, Action<string>? log, CancellationToken cancel)
        {
            string what = method + " " + uri.AbsolutePath;
            LineProbeAnswer answer;
            try
            {
                TransportResponse r = await caller.SendAsync(method, uri, body == null ? null : new Func<string>(() => body), cancel, maxRetry: 0).ConfigureAwait(false);
                answer = new LineProbeAnswer(what, r.Status, ReadCodes(r.Body), null);
            }
            catch (EsignetException e)
            {
                string reason = e is ServerErrorException s && (s.HttpStatus == 401 || s.HttpStatus == 403)
                    ? $"HTTP {s.HttpStatus}, the token was refused for it"
                    : e.Message;
                answer = new LineProbeAnswer(what, e is ServerErrorException se ? se.HttpStatus : 0, Array.Empty<string>(), reason);
            }

            log?.Invoke($"Release-line probe: {what} {answer.Describe()}.");
            return answer;
        }

        /// <summary>errorCode of every entry of errors[] (eSignet and PMS name it the same); empty when there is none.</summary>
        private static IReadOnlyList<string> ReadCodes(string body)
        {
            try
            {
                using (JsonDocument doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "null" : body))
                {
                    return ServerErrors.Esignet(doc.RootElement).Where(e => e.Code != null).Select(e => e.Code!).ToList();
                }
            }
            catch (JsonException)
            {
                return Array.Empty<string>();
            }
        }
    }
}
