using System.Text.Json;
using Barge.Server.Api;
using Barge.Storage;
using Barge.Storage.Sqlite;
using Barge.Testing;

namespace Barge.Server.Tests;

public sealed class SharedVersionReadsTests
{
    [Fact]
    public async Task ReadAsync_WhileWritesCommit_NeverOlderThanTheLastCommittedWrite()
    {
        using var home = new TempDirectory("shared-versions");
        await using var store = await SqliteResourceStore.OpenAsync(new SqliteStoreOptions(home.Combine("barge.db")), TimeProvider.System);
        var reads = new SharedVersionReads(store);
        long committed = await store.GetResourceVersionAsync();
        using var done = new CancellationTokenSource();
        var violations = 0;
        var total = 0;
        var readers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                var before = Interlocked.Read(ref committed);
                var version = await reads.ReadAsync(CancellationToken.None);
                Interlocked.Increment(ref total);
                if (version < before)
                {
                    Interlocked.Increment(ref violations);
                }
            }
        })).ToArray();
        var started = DateTime.UtcNow;
        while (Volatile.Read(ref total) < 8 && DateTime.UtcNow - started < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(10);
        }
        for (var i = 0; i < 200; i++)
        {
            await Task.Delay(1);
            var created = await store.CreateAsync(new NewResource(
                new ResourceKey("ConfigMap", "p1", $"cm-{i}"), "v1", JsonSerializer.SerializeToElement(new { data = new { i } })));
            Interlocked.Exchange(ref committed, created.ResourceVersion);
        }
        await done.CancelAsync();
        await Task.WhenAll(readers);
        Assert.Equal(0, violations);
        Assert.True(total > 200, $"only {total} reads ({reads.StoreReads} store reads)");
        Assert.True(await reads.ReadAsync(CancellationToken.None) >= committed);
    }

    [Fact]
    public async Task ReadAsync_ManyConcurrentCallers_ShareStoreReads()
    {
        using var home = new TempDirectory("shared-versions");
        await using var store = await SqliteResourceStore.OpenAsync(new SqliteStoreOptions(home.Combine("barge.db")), TimeProvider.System);
        var reads = new SharedVersionReads(store);
        var calls = Enumerable.Range(0, 50).Select(_ => reads.ReadAsync(CancellationToken.None)).ToArray();
        var versions = await Task.WhenAll(calls);
        Assert.All(versions, v => Assert.Equal(versions[0], v));
        Assert.True(reads.StoreReads < 50, $"{reads.StoreReads} store reads for 50 concurrent callers");
    }

    [Fact]
    public async Task ReadAsync_CancelledCaller_DoesNotCancelTheSharedRead()
    {
        using var home = new TempDirectory("shared-versions");
        await using var store = await SqliteResourceStore.OpenAsync(new SqliteStoreOptions(home.Combine("barge.db")), TimeProvider.System);
        var reads = new SharedVersionReads(store);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reads.ReadAsync(cancelled.Token));
        Assert.Equal(0, reads.StoreReads);

        // A caller that gives up while the shared read runs leaves it to the others.
        using var impatient = new CancellationTokenSource();
        var first = reads.ReadAsync(impatient.Token);
        var second = reads.ReadAsync(CancellationToken.None);
        await impatient.CancelAsync();
        Assert.Equal(await store.GetResourceVersionAsync(), await second);
        try
        {
            await first;
        }
        catch (OperationCanceledException)
        {
            // Either outcome is fine for the impatient caller: it finished first or gave up.
        }
    }
}
