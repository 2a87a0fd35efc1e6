using Barge.Resources.Durations;
using Xunit;

namespace Barge.Resources.Tests.Durations;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData("seconds", "5s", 5_000)]
    [InlineData("hours and minutes", "1h30m", 5_400_000)]
    [InlineData("fractional hours", "1.5h", 5_400_000)]
    [InlineData("milliseconds", "300ms", 300)]
    [InlineData("bare zero", "0", 0)]
    public void TryParse_GoSyntax_Milliseconds(string name, string text, long milliseconds)
    {
        Assert.NotEmpty(name);
        Assert.True(GoDuration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("5d")]
    [InlineData("h")]
    [InlineData("")]
    [InlineData("99999999999999h")]
    public void TryParse_NotADuration_False(string text) => Assert.False(GoDuration.TryParse(text, out _));

    [Theory]
    [InlineData("zero", 0L, "0s")]
    [InlineData("sub-millisecond", 15L, "1.5µs")]
    [InlineData("milliseconds", 15_000L, "1.5ms")]
    [InlineData("seconds", 50_000_000L, "5s")]
    [InlineData("minutes and fractional seconds", 625_000_000L, "1m2.5s")]
    [InlineData("hours keep zero minutes", 36_000_000_000L + 30_000_000L, "1h0m3s")]
    public void Format_LikeGoDurationString(string name, long ticks, string expected)
    {
        Assert.NotEmpty(name);
        Assert.Equal(expected, GoDuration.Format(TimeSpan.FromTicks(ticks)));
    }

    [Fact]
    public void Format_ThenParse_RoundTrips()
    {
        var duration = TimeSpan.FromSeconds(3723.25);
        Assert.True(GoDuration.TryParse(GoDuration.Format(duration), out var parsed));
        Assert.Equal(duration, parsed);
    }
}
