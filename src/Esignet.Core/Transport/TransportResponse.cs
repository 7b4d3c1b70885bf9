using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;

namespace Esignet.Core.Transport
{
    /// <summary>A fully read HTTP response (status, the headers the module needs, the body text).</summary>
    public sealed class TransportResponse
    {
        public TransportResponse(int status, string body, IDictionary<string, string[]> headers)
        {
            Status = status;
            Body = body;
            Headers = headers;
        }

        public int Status { get; }

        public string Body { get; }

        /// <summary>Header name (case-insensitive) to values.</summary>
        public IDictionary<string, string[]> Headers { get; }

        /// <summary>
        /// True when an earlier attempt of this request failed without an answer (connection dropped, timeout):
        /// the server may have acted on it, so an error such as duplicate_client_id can be our own earlier create.
        /// </summary>
        public bool EarlierAnswerLost { get; internal set; }

        public string? Header(string name) => Headers.TryGetValue(name, out string[]? v) && v.Length > 0 ? v[0] : null;

        internal static async Task<TransportResponse> ReadAsync(HttpResponseMessage response)
        {
            string body = response.Content == null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            var headers = new Dictionary<string, string[]>(System.StringComparer.OrdinalIgnoreCase);
            foreach (var h in response.Headers)
            {
                headers[h.Key] = h.Value.ToArray();
            }

            if (response.Content != null)
            {
                foreach (var h in response.Content.Headers)
                {
                    headers[h.Key] = h.Value.ToArray();
                }
            }

            return new TransportResponse((int)response.StatusCode, body, headers);
        }
    }
}
