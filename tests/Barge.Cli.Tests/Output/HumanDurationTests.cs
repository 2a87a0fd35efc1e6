using Barge.Cli.Output;
using Xunit;

namespace Barge.Cli.Tests.Output;

public sealed class HumanDurationTests
{
    [Theory]
    [InlineData("negative-beyond-skew", -5, "<invalid>")]
    [InlineData("small-skew", -0.5, "0s")]
    [InlineData("seconds", 45, "45s")]
    [InlineData("under-two-minutes", 119, "119s")]
    [InlineData("minutes-and-seconds", 310, "5m10s")]
    [InlineData("whole-minutes", 300, "5m")]
    [InlineData("tens-of-minutes", 1500, "25m")]
    [InlineData("hours-and-minutes", 3 * 3600 + 120, "3h2m")]
    [InlineData("whole-hours", 3 * 3600, "3h")]
    [InlineData("day-in-hours", 30 * 3600, "30h")]
    [InlineData("days-and-hours", 53 * 3600, "2d5h")]
    [InlineData("days", 20 * 86400, "20d")]
    [InlineData("years-and-days", (3 * 365 + 20) * 86400.0, "3y20d")]
    [InlineData("years", 10 * 365 * 86400.0, "10y")]
    public void Format_Age_MatchesKubectl(string row, double seconds, string expected)
    {
        Assert.True(expected == HumanDuration.Format(TimeSpan.FromSeconds(seconds)), row);
    }
}
