using Barge.Storage.Postgres;
using Barge.Storage.Tests.Contract;
using Xunit;

namespace Barge.Storage.Tests.Postgres;

/// <summary>The store contract on a real PostgreSQL, each test in a fresh schema of its own.</summary>
public sealed class PostgresResourceStoreTests : ResourceStoreContract
{
    private readonly string _schema = PostgresTestServer.NewSchema();

    protected override async Task<IResourceStore> OpenStoreAsync(TimeProvider time) =>
        await PostgresResourceStore.OpenAsync(PostgresTestServer.Options(_schema), time);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Environment.GetEnvironmentVariable(PostgresTestServer.EnvironmentVariable) is { Length: > 0 })
        {
            await PostgresTestServer.DropSchemaAsync(_schema);
        }
    }
}
