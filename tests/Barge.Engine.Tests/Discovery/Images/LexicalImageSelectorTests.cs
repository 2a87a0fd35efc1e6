using Barge.Engine.Discovery.Images;
using Xunit;

namespace Barge.Engine.Tests.Discovery.Images;

public sealed class LexicalImageSelectorTests
{
    [Theory]
    [InlineData("reverse ordinal", "abc,abd,ab,b,A", "", "b,abd,abc,ab,A")]
    [InlineData("dates sort as text", "2024-01-15,2024-10-01,2024-02-28", "", "2024-10-01,2024-02-28,2024-01-15")]
    [InlineData("filter applies", "dev-1,dev-2,v1.0.0", "^dev-", "dev-2,dev-1")]
    public void Order_Tags_ReverseOrdinalAfterFilter(string name, string tags, string allow, string expected)
    {
        Assert.NotEmpty(name);
        var selection = ImageSelectionFactory.Create(ImageSelectionStrategies.Lexical, allow: allow.Length == 0 ? [] : [allow]);

        Assert.Equal(expected, string.Join(',', LexicalImageSelector.Order(tags.Split(','), selection)));
    }

    [Fact]
    public async Task SelectAsync_ConstraintIgnored_NonSemverTagsKept()
    {
        var source = new FakeImageSource().Add("latest").Add("main-abc").Add("1.0.0");

        var selected = await new LexicalImageSelector().SelectAsync(ImageSelectionFactory.Create(ImageSelectionStrategies.Lexical, constraint: "^1"), source, CancellationToken.None);

        Assert.Equal(["main-abc", "latest", "1.0.0"], selected.Select(r => r.Tag));
    }
}
