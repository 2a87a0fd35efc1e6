using Barge.Engine.Discovery.Images;
using Barge.Engine.Registry;
using Xunit;

namespace Barge.Engine.Tests.Discovery.Images;

public sealed class SemVerImageSelectorTests
{
    public static TheoryData<string, string, bool, string> OrderRows => new()
    {
        // kargo-spec §6 / semver.md §6.3: pkg/image/semver_selector_test.go Test_semVerSelector_sort (lenient)
        { "upstream sort vector", "5.0.0,0.0.1,0.2.1,0.1.1,1.1.1,7.0.6,1.0.0,1.0.2", false, "7.0.6,5.0.0,1.1.1,1.0.2,1.0.0,0.2.1,0.1.1,0.0.1" },
        { "git v-prefixed vector", "v3.0.0,v5.0.0,v4.0.0,v1.0.0,v2.0.0", true, "v5.0.0,v4.0.0,v3.0.0,v2.0.0,v1.0.0" },
        { "ties by original text descending", "1.0,1.0.0,v1.0.0", false, "v1.0.0,1.0.0,1.0" },
        { "metadata decides ties", "1.0.0+a,1.0.0,1.0.0+b", false, "1.0.0+b,1.0.0+a,1.0.0" },
        { "leading zeros lenient", "2024.01.15,2024.1.15,2024.1.9", false, "2024.1.15,2024.01.15,2024.1.9" },
        { "leading zeros strict dropped", "2024.01.15,2024.1.15,2024.1.9", true, "2024.1.15,2024.1.9" },
        { "prerelease below its release", "1.9.0,2.0.0-rc.1,2.0.0-beta.2,2.0.0", true, "2.0.0,2.0.0-rc.1,2.0.0-beta.2,1.9.0" },
        { "numeric prerelease identifiers", "1.0.0-rc.10,1.0.0-rc.9,1.0.0-rc.1", true, "1.0.0-rc.10,1.0.0-rc.9,1.0.0-rc.1" },
        { "strict rejects v1.0", "v1.0,v1.0.0,latest", true, "v1.0.0" },
        { "lenient keeps v1.0 and 1", "v1.0,1,latest", false, "v1.0,1" },
        { "invalid dropped", "invalid,1.2.3", true, "1.2.3" },
    };

    [Theory]
    [MemberData(nameof(OrderRows))]
    public void Order_KargoVectors_MatchKargo(string name, string tags, bool strict, string expected)
    {
        Assert.NotEmpty(name);
        var selection = ImageSelectionFactory.Create(strict: strict);

        var ordered = SemVerImageSelector.Order(tags.Split(','), selection);

        Assert.Equal(expected, string.Join(',', ordered));
    }

    public static TheoryData<string, string, string?, string[], string[], string> FilterRows => new()
    {
        { "allow ^v1 rejects v2.0.0", "v1.0.0,v2.0.0", null, [@"^v1\."], [], "v1.0.0" },
        { "ignore wins over allow", "v1.0.0,v1.1.0", null, [@"^v1\."], [@"^v1\.0\.0$"], "v1.1.0" },
        { "ignore alone", "v1.0.0,v1.1.0", null, [], [@"^v1\.0\.0$"], "v1.1.0" },
        { "any allow pattern suffices", "v1.0.0,v2.0.0,v3.0.0", null, [@"^v1\.", @"^v3\."], [], "v3.0.0,v1.0.0" },
        { "constraint filters", "1.1.0,1.2.3,1.2.4,2.0.0", "^1.2", [], [], "1.2.4,1.2.3" },
        { "no constraint keeps prereleases", "1.9.0,2.0.0-rc.1", null, [], [], "2.0.0-rc.1,1.9.0" },
        { "constraint gates prereleases", "1.9.0,2.0.0-rc.1", ">=1.0.0", [], [], "1.9.0" },
        { "range with OR", "1.0.0,1.5.0,2.0.0,3.1.0", ">=1.0.0 <1.5.0 || >=3.0.0", [], [], "3.1.0,1.0.0" },
    };

    [Theory]
    [MemberData(nameof(FilterRows))]
    public void Order_FiltersAndConstraints_KeepExpectedTags(string name, string tags, string? constraint, string[] allow, string[] ignore, string expected)
    {
        Assert.NotEmpty(name);
        var selection = ImageSelectionFactory.Create(constraint: constraint, allow: allow, ignore: ignore);

        var ordered = SemVerImageSelector.Order(tags.Split(','), selection);

        Assert.Equal(expected, string.Join(',', ordered));
    }

    [Fact]
    public async Task SelectAsync_LimitTwo_ReadsOnlyTheImagesNeeded()
    {
        var source = new FakeImageSource().Add("1.0.0").Add("1.1.0").Add("1.2.0").Add("1.3.0");

        var selected = await new SemVerImageSelector().SelectAsync(ImageSelectionFactory.Create(limit: 2), source, CancellationToken.None);

        Assert.Equal(["1.3.0", "1.2.0"], selected.Select(r => r.Tag));
        Assert.Equal(2, source.ImageReads);
    }

    [Fact]
    public async Task SelectAsync_PlatformMissingOnNewest_SkipsToNextMatching()
    {
        var arm = new ImagePlatform("linux", "arm64", "v8");
        var source = new FakeImageSource()
            .Add("1.0.0", null, new ImagePlatform("linux", "amd64"), arm)
            .Add("1.1.0", null, new ImagePlatform("linux", "amd64"))
            .Add("1.2.0", null, arm);

        var selected = await new SemVerImageSelector().SelectAsync(ImageSelectionFactory.Create(platform: "linux/arm64/v8"), source, CancellationToken.None);

        Assert.Equal(["1.2.0", "1.0.0"], selected.Select(r => r.Tag));
    }

    [Fact]
    public async Task SelectAsync_VariantMustMatchExactly_NoVariantIsNotV8()
    {
        var source = new FakeImageSource().Add("1.0.0", null, new ImagePlatform("linux", "arm64"));

        var selected = await new SemVerImageSelector().SelectAsync(ImageSelectionFactory.Create(platform: "linux/arm64/v8"), source, CancellationToken.None);

        Assert.Empty(selected);
    }

    [Fact]
    public async Task SelectAsync_TagVanishedAfterListing_IsSkipped()
    {
        var source = new FakeImageSource().Add("1.0.0").AddTagWithoutImage("2.0.0");

        var selected = await new SemVerImageSelector().SelectAsync(ImageSelectionFactory.Create(), source, CancellationToken.None);

        Assert.Equal(["1.0.0"], selected.Select(r => r.Tag));
    }
}
