using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Esignet.Core.Errors;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Esignet.Core.Transport
{
    /// <summary>
    /// Sends HTTP requests with bounded retries for transient failures, honouring Retry-After. One instance
    /// (and one HttpClient, so connections are reused) per connection context. Never logs a body or a header
    /// value unredacted.
    /// </summary>
    public sealed class HttpTransport : IDisposable
    {
        private readonly HttpClient _client;
        private readonly TransportOptions _options;

        private readonly bool _ownsClient = true;
        private readonly ClockSkew _clockSkew = new ClockSkew();

        public HttpTransport(TransportOptions options)
        {
            _options = options;
            var handler = new HttpClientHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false, // cookies are set per request (PMS's Authorization cookie), never shared
                MaxConnectionsPerServer = options.MaxConnectionsPerServer,
            };
            if (options.SkipCertificateCheck)
            {
                handler.ServerCertificateCustomValidationCallback = (_, _, _, _) => true;
            }

            _client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            _client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Esignet-PowerShell", typeof(HttpTransport).Assembly.GetName().Version?.ToString(3) ?? "0"));
        }

        /// <summary>A view with other retry and timeout settings that shares this transport's connections.</summary>
        private HttpTransport(HttpClient client, TransportOptions options, ClockSkew clockSkew)
        {
            _client = client;
            _options = options;
            _ownsClient = false;
            _clockSkew = clockSkew;
        }

        public TransportOptions Options => _options;

        /// <summary>
        /// The same connections (so a per-call setting costs no new TLS handshakes) with another retry count or
        /// per-attempt timeout. Disposing the view leaves the connections open for the transport that owns them.
        /// </summary>
        public HttpTransport With(int? maxRetry, TimeSpan? timeout)
        {
            return new HttpTransport(_client, _options.With(maxRetry, timeout), _clockSkew) { Log = Log };
        }

        /// <summary>The local clock's distance from the servers', from every answer's Date header; shared with views.</summary>
        public ClockSkew ClockSkew => _clockSkew;

        /// <summary>Receives one line per retry (already redacted), for -Verbose.</summary>
        public Action<string>? Log { get; set; }

        /// <summary>
        /// Sends the request made by <paramref name="makeRequest"/> (called again for every attempt, since a request
        /// message can be sent only once). Transient failures are retried; the final response is returned whatever
        /// its status. Connection failures after the last retry throw a ConnectionError.
        /// </summary>
        /// <remarks>
        /// Polly's retry (exponential back-off with jitter, or the server's Retry-After; the module's transient statuses
        /// and transport failures only) around Polly's per-attempt deadline, which covers reading the answer too. The
        /// pipeline is made per call, since it carries the call's log line and lost-answer flag.
        /// </remarks>
        public async Task<TransportResponse> SendAsync(Func<HttpRequestMessage> makeRequest, CancellationToken cancel, int? maxRetry = null)
        {
            int retries = maxRetry ?? _options.MaxRetry, attempts = 0;
            bool answerLost = false;
            string what = string.Empty;
            var pipeline = new ResiliencePipelineBuilder<TransportResponse>();
            if (retries > 0) // Polly wants one retry at least; -MaxRetry 0 is the deadline alone
            {
                pipeline.AddRetry(new RetryStrategyOptions<TransportResponse>
                {
                    MaxRetryAttempts = retries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true, // spreads retries of parallel workers
                    Delay = _options.InitialBackoff,
                    MaxDelay = _options.MaxBackoff,
                    ShouldHandle = a => new ValueTask<bool>(a.Outcome.Exception is Exception e ? IsTransportFailure(e) : IsTransient(a.Outcome.Result!.Status)),
                    DelayGenerator = a => new ValueTask<TimeSpan?>(a.Outcome.Result is TransportResponse r ? RetryAfter(r) : null),
                    OnRetry = a =>
                    {
                        answerLost |= a.Outcome.Exception != null; // the request may have been acted on; only its answer is lost
                        string reason = a.Outcome.Exception is Exception e ? Reason(e) : $"HTTP {a.Outcome.Result!.Status}";
                        Log?.Invoke(Redactor.Redact($"{what}: {reason}; retry {a.AttemptNumber + 1} of {retries} in {a.RetryDelay.TotalSeconds:0.##} s"));
                        return default;
                    },
                });
            }

            try
            {
                TransportResponse answer = await pipeline.AddTimeout(_options.Timeout).Build().ExecuteAsync(async attemptCancel =>
                {
                    bool last = attempts++ >= retries;
                    using (HttpRequestMessage request = makeRequest())
                    {
                        what = request.Method + " " + request.RequestUri;
                        try
                        {
                            using (HttpResponseMessage response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptCancel).ConfigureAwait(false))
                            {
                                if (response.Headers.Date is DateTimeOffset serverDate && request.RequestUri != null)
                                {
                                    _clockSkew.Observe(serverDate, DateTimeOffset.UtcNow, request.RequestUri.GetLeftPart(UriPartial.Authority));
                                }

                                // A transient answer that will be retried is not read. The final one is read within this
                                // attempt's deadline and size bound: a dripping or huge answer cannot hold the row.
                                return IsTransient((int)response.StatusCode) && !last
                                    ? TransportResponse.Unread(response)
                                    : await TransportResponse.ReadAsync(response, _options.MaxResponseBytes, what, attemptCancel).ConfigureAwait(false);
                            }
                        }
                        catch (Exception e) when (TlsFailure.From(e, what) is EsignetException untrusted)
                        {
                            throw untrusted; // no retry can fix a certificate
                        }
                    }
                }, cancel).ConfigureAwait(false);
                answer.EarlierAnswerLost = answerLost;
                return answer;
            }
            catch (Exception e) when (IsTransportFailure(e))
            {
                throw new EsignetException("ConnectionFailed", EsignetErrorKind.ConnectionError,
                    $"{what}: {Reason(e)} (after {attempts} attempt{(attempts == 1 ? "" : "s")}). Check the URL, the network and that the server is up.", e);
            }
        }

        public void Dispose()
        {
            if (_ownsClient)
            {
                _client.Dispose();
            }
        }

        public static bool IsTransient(int status) => status == 429 || status == 500 || status == 502 || status == 503 || status == 504;

        /// <summary>No answer: the connection failed or dropped, or the attempt's deadline passed. The caller's cancel is not one.</summary>
        private static bool IsTransportFailure(Exception e) => e is HttpRequestException || e is System.IO.IOException || e is TimeoutRejectedException;

        private string Reason(Exception e) => e is TimeoutRejectedException ? $"no answer within {_options.Timeout.TotalSeconds:0.#} s" : Describe(e);

        private TimeSpan? RetryAfter(TransportResponse response)
        {
            TimeSpan? wait = RetryConditionHeaderValue.TryParse(response.Header("Retry-After"), out RetryConditionHeaderValue? h)
                ? h.Delta ?? (h.Date - DateTimeOffset.UtcNow)
                : null;
            if (wait == null)
            {
                return null;
            }

            if (wait < TimeSpan.Zero) wait = TimeSpan.Zero;
            return wait > _options.MaxBackoff ? _options.MaxBackoff : wait;
        }

        private static string Describe(Exception e)
        {
            var sb = new StringBuilder(e.Message);
            for (Exception? inner = e.InnerException; inner != null; inner = inner.InnerException)
            {
                sb.Append(": ").Append(inner.Message);
            }

            return sb.ToString();
        }
    }
}
