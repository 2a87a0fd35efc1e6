using Xunit;

namespace Barge.Storage.Tests.Contract;

public abstract partial class ResourceStoreContract
{
    [Fact]
    public async Task Apply_AllSucceed_ReturnsResultsInOrder()
    {
        var existing = await Store.CreateAsync(NewStage("existing"));
        var doomed = await Store.CreateAsync(NewStage("doomed"));

        var results = await Store.ApplyAsync(
        [
            new StoreOperation.Create(NewStage("new")),
            new StoreOperation.Update(ResourceUpdate.From(existing, Json("""{"shard":"b"}"""))),
            new StoreOperation.Delete(doomed.Key, doomed.ResourceVersion),
        ]);

        Assert.Equal([3, 4, 5], results.Select(r => r.ResourceVersion));
        Assert.Equal(2, results[1].Generation);
        Assert.Null(await Store.GetAsync(doomed.Key));
        Assert.NotNull(await Store.GetAsync(Stage("new")));
    }

    [Fact]
    public async Task Apply_FailingCasInTheMiddle_StoresNothing()
    {
        var existing = await Store.CreateAsync(NewStage("existing"));
        await Store.UpdateStatusAsync(existing.Key, existing.ResourceVersion, Json("""{"phase":"Ready"}"""));
        var before = await Store.GetResourceVersionAsync();
        var operations = new List<StoreOperation>();
        for (var i = 0; i < 50; i++)
        {
            operations.Add(new StoreOperation.Create(NewStage("a" + i)));
        }
        operations.Add(new StoreOperation.Update(ResourceUpdate.From(existing, Json("""{"shard":"stale"}"""))));
        for (var i = 0; i < 50; i++)
        {
            operations.Add(new StoreOperation.Create(NewStage("b" + i)));
        }

        var error = await Assert.ThrowsAsync<ResourceConflictException>(() => Store.ApplyAsync(operations));

        Assert.Equal(50, error.BatchIndex);
        Assert.Contains("Stage \"existing\" in project \"grommet\" was modified (resourceVersion 2, expected 1)", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await Store.GetResourceVersionAsync());
        Assert.Equal("existing", Assert.Single((await Store.ListAsync(ResourceQuery.OfKind("Stage"))).Items).Key.Name);
        Assert.Equal("a", (await Store.GetAsync(existing.Key))!.Spec.GetProperty("shard").GetString());
    }

    [Theory]
    [InlineData("create of an existing resource", "create")]
    [InlineData("delete of a missing resource", "delete")]
    [InlineData("status of a missing resource", "status")]
    public async Task Apply_FailingLastOperation_StoresNothing(string because, string failing)
    {
        _ = because;
        await Store.CreateAsync(NewStage("existing"));
        StoreOperation last = failing switch
        {
            "create" => new StoreOperation.Create(NewStage("existing")),
            "delete" => new StoreOperation.Delete(Stage("ghost")),
            _ => new StoreOperation.UpdateStatus(Stage("ghost"), 1, Json("{}")),
        };

        var error = await Assert.ThrowsAnyAsync<ResourceStoreException>(
            () => Store.ApplyAsync([new StoreOperation.Create(NewStage("first")), last]));

        Assert.Equal(1, error.BatchIndex);
        Assert.Null(await Store.GetAsync(Stage("first")));
        Assert.Equal(1, await Store.GetResourceVersionAsync());
    }

    [Fact]
    public async Task Apply_SameResourceTwice_IsRejectedBeforeWriting()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => Store.ApplyAsync([new StoreOperation.Create(NewStage("dev")), new StoreOperation.Delete(Stage("dev"))]));

        Assert.Contains("Stage \"dev\" in project \"grommet\" is written twice", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await Store.GetResourceVersionAsync());
    }

    [Fact]
    public async Task Apply_Empty_WritesNothing()
    {
        var results = await Store.ApplyAsync([]);

        Assert.Empty(results);
        Assert.Equal(0, await Store.GetResourceVersionAsync());
    }

    [Fact]
    public async Task Update_32TasksWithRetryOnConflict_LoseNoUpdate()
    {
        const int Tasks = 32;
        const int PerTask = 10;
        var counter = await Store.CreateAsync(NewStage("counter", """{"count":0}"""));
        var conflicts = 0;

        await Task.WhenAll(Enumerable.Range(0, Tasks).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < PerTask; i++)
            {
                while (true)
                {
                    var current = (await Store.GetAsync(counter.Key))!;
                    var next = current.Spec.GetProperty("count").GetInt64() + 1;
                    try
                    {
                        await Store.UpdateAsync(ResourceUpdate.From(current, Json($$"""{"count":{{next}}}""")));
                        break;
                    }
                    catch (ResourceConflictException)
                    {
                        Interlocked.Increment(ref conflicts);
                    }
                }
            }
        })));

        var final = (await Store.GetAsync(counter.Key))!;
        Assert.Equal(Tasks * PerTask, final.Spec.GetProperty("count").GetInt64());
        Assert.Equal(1 + (Tasks * PerTask), final.Generation);
    }
}
