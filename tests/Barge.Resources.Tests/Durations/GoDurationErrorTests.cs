using Barge.Resources.Durations;
using Xunit;

namespace Barge.Resources.Tests.Durations;

public sealed class GoDurationErrorTests
{
    [Theory]
    [InlineData("seconds", "10s", 10_000)]
    [InlineData("minutes", "5m", 300_000)]
    [InlineData("compound", "1h30m", 5_400_000)]
    [InlineData("milliseconds", "200ms", 200)]
    [InlineData("fraction", "1.5s", 1_500)]
    [InlineData("micro sign", "1000µs", 1)]
    [InlineData("zero", "0", 0)]
    [InlineData("negative", "-2s", -2_000)]
    public void TryParse_Valid_ReturnsDuration(string scenario, string text, long milliseconds)
    {
        Assert.NotNull(scenario);
        Assert.True(GoDuration.TryParse(text, out var duration, out var error));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData("empty", "", "time: invalid duration \"\"")]
    [InlineData("no unit", "10", "time: missing unit in duration \"10\"")]
    [InlineData("unknown unit", "10d", "time: unknown unit \"d\" in duration \"10d\"")]
    [InlineData("garbage around a match", "x10s", "time: invalid duration \"x10s\"")]
    [InlineData("quoted in Go's syntax", "1\"d", "time: unknown unit \"\\\"d\" in duration \"1\\\"d\"")]
    public void TryParse_Invalid_ReturnsGoError(string scenario, string text, string message)
    {
        Assert.NotNull(scenario);
        Assert.False(GoDuration.TryParse(text, out _, out var error));
        Assert.Equal(message, error);
    }
}
