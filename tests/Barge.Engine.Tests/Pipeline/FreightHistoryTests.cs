using Barge.Engine.Pipeline;
using Xunit;
using static Barge.Engine.Tests.Pipeline.PipelineFixtures;

namespace Barge.Engine.Tests.Pipeline;

public sealed class FreightHistoryTests
{
    [Fact]
    public void Record_NewestFirst_CappedAtTen()
    {
        var history = FreightHistory.Record(null, Collection(Ref("f0", "w")));
        for (var i = 1; i < 12; i++)
        {
            history = FreightHistory.Record(history, Collection(Ref($"f{i}", "w")));
        }

        Assert.Equal(10, history.Count);
        Assert.Equal("f11", history[0].Items!.Values.Single().Name);
        Assert.Equal("f2", history[^1].Items!.Values.Single().Name);
    }

    [Theory]
    [InlineData("nothing yet", 2, null, "0/2 Fulfilled")]
    [InlineData("one of one is the Freight's name", 1, "a", "a")]
    [InlineData("one of two", 2, "a", "1/2 Fulfilled")]
    [InlineData("two of two", 2, "a,b", "2/2 Fulfilled")]
    public void Summary_LikeKargo(string name, int requested, string? freight, string expected)
    {
        Assert.NotEmpty(name);
        var current = freight is null ? null : Collection([.. freight.Split(',').Select((f, i) => Ref(f, $"w{i}"))]);

        Assert.Equal(expected, FreightHistory.Summary(requested, current));
    }
}
