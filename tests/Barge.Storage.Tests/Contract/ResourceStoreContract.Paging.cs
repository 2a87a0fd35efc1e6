using Barge.Storage.Selection;
using Xunit;

namespace Barge.Storage.Tests.Contract;

public abstract partial class ResourceStoreContract
{
    // Freight of two origins created a second apart (f0 oldest), plus one of another kind and project.
    private async Task SeedTimelineAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var origin = i % 2 == 0 ? "builds" : "release";
            await Store.CreateAsync(new NewResource(new ResourceKey("Freight", "grommet", $"f{i:D2}"), "kargo.akuity.io/v1alpha1",
                Json($$$"""{"origin":{"kind":"Warehouse","name":"{{{origin}}}"}}""")));
            Clock.Advance(TimeSpan.FromSeconds(1));
        }
        await Store.CreateAsync(new NewResource(new ResourceKey("Freight", "other", "f99"), "kargo.akuity.io/v1alpha1", Json("""{"origin":{"kind":"Warehouse","name":"builds"}}""")));
        await Store.CreateAsync(NewStage("builds"));
    }

    private static ResourceQuery Lane(string origin) =>
        ResourceQuery.OfKind("Freight", "grommet") with { Fields = [FieldFilter.Equal(FieldRoot.Spec, ["origin", "name"], origin)] };

    [Theory]
    [InlineData("first page", 0, 3, "f10,f08,f06")]
    [InlineData("second page", 3, 3, "f04,f02,f00")]
    [InlineData("last page short", 4, 3, "f02,f00")]
    [InlineData("past the end", 6, 3, "")]
    [InlineData("one row", 1, 1, "f08")]
    public async Task ListPage_FreightOfOneOrigin_NewestFirstWithTotal(string because, int offset, int limit, string expected)
    {
        _ = because;
        await SeedTimelineAsync(12);

        var page = await Store.ListPageAsync(Lane("builds"), offset, limit);

        Assert.Equal(expected, string.Join(',', page.Items.Select(r => r.Key.Name)));
        Assert.Equal(6, page.Total);
        Assert.Equal(await Store.GetResourceVersionAsync(), page.ResourceVersion);
    }

    [Fact]
    public async Task ListPage_SameCreationTime_OrdersByName()
    {
        foreach (var name in new[] { "c", "a", "b" })
        {
            await Store.CreateAsync(new NewResource(new ResourceKey("Freight", "grommet", name), "v1", Json("""{"origin":{"name":"builds"}}""")));
        }

        var page = await Store.ListPageAsync(Lane("builds"), 0, 10);

        Assert.Equal("a,b,c", string.Join(',', page.Items.Select(r => r.Key.Name)));
        Assert.Equal(3, page.Total);
    }

    [Fact]
    public async Task ListPage_PagesTogether_AreTheWholeListOnce()
    {
        await SeedTimelineAsync(25);
        var seen = new List<string>();

        for (var offset = 0; ; offset += 4)
        {
            var page = await Store.ListPageAsync(Lane("release"), offset, 4);
            seen.AddRange(page.Items.Select(r => r.Key.Name));
            if (page.Items.Count < 4)
            {
                break;
            }
        }

        var all = await Store.ListAsync(Lane("release"));
        Assert.Equal(all.Items.Select(r => r.Key.Name).Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Theory]
    [InlineData("negative offset", -1, 10)]
    [InlineData("zero limit", 0, 0)]
    [InlineData("limit too large", 0, 1001)]
    public async Task ListPage_BadBounds_ThrowsNamingTheQuery(string because, int offset, int limit)
    {
        _ = because;
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ListPageAsync(Lane("builds"), offset, limit));
        Assert.Contains("kind=Freight", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListPage_NoKind_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ListPageAsync(new ResourceQuery { Project = "grommet" }, 0, 10));
    }

    [Theory]
    [InlineData("first page", 0, 2, "builds=f10,f08;release=f11,f09")]
    [InlineData("second page", 2, 2, "builds=f06,f04;release=f07,f05")]
    [InlineData("past one group's end", 5, 2, "builds=f00;release=f01")]
    [InlineData("past every end", 6, 2, "")]
    public async Task ListGroupPages_FreightByOrigin_EachGroupNewestFirstWithItsTotal(string because, int offset, int limit, string expected)
    {
        _ = because;
        await SeedTimelineAsync(12);
        await Store.CreateAsync(new NewResource(new ResourceKey("Freight", "grommet", "no-origin"), "v1", Json("""{"origin":{"name":7}}""")));

        var pages = await Store.ListGroupPagesAsync(ResourceQuery.OfKind("Freight", "grommet"), ["origin", "name"], offset, limit);

        Assert.Equal(expected, string.Join(';', pages.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + string.Join(',', p.Value.Items.Select(r => r.Key.Name)))));
        Assert.All(pages.Values, p => Assert.Equal(6, p.Total));
    }

    [Fact]
    public async Task ListGroupPages_AgreesWithListPageOfEachGroup()
    {
        await SeedTimelineAsync(9);

        var pages = await Store.ListGroupPagesAsync(ResourceQuery.OfKind("Freight", "grommet"), ["origin", "name"], 1, 3);

        foreach (var origin in new[] { "builds", "release" })
        {
            var single = await Store.ListPageAsync(Lane(origin), 1, 3);
            Assert.Equal(single.Items.Select(r => r.Key.Name), pages[origin].Items.Select(r => r.Key.Name));
            Assert.Equal(single.Total, pages[origin].Total);
        }
    }

    [Fact]
    public async Task ListGroupPages_EmptyGroupPath_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ListGroupPagesAsync(ResourceQuery.OfKind("Freight", "grommet"), [], 0, 10));
    }
}
