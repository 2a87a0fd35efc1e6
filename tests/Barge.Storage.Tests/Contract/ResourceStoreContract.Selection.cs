using Barge.Storage.Selection;
using Xunit;

namespace Barge.Storage.Tests.Contract;

public abstract partial class ResourceStoreContract
{
    private async Task SeedSelectionFixtureAsync()
    {
        await Store.CreateAsync(NewStage("web-dev", """{"stage":"dev","origin":{"name":"grommet"}}""", labels: Labels("tier=web", "env=dev")));
        await Store.CreateAsync(NewStage("web-prod", """{"stage":"prod","origin":{"name":"grommet-release"}}""", labels: Labels("tier=web", "env=prod", "canary=true")));
        await Store.CreateAsync(NewStage("api-dev", """{"stage":"dev","origin":{"name":"grommet"},"count":3}""", labels: Labels("tier=api", "env=dev")));
        await Store.CreateAsync(NewStage("bare", """{"stage":"qa","origin":{"name":{"nested":"x"}}}"""));
        await Store.CreateAsync(NewStage("elsewhere", """{"stage":"dev"}""", project: "other", labels: Labels("tier=web", "env=dev")));
        var withStatus = await Store.CreateAsync(NewStage("promoted", """{"stage":"prod"}""", labels: Labels("tier=db")));
        await Store.UpdateStatusAsync(withStatus.Key, withStatus.ResourceVersion, Json("""{"currentlyIn":{"dev":{"since":"x"},"eu.prod":null}}"""));
        await Store.CreateAsync(new NewResource(new ResourceKey("Warehouse", "grommet", "w"), "v1", Json("""{"stage":"dev"}""")) { Labels = Labels("tier=web") });
    }

    [Theory]
    [InlineData("everything", "", "api-dev,bare,promoted,web-dev,web-prod")]
    [InlineData("equality", "tier=web", "web-dev,web-prod")]
    [InlineData("double equals", "tier==web", "web-dev,web-prod")]
    [InlineData("two requirements", "tier=web,env=dev", "web-dev")]
    [InlineData("not equal includes unlabelled", "tier!=web", "api-dev,bare,promoted")]
    [InlineData("in", "tier in (web, api)", "api-dev,web-dev,web-prod")]
    [InlineData("notin includes unlabelled", "env notin (dev)", "bare,promoted,web-prod")]
    [InlineData("exists", "canary", "web-prod")]
    [InlineData("does not exist", "!env", "bare,promoted")]
    [InlineData("mixed", "tier in (web,api),!canary,env=dev", "api-dev,web-dev")]
    [InlineData("negation before the driving equality", "!canary,tier=web", "web-dev")]
    [InlineData("two equalities, second misses", "tier=web,env=qa", "")]
    [InlineData("no match", "tier=nothing", "")]
    public async Task List_ByLabelSelector_ReturnsMatchingInProject(string because, string selector, string expected)
    {
        _ = because;
        await SeedSelectionFixtureAsync();
        var query = ResourceQuery.OfKind("Stage", "grommet") with { Labels = LabelSelector.Parse(selector) };

        var list = await Store.ListAsync(query);

        Assert.Equal(expected, string.Join(',', list.Items.Select(r => r.Key.Name)));
        await AssertSqlAgreesWithMemoryAsync(query, list);
    }

    [Theory]
    [InlineData("spec equality", "spec.stage=dev", "api-dev,web-dev")]
    [InlineData("nested equality", "spec.origin.name=grommet", "api-dev,web-dev")]
    [InlineData("object is not a string", "spec.origin.name={\"nested\":\"x\"}", "")]
    [InlineData("number is not a string", "spec.count=3", "")]
    [InlineData("not equal includes absent", "spec.origin.name!=grommet", "bare,promoted,web-prod")]
    [InlineData("spec exists", "spec.count", "api-dev")]
    [InlineData("status member exists", "status.currentlyIn.dev", "promoted")]
    [InlineData("status member absent", "!status.currentlyIn.dev", "api-dev,bare,web-dev,web-prod")]
    [InlineData("parsed path splits on every dot", "status.currentlyIn.eu", "")]
    public async Task List_ByFieldFilter_ReturnsMatching(string because, string filter, string expected)
    {
        _ = because;
        await SeedSelectionFixtureAsync();
        var query = ResourceQuery.OfKind("Stage", "grommet") with { Fields = [FieldFilter.Parse(filter)] };

        var list = await Store.ListAsync(query);

        Assert.Equal(expected, string.Join(',', list.Items.Select(r => r.Key.Name)));
        await AssertSqlAgreesWithMemoryAsync(query, list);
    }

    /// <summary>The store's SQL and <see cref="ResourceQuery.Matches"/> select exactly the same resources.</summary>
    private async Task AssertSqlAgreesWithMemoryAsync(ResourceQuery query, ResourceList list)
    {
        var everything = await Store.ListAsync(ResourceQuery.OfKind(query.Kind!));
        Assert.Equal(
            everything.Items.Where(query.Matches).Select(r => r.Key),
            list.Items.Select(r => r.Key));
    }

    [Fact]
    public async Task List_FieldPathMemberWithDot_MatchesThatMember()
    {
        await SeedSelectionFixtureAsync();
        var query = ResourceQuery.OfKind("Stage", "grommet") with { Fields = [FieldFilter.Exists(FieldRoot.Status, ["currentlyIn", "eu.prod"])] };

        var list = await Store.ListAsync(query);

        Assert.Equal("promoted", Assert.Single(list.Items).Key.Name);
    }

    [Fact]
    public async Task List_LabelsAndFieldsTogether_AllMustHold()
    {
        await SeedSelectionFixtureAsync();
        var query = ResourceQuery.OfKind("Stage", "grommet") with
        {
            Labels = LabelSelector.Parse("tier=web"),
            Fields = [FieldFilter.Parse("spec.stage=dev")],
        };

        var list = await Store.ListAsync(query);

        Assert.Equal("web-dev", Assert.Single(list.Items).Key.Name);
    }

    [Fact]
    public async Task List_AllProjects_OrdersByProjectThenName()
    {
        await SeedSelectionFixtureAsync();

        var list = await Store.ListAsync(ResourceQuery.OfKind("Stage") with { Labels = LabelSelector.Parse("tier=web,env=dev") });

        Assert.Equal(["grommet/web-dev", "other/elsewhere"], list.Items.Select(r => r.Key.Project + "/" + r.Key.Name));
    }

    [Fact]
    public async Task List_OtherKind_IsNotMixedIn()
    {
        await SeedSelectionFixtureAsync();

        var list = await Store.ListAsync(ResourceQuery.OfKind("Warehouse"));

        Assert.Equal("w", Assert.Single(list.Items).Key.Name);
    }

    [Fact]
    public async Task List_AfterLabelChange_UsesNewLabels()
    {
        var created = await Store.CreateAsync(NewStage("dev", labels: Labels("tier=web")));
        await Store.UpdateAsync(ResourceUpdate.From(created, created.Spec) with { Labels = Labels("tier=api") });

        var web = await Store.ListAsync(ResourceQuery.OfKind("Stage") with { Labels = LabelSelector.Parse("tier=web") });
        var api = await Store.ListAsync(ResourceQuery.OfKind("Stage") with { Labels = LabelSelector.Parse("tier=api") });

        Assert.Empty(web.Items);
        Assert.Single(api.Items);
    }

    [Fact]
    public async Task List_ReturnsTheVersionOfItsSnapshot()
    {
        await SeedSelectionFixtureAsync();

        var list = await Store.ListAsync(ResourceQuery.OfKind("Stage"));

        Assert.Equal(await Store.GetResourceVersionAsync(), list.ResourceVersion);
        Assert.True(list.Items.Max(r => r.ResourceVersion) <= list.ResourceVersion);
    }

    [Fact]
    public async Task List_WithoutKind_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ListAsync(ResourceQuery.All));
    }
}
