using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using Esignet.Core.Errors;
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

        internal static async Task<TransportResponse> ReadAsync(HttpResponseMessage response, long maxBytes, string what, CancellationToken cancel)
        {
            string body = response.Content == null ? string.Empty : await ReadBoundedAsync(response.Content, maxBytes, what, cancel).ConfigureAwait(false);
            var headers = new Dictionary<string, string[]>(System.StringComparer.OrdinalIgnoreCase);
            foreach (var h in response.Content == null ? response.Headers : response.Headers.Concat(response.Content.Headers))
            {
                headers[h.Key] = h.Value.ToArray();
            }

            return new TransportResponse((int)response.StatusCode, body, headers);
        }

        /// <summary>The body as text, refused (ResponseTooLarge, not retried) beyond <paramref name="maxBytes"/>.</summary>
        private static async Task<string> ReadBoundedAsync(HttpContent content, long maxBytes, string what, CancellationToken cancel)
        {
            long? declared = content.Headers.ContentLength;
            if (declared > maxBytes)
            {
                throw TooLarge(what, maxBytes, $"announced {declared} bytes");
            }

            using (Stream stream = await content.ReadAsStreamAsync().ConfigureAwait(false))
            using (var buffer = new MemoryStream())
            {
                var chunk = new byte[16 * 1024];
                int n;
                while ((n = await stream.ReadAsync(chunk, 0, chunk.Length, cancel).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + n > maxBytes)
                    {
                        throw TooLarge(what, maxBytes, "sent more");
                    }

                    buffer.Write(chunk, 0, n);
                }

                Encoding encoding = Encoding.UTF8;
                string? charset = content.Headers.ContentType?.CharSet;
                if (!string.IsNullOrEmpty(charset))
                {
                    try { encoding = Encoding.GetEncoding(charset!.Trim('"')); } catch (ArgumentException) { }
                }

                return encoding.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            }
        }

        private static EsignetException TooLarge(string what, long maxBytes, string fact) => new EsignetException("ResponseTooLarge", EsignetErrorKind.ServerError,
            $"{Redactor.Redact(what)}: the answer is larger than {maxBytes / (1024 * 1024)} MiB ({fact}); real eSignet and PMS answers are a few KB. Nothing of it was read further. Check the URL points at the right server.");
    }
}
