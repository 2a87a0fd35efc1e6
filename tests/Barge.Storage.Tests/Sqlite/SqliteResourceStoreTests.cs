using Barge.Storage.Sqlite;
using Barge.Storage.Tests.Contract;
using Barge.Testing;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Barge.Storage.Tests.Sqlite;

/// <summary>The store contract on a real SQLite file, plus what only SQLite has: the file, its schema, WAL.</summary>
public sealed class SqliteResourceStoreTests : ResourceStoreContract, IDisposable
{
    private readonly TempDirectory _directory = new("store");

    private string DatabasePath => _directory.Combine("barge.db");

    protected override async Task<IResourceStore> OpenStoreAsync(TimeProvider time) =>
        await SqliteResourceStore.OpenAsync(new SqliteStoreOptions(DatabasePath), time);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task OpenAsync_FreshFile_AppliesEveryMigrationInWalMode()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();

        Assert.Equal(SqliteResourceStore.SchemaVersion, Scalar<long>(connection, "PRAGMA user_version"));
        Assert.Equal("wal", Scalar<string>(connection, "PRAGMA journal_mode"));
        Assert.Equal(1, Scalar<long>(connection, "SELECT count(*) FROM sqlite_master WHERE name = 'ix_labels_in_project'"));
    }

    [Fact]
    public async Task OpenAsync_ExistingFile_KeepsDataAndVersionCounter()
    {
        var created = await Store.CreateAsync(NewStage("dev", labels: Labels("tier=web")));
        await Store.AppendEventAsync(new Events.EventEntry(created.Key, "Created", "made"));
        await Store.DisposeAsync();

        await using var reopened = await SqliteResourceStore.OpenAsync(new SqliteStoreOptions(DatabasePath), Clock);
        var read = await reopened.GetAsync(created.Key);
        var next = await reopened.CreateAsync(NewStage("qa"));

        Assert.Equal(created.Uid, read!.Uid);
        Assert.Equal("web", read.Labels["tier"]);
        Assert.Equal(2, next.ResourceVersion);
        Assert.Single((await reopened.QueryEventsAsync(new Events.EventQuery())).Items);
    }

    [Fact]
    public async Task OpenAsync_FileFromNewerBarge_RefusesWithClearError()
    {
        await Store.DisposeAsync();
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=false"))
        {
            await connection.OpenAsync();
            Scalar<long>(connection, "PRAGMA user_version = 99; SELECT 0");
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => SqliteResourceStore.OpenAsync(new SqliteStoreOptions(DatabasePath)));

        Assert.Contains($"schema version 99 is newer than this Barge understands ({SqliteResourceStore.SchemaVersion})", error.Message, StringComparison.Ordinal);
        Assert.Contains(DatabasePath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_MissingFolder_NamesTheFolder()
    {
        var path = _directory.Combine("absent", "barge.db");

        var error = await Assert.ThrowsAsync<DirectoryNotFoundException>(() => SqliteResourceStore.OpenAsync(new SqliteStoreOptions(path)));

        Assert.Contains(_directory.Combine("absent"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_NotADatabase_FailsWithSqliteError()
    {
        var path = _directory.Combine("garbage.db");
        await File.WriteAllBytesAsync(path, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7))]);

        var error = await Assert.ThrowsAsync<SqliteException>(() => SqliteResourceStore.OpenAsync(new SqliteStoreOptions(path)));

        Assert.Contains("not a database", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_TwoStoresOnOneFile_ShareOneVersionSequence()
    {
        await using var second = await SqliteResourceStore.OpenAsync(new SqliteStoreOptions(DatabasePath), Clock);

        var a = await Store.CreateAsync(NewStage("a"));
        var b = await second.CreateAsync(NewStage("b"));
        var c = await Store.CreateAsync(NewStage("c"));

        Assert.Equal([1, 2, 3], new[] { a, b, c }.Select(r => r.ResourceVersion));
        Assert.NotNull(await Store.GetAsync(b.Key));
    }

    [Fact]
    public async Task OpenAsync_SeveralAtOnceOnAFreshFile_MigrateOnce()
    {
        var path = _directory.Combine("fresh.db");

        var stores = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => SqliteResourceStore.OpenAsync(new SqliteStoreOptions(path)))));
        try
        {
            var created = await Task.WhenAll(stores.Select((s, i) => s.CreateAsync(NewStage("s" + i))));

            Assert.Equal([1, 2, 3, 4, 5, 6], created.Select(r => r.ResourceVersion).Order());
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    private static T Scalar<T>(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)command.ExecuteScalar()!;
    }
}
