using System.Text.Json;
using Xunit;

namespace Barge.Storage.Tests.Contract;

public abstract partial class ResourceStoreContract
{
    [Fact]
    public async Task Create_NewResource_AssignsUidVersionGenerationAndTimestamp()
    {
        var created = await Store.CreateAsync(NewStage("dev", labels: Labels("tier=web")) with { Annotations = Labels("note=x") });

        Assert.Equal(Stage("dev"), created.Key);
        Assert.True(Guid.TryParse(created.Uid, out var uid) && uid.Version == 7, created.Uid);
        Assert.Equal(1, created.ResourceVersion);
        Assert.Equal(1, created.Generation);
        Assert.Equal(Start, created.CreationTimestamp);
        Assert.Null(created.DeletionTimestamp);
        Assert.Null(created.Status);
        var read = await Store.GetAsync(Stage("dev"));
        Assert.NotNull(read);
        Assert.Equal(created.Uid, read.Uid);
        Assert.Equal("kargo.akuity.io/v1alpha1", read.ApiVersion);
        Assert.Equal("web", read.Labels["tier"]);
        Assert.Equal("x", read.Annotations["note"]);
        Assert.Equal(Start, read.CreationTimestamp);
        Assert.Equal("""{"shard":"a"}""", read.Spec.GetRawText());
    }

    [Fact]
    public async Task Create_WithStatus_StoresStatus()
    {
        var created = await Store.CreateAsync(NewStage("dev") with { Status = Json("""{"phase":"Ready"}""") });

        var read = await Store.GetAsync(created.Key);
        Assert.Equal("Ready", read!.Status!.Value.GetProperty("phase").GetString());
    }

    [Fact]
    public async Task Create_Existing_ThrowsAlreadyExistsNamingTheResource()
    {
        await Store.CreateAsync(NewStage("dev"));

        var error = await Assert.ThrowsAsync<ResourceAlreadyExistsException>(() => Store.CreateAsync(NewStage("dev")));

        Assert.Equal("Stage \"dev\" in project \"grommet\" already exists", error.Message);
        Assert.Equal(1, await Store.GetResourceVersionAsync());
    }

    [Fact]
    public async Task Create_SameNameInOtherProjectOrKind_IsDistinct()
    {
        await Store.CreateAsync(NewStage("dev"));
        await Store.CreateAsync(NewStage("dev", project: "other"));
        await Store.CreateAsync(new NewResource(new ResourceKey("Warehouse", "grommet", "dev"), "kargo.akuity.io/v1alpha1", Json("{}")));

        Assert.NotNull(await Store.GetAsync(new ResourceKey("Warehouse", "grommet", "dev")));
        Assert.Equal(3, await Store.GetResourceVersionAsync());
    }

    [Fact]
    public async Task Create_ClusterScoped_RoundTripsWithEmptyProject()
    {
        var key = ResourceKey.Cluster("Project", "grommet");
        await Store.CreateAsync(new NewResource(key, "kargo.akuity.io/v1alpha1", Json("{}")));

        var read = await Store.GetAsync(key);

        Assert.Equal("", read!.Key.Project);
        Assert.Equal("Project \"grommet\"", key.ToString());
    }

    [Fact]
    public async Task Get_Missing_ReturnsNull()
    {
        Assert.Null(await Store.GetAsync(Stage("nowhere")));
    }

    [Fact]
    public async Task Update_MatchingVersion_ReplacesSpecAndBumpsGeneration()
    {
        var created = await Store.CreateAsync(NewStage("dev"));

        var updated = await Store.UpdateAsync(ResourceUpdate.From(created, Json("""{"shard":"b"}""")));

        Assert.Equal(2, updated.ResourceVersion);
        Assert.Equal(2, updated.Generation);
        Assert.Equal(created.Uid, updated.Uid);
        Assert.Equal(created.CreationTimestamp, updated.CreationTimestamp);
        Assert.Equal("b", (await Store.GetAsync(created.Key))!.Spec.GetProperty("shard").GetString());
    }

    [Fact]
    public async Task Update_StaleVersion_ThrowsConflictNamingTheResource()
    {
        var created = await Store.CreateAsync(NewStage("dev"));
        await Store.UpdateAsync(ResourceUpdate.From(created, Json("""{"shard":"b"}""")));

        var error = await Assert.ThrowsAsync<ResourceConflictException>(
            () => Store.UpdateAsync(ResourceUpdate.From(created, Json("""{"shard":"c"}"""))));

        Assert.Equal("Stage \"dev\" in project \"grommet\" was modified (resourceVersion 2, expected 1)", error.Message);
        Assert.Equal("b", (await Store.GetAsync(created.Key))!.Spec.GetProperty("shard").GetString());
    }

    [Fact]
    public async Task Update_MetadataOnly_KeepsGenerationButBumpsVersion()
    {
        var created = await Store.CreateAsync(NewStage("dev"));

        var updated = await Store.UpdateAsync(ResourceUpdate.From(created, created.Spec) with { Labels = Labels("tier=api") });

        Assert.Equal(1, updated.Generation);
        Assert.Equal(2, updated.ResourceVersion);
        Assert.Equal("api", (await Store.GetAsync(created.Key))!.Labels["tier"]);
    }

    [Fact]
    public async Task Update_NothingChanged_WritesNothing()
    {
        var created = await Store.CreateAsync(NewStage("dev", labels: Labels("tier=web")));

        var same = await Store.UpdateAsync(ResourceUpdate.From(created, Json("""{ "shard" : "a" }""")));

        Assert.Equal(1, same.ResourceVersion);
        Assert.Equal(1, await Store.GetResourceVersionAsync());
    }

    [Fact]
    public async Task Update_Missing_ThrowsNotFound()
    {
        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(
            () => Store.UpdateAsync(new ResourceUpdate(Stage("ghost"), 1, "kargo.akuity.io/v1alpha1", Json("{}"))));

        Assert.Equal("Stage \"ghost\" in project \"grommet\" not found", error.Message);
    }

    [Fact]
    public async Task Update_DeletionTimestamp_IsKeptOnceSet()
    {
        var created = await Store.CreateAsync(NewStage("dev"));
        var marked = await Store.UpdateAsync(ResourceUpdate.From(created, created.Spec) with { DeletionTimestamp = Start.AddMinutes(1) });

        var later = await Store.UpdateAsync(ResourceUpdate.From(marked, Json("""{"shard":"z"}""")));

        Assert.Equal(Start.AddMinutes(1), marked.DeletionTimestamp);
        Assert.Equal(Start.AddMinutes(1), later.DeletionTimestamp);
        Assert.Equal(Start.AddMinutes(1), (await Store.GetAsync(created.Key))!.DeletionTimestamp);
    }

    [Fact]
    public async Task UpdateStatus_NewStatus_NeverBumpsGeneration()
    {
        var created = await Store.CreateAsync(NewStage("dev"));

        var first = await Store.UpdateStatusAsync(created.Key, created.ResourceVersion, Json("""{"phase":"Promoting"}"""));
        var second = await Store.UpdateStatusAsync(created.Key, first.ResourceVersion, Json("""{"phase":"Ready"}"""));

        Assert.Equal(1, second.Generation);
        Assert.Equal(3, second.ResourceVersion);
        Assert.Equal(created.Spec.GetRawText(), second.Spec.GetRawText());
        Assert.Equal("Ready", (await Store.GetAsync(created.Key))!.Status!.Value.GetProperty("phase").GetString());
    }

    [Fact]
    public async Task UpdateStatus_StaleVersion_ThrowsConflict()
    {
        var created = await Store.CreateAsync(NewStage("dev"));
        await Store.UpdateAsync(ResourceUpdate.From(created, Json("""{"shard":"b"}""")));

        var error = await Assert.ThrowsAsync<ResourceConflictException>(
            () => Store.UpdateStatusAsync(created.Key, created.ResourceVersion, Json("""{"phase":"Ready"}""")));

        Assert.Equal(2, error.ActualResourceVersion);
        Assert.Equal(1, error.ExpectedResourceVersion);
    }

    [Fact]
    public async Task UpdateSpec_AfterStatus_KeepsStatus()
    {
        var created = await Store.CreateAsync(NewStage("dev"));
        var withStatus = await Store.UpdateStatusAsync(created.Key, 1, Json("""{"phase":"Ready"}"""));

        var updated = await Store.UpdateAsync(ResourceUpdate.From(withStatus, Json("""{"shard":"b"}""")));

        Assert.Equal("Ready", updated.Status!.Value.GetProperty("phase").GetString());
        Assert.Equal(2, updated.Generation);
    }

    [Fact]
    public async Task Delete_Existing_RemovesAndReturnsLastStateWithNewVersion()
    {
        var created = await Store.CreateAsync(NewStage("dev"));

        var deleted = await Store.DeleteAsync(created.Key, created.ResourceVersion);

        Assert.Equal(2, deleted.ResourceVersion);
        Assert.Equal(created.Uid, deleted.Uid);
        Assert.Null(await Store.GetAsync(created.Key));
        Assert.Empty((await Store.ListAsync(ResourceQuery.OfKind("Stage"))).Items);
    }

    [Fact]
    public async Task Delete_StaleVersion_ThrowsConflictAndKeeps()
    {
        var created = await Store.CreateAsync(NewStage("dev"));
        await Store.UpdateStatusAsync(created.Key, 1, Json("{}"));

        await Assert.ThrowsAsync<ResourceConflictException>(() => Store.DeleteAsync(created.Key, 1));

        Assert.NotNull(await Store.GetAsync(created.Key));
    }

    [Fact]
    public async Task Delete_Missing_ThrowsNotFound()
    {
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => Store.DeleteAsync(Stage("ghost")));
    }

    [Fact]
    public async Task Delete_ThenCreate_GetsNewUid()
    {
        var first = await Store.CreateAsync(NewStage("dev"));
        await Store.DeleteAsync(first.Key);

        var second = await Store.CreateAsync(NewStage("dev"));

        Assert.NotEqual(first.Uid, second.Uid);
        Assert.Equal(3, second.ResourceVersion);
    }

    [Fact]
    public async Task ResourceVersion_AcrossResources_IsStoreWideMonotonic()
    {
        var versions = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            versions.Add((await Store.CreateAsync(NewStage("s" + i))).ResourceVersion);
            Clock.Advance(TimeSpan.FromSeconds(1));
        }
        var updated = await Store.UpdateStatusAsync(Stage("s0"), 1, Json("{}"));

        Assert.Equal([1, 2, 3, 4, 5], versions);
        Assert.Equal(6, updated.ResourceVersion);
        Assert.Equal(6, await Store.GetResourceVersionAsync());
    }

    [Theory]
    [InlineData("empty kind", "", "grommet", "dev")]
    [InlineData("empty name", "Stage", "grommet", "")]
    public async Task Create_InvalidKey_ThrowsArgumentException(string because, string kind, string project, string name)
    {
        _ = because;
        await Assert.ThrowsAsync<ArgumentException>(
            () => Store.CreateAsync(new NewResource(new ResourceKey(kind, project, name), "v1", JsonDocument.Parse("{}").RootElement)));
    }

    [Fact]
    public async Task Create_UndefinedSpec_ThrowsNamingTheResource()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => Store.CreateAsync(new NewResource(Stage("dev"), "v1", default)));

        Assert.Contains("Stage \"dev\" in project \"grommet\": the spec is an undefined JSON element", error.Message, StringComparison.Ordinal);
    }
}
