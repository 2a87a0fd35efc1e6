using Barge.Engine.Promotion;
using Xunit;

namespace Barge.Engine.Tests.Promotion;

public sealed class UlidTests
{
    [Fact]
    public void Format_KnownTimestampAndZeroRandomness_CrockfordBase32()
    {
        // The ulid reference implementation documents ulid(1469918176385) as 01ARYZ6S41 + randomness.
        Assert.Equal("01ARYZ6S410000000000000000", Ulid.Format(1469918176385, new byte[10]));
    }

    [Fact]
    public void Format_LaterTimestamp_SortsAfter()
    {
        var earlier = Ulid.Format(1_000, new byte[10]);
        var later = Ulid.Format(1_001, new byte[10]);
        Assert.True(string.CompareOrdinal(earlier, later) < 0);
    }

    [Fact]
    public void New_SameMillisecond_SortsInCreationOrder()
    {
        var frozen = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2031, 1, 2, 3, 4, 5, TimeSpan.Zero));
        using var random = System.Security.Cryptography.RandomNumberGenerator.Create();

        var names = Enumerable.Range(0, 200).Select(_ => Ulid.New(frozen, random)).ToList();

        Assert.Equal(names, names.Order(StringComparer.Ordinal));
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, n => Assert.Equal(names[0][..10], n[..10]));
    }

    [Theory]
    [InlineData("short", "dev", "abcdef0123", "dev.01arz3ndek0000000000000000.abcdef0")]
    [InlineData("trailingDash", "dev-", "abc", "dev.01arz3ndek0000000000000000.abc")]
    public void Generate_Name_KargoFormat(string row, string stage, string freight, string expected)
    {
        Assert.NotEmpty(row);
        Assert.Equal(expected, PromotionNames.Generate(stage, freight, "01ARZ3NDEK0000000000000000"));
    }

    [Fact]
    public void ShortenLabel_LongValue_PrefixAndHash()
    {
        var shortened = PromotionNames.ShortenLabel(new string('a', 70));
        Assert.Equal(63, shortened.Length);
        Assert.StartsWith(new string('a', 54) + "-", shortened, StringComparison.Ordinal);
    }
}
