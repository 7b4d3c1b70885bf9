using Esignet.Core.Transport;

namespace Esignet.Core.Tests.Transport;

public class ClockSkewTests
{
    private static readonly DateTimeOffset Local = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_server_ahead_by_three_minutes_is_skewed_and_warned_once()
    {
        var skew = new ClockSkew();
        skew.Observe(Local.AddSeconds(180), Local, "https://esignet.example.org");

        Assert.True(skew.IsSkewed);
        string? first = skew.TakeWarning();
        Assert.NotNull(first);
        Assert.Contains("180 s behind", first);
        Assert.Contains("https://esignet.example.org", first);
        Assert.Null(skew.TakeWarning());
    }

    [Fact]
    public void A_server_behind_reads_as_the_local_clock_ahead()
    {
        var skew = new ClockSkew();
        skew.Observe(Local.AddSeconds(-200), Local, "https://pms.example.org");
        Assert.Contains("ahead of the server's", skew.Describe());
    }

    [Fact]
    public void Thirty_seconds_is_not_worth_a_warning()
    {
        var skew = new ClockSkew();
        skew.Observe(Local.AddSeconds(30), Local, "https://esignet.example.org");
        Assert.False(skew.IsSkewed);
        Assert.Null(skew.TakeWarning());
    }

    [Fact]
    public void A_refused_requestTime_is_blamed_on_the_clock_only_when_the_skew_explains_it()
    {
        var explained = new ClockSkew();
        explained.Observe(Local.AddSeconds(150), Local, "https://esignet.example.org");
        Assert.StartsWith("The server refused the request's requestTime because of clock skew.", explained.ExplainRequestTimeRefusal());

        var notExplained = new ClockSkew();
        notExplained.Observe(Local.AddSeconds(10), Local, "https://esignet.example.org");
        string text = notExplained.ExplainRequestTimeRefusal();
        Assert.DoesNotContain("because of clock skew", text);
        Assert.Contains("leeway", text);

        Assert.Contains("could not be measured", new ClockSkew().ExplainRequestTimeRefusal());
    }
}
