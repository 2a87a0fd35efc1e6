using Barge.Engine.Discovery.Images;
using Xunit;

namespace Barge.Engine.Tests.Discovery.Images;

public sealed class NewestBuildImageSelectorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SelectAsync_ByCreationTime_NewestFirstTiesByTagDescending()
    {
        var source = new FakeImageSource()
            .Add("b", T0.AddHours(1))
            .Add("a", T0.AddHours(3))
            .Add("c", T0.AddHours(1))
            .Add("d", T0);

        var selected = await new NewestBuildImageSelector().SelectAsync(ImageSelectionFactory.Create(ImageSelectionStrategies.NewestBuild, limit: 3), source, CancellationToken.None);

        Assert.Equal(["a", "c", "b"], selected.Select(r => r.Tag));
        Assert.Equal(4, source.ImageReads);
    }

    [Fact]
    public async Task SelectAsync_FilteredTags_NotRead()
    {
        var source = new FakeImageSource().Add("keep-1", T0).Add("drop-1", T0.AddDays(1)).Add("keep-2", T0.AddHours(1));

        var selected = await new NewestBuildImageSelector().SelectAsync(ImageSelectionFactory.Create(ImageSelectionStrategies.NewestBuild, ignore: ["^drop"]), source, CancellationToken.None);

        Assert.Equal(["keep-2", "keep-1"], selected.Select(r => r.Tag));
        Assert.Equal(2, source.ImageReads);
    }

    [Fact]
    public async Task SelectAsync_MissingCreationTime_SortsLast()
    {
        var source = new FakeImageSource().Add("no-date").Add("dated", T0);

        var selected = await new NewestBuildImageSelector().SelectAsync(ImageSelectionFactory.Create(ImageSelectionStrategies.NewestBuild), source, CancellationToken.None);

        Assert.Equal(["dated", "no-date"], selected.Select(r => r.Tag));
    }
}
