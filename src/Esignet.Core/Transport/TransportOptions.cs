using System;

namespace Esignet.Core.Transport
{
    /// <summary>How requests are sent: timeouts, retries, TLS checking.</summary>
    public sealed class TransportOptions
    {
        /// <summary>
        /// Per-attempt deadline, from sending to the last byte of the answer, so a server that drips its answer
        /// slowly is cut off too. With the default retries a row takes at most 5 x 30 s plus about 6 s of backoff
        /// (README, "Bulk runs, faults and reruns").
        /// </summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>The largest answer read (4 MiB: real answers are a few KB); a larger one is refused, not read.</summary>
        public long MaxResponseBytes { get; set; } = 4 * 1024 * 1024;

        /// <summary>Retries after the first attempt for transient failures (connection errors, 429, 500, 502, 503, 504).</summary>
        public int MaxRetry { get; set; } = 4;

        /// <summary>The first backoff; doubles each retry, with jitter, capped by <see cref="MaxBackoff"/>.</summary>
        public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(250);

        public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>Accept any server certificate. Never the default; the cmdlets warn when it is set.</summary>
        public bool SkipCertificateCheck { get; set; }

        /// <summary>Connections kept per server; bounds parallel requests.</summary>
        public int MaxConnectionsPerServer { get; set; } = 64;

        /// <summary>A copy with another retry count or timeout where given; every other setting as it is.</summary>
        public TransportOptions With(int? maxRetry, TimeSpan? timeout)
        {
            var copy = (TransportOptions)MemberwiseClone();
            copy.MaxRetry = maxRetry ?? MaxRetry;
            copy.Timeout = timeout ?? Timeout;
            return copy;
        }
    }
}
