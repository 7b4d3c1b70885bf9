using System;
using System.Globalization;
using System.Threading;

namespace Esignet.Core.Transport
{
    /// <summary>
    /// How far the local clock is from the servers', measured from each answer's <c>Date</c> header. eSignet
    /// refuses a <c>requestTime</c> more than 2 minutes from its own clock (<c>RequestTimeValidator.java</c>@v1.8.0,
    /// <c>mosip.esignet.reqtime.leeway-minutes</c> default 2, esignet-api.md §1.4), so a skewed clock fails every
    /// request with a bare <c>invalid_request</c>; this turns that into a reason. Shared by a transport and its views.
    /// </summary>
    public sealed class ClockSkew
    {
        /// <summary>A skew above this is worth a warning: half of eSignet's default leeway.</summary>
        public static readonly TimeSpan WarnAbove = TimeSpan.FromSeconds(60);

        /// <summary>eSignet's default requestTime leeway.</summary>
        public static readonly TimeSpan EsignetLeeway = TimeSpan.FromMinutes(2);

        // The latest measurement, replaced whole so that a reader never sees one answer's skew with another's server.
        private volatile Measurement? _latest;
        private int _warned;

        /// <summary>The latest measurement: positive when the server's clock is ahead of the local one; null before any.</summary>
        public TimeSpan? ServerAhead => _latest?.Ahead;

        /// <summary>
        /// Records one answer. <c>Date</c> has whole seconds, so half a second is added to the server's time and the
        /// local time is taken when the answer arrived; the error is about a second, far below the threshold.
        /// </summary>
        public void Observe(DateTimeOffset serverDate, DateTimeOffset receivedLocal, string server)
        {
            _latest = new Measurement(serverDate.AddMilliseconds(500) - receivedLocal, server);
        }

        /// <summary>True when the latest measurement is above <see cref="WarnAbove"/>.</summary>
        public bool IsSkewed => ServerAhead is TimeSpan s && s.Duration() > WarnAbove;

        /// <summary>The skew warning the first time the clock is found skewed, then null: one warning per connection.</summary>
        public string? TakeWarning()
        {
            if (!IsSkewed || Interlocked.Exchange(ref _warned, 1) == 1)
            {
                return null;
            }

            return Describe() + " eSignet refuses a requestTime more than 2 minutes from its own clock (invalid_request), so requests may fail until the local clock is corrected (NTP).";
        }

        /// <summary>"The local clock is 185 s behind the server's (Date header of https://…)."</summary>
        public string Describe()
        {
            Measurement? latest = _latest;
            if (latest == null)
            {
                return "The server's clock has not been measured (its answers had no Date header).";
            }

            double seconds = Math.Round(latest.Ahead.Duration().TotalSeconds);
            string direction = latest.Ahead >= TimeSpan.Zero ? "behind" : "ahead of";
            return string.Format(CultureInfo.InvariantCulture, "The local clock is {0:0} s {1} the server's (measured from the Date header of {2}).", seconds, direction, latest.Server);
        }

        /// <summary>
        /// The reason for an <c>invalid_request</c> on <c>requestTime</c>: the measured skew when it explains the
        /// refusal, else what else can cause it.
        /// </summary>
        public string ExplainRequestTimeRefusal()
        {
            TimeSpan? ahead = ServerAhead;
            if (ahead is TimeSpan s && s.Duration() >= EsignetLeeway - TimeSpan.FromSeconds(5))
            {
                return "The server refused the request's requestTime because of clock skew. " + Describe()
                    + " eSignet accepts a requestTime only within 2 minutes of its own clock. Correct the local clock (NTP) and run again; rows already sent are safe to rerun.";
            }

            return "The server refused the request's requestTime (eSignet accepts it only within its leeway, 2 minutes by default). "
                + (ahead == null ? "The server's clock could not be measured. " : Describe() + " That alone does not explain it, so the server's leeway (mosip.esignet.reqtime.leeway-minutes) may be smaller, or its clock wrong. ")
                + "Check the clocks of this machine and of the server.";
        }

        private sealed record Measurement(TimeSpan Ahead, string Server);
    }
}
