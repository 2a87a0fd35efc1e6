using Barge.Testing;
using Npgsql;
using Xunit;

namespace Barge.Cli.Tests.Store;

public sealed class MigrateCommandTests : IDisposable
{
    private const string PostgresVariable = "BARGE_TEST_POSTGRES";
    private readonly TempDirectory _home = new("migrate");

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task Migrate_EmbeddedFreshHome_CreatesTheStoreThenIsUpToDate()
    {
        var run = new BargeRun(_home.Path);

        var first = await run.RunAsync("migrate");
        var second = await run.RunAsync("migrate");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal($"store {_home.Combine("barge.db")}: schema version 0 -> 1 (1 migration applied)\n", first.Output.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Contains("schema version 1, up to date", second.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(_home.Combine("barge.db")));
    }

    [Fact]
    public async Task Migrate_EmbeddedFileIsNotADatabase_ExitsOneNamingTheFile()
    {
        await File.WriteAllBytesAsync(_home.Combine("barge.db"), [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7))]);

        var result = await new BargeRun(_home.Path).RunAsync("migrate");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(_home.Combine("barge.db"), result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_PostgresStoreFromEnvironment_AppliesThenIsUpToDate()
    {
        var connection = Environment.GetEnvironmentVariable(PostgresVariable);
        Assert.False(string.IsNullOrEmpty(connection), $"${PostgresVariable} is not set: run scripts/test.sh, which starts a throw-away PostgreSQL and exports it");
        var schema = "cli_" + Guid.NewGuid().ToString("N")[..12];
        var run = new BargeRun(_home.Path).With("BARGE_STORE", connection!);
        try
        {
            var first = await run.RunAsync("migrate", "--schema", schema);
            var second = await run.RunAsync("migrate", "--schema", schema);

            Assert.Equal(0, first.ExitCode);
            Assert.Contains($"(schema {schema}): schema version 0 -> 1 (1 migration applied)", first.Output, StringComparison.Ordinal);
            Assert.Contains("schema version 1, up to date", second.Output, StringComparison.Ordinal);
            Assert.False(File.Exists(_home.Combine("barge.db")));
        }
        finally
        {
            await using var admin = new NpgsqlConnection(connection);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Theory]
    [InlineData("unknown keyword", "Host=127.0.0.1;Flavour=vanilla", "--store is not a PostgreSQL connection string")]
    [InlineData("bad schema", "Host=127.0.0.1;Port=1", "schema \"Bad-Schema\"")]
    public async Task Migrate_BadInput_ExitsTwo(string because, string store, string expected)
    {
        _ = because;
        var result = await new BargeRun(_home.Path).RunAsync("migrate", "--store", store, "--schema", because == "bad schema" ? "Bad-Schema" : "barge");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_UnreachableServer_ExitsOneWithoutThePassword()
    {
        var result = await new BargeRun(_home.Path).RunAsync("migrate", "--store", "Host=127.0.0.1;Port=1;Username=u;Password=hunter2;Timeout=2");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("store postgresql 127.0.0.1:1/u (schema barge):", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.Error + result.Output, StringComparison.Ordinal);
    }
}
