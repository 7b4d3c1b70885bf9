namespace Esignet.PowerShell.Infrastructure
{
    /// <summary>The -ThrottleLimit default of every bulk cmdlet, in one place.</summary>
    internal static class Throttle
    {
        /// <summary>
        /// 16 requests in flight. Registration time is dominated by network round trips, so throughput is
        /// throttle / latency: 16 makes a thousand rows take seconds where a sequential loop takes minutes (see the
        /// benchmark), while staying light for eSignet and PMS (Spring Boot's Tomcat serves 200 at once by default)
        /// and for Keycloak, which is asked once per connection, not per row.
        /// </summary>
        public const int Default = 16;
    }
}
