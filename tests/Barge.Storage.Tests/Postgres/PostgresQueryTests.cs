using Barge.Storage.Postgres;
using Barge.Storage.Selection;
using Npgsql;
using Xunit;

namespace Barge.Storage.Tests.Postgres;

/// <summary>
/// The SQL <see cref="PostgresQuery"/> builds for field filters (what it selects is checked on a real
/// server by the store contract, <see cref="PostgresResourceStoreTests"/>): the test that walks the
/// json once comes before the per-member type checks, so rows that do not match are dropped after one
/// walk of the document (bench/RESULTS.md, Store at scale).
/// </summary>
public sealed class PostgresQueryTests
{
    [Theory]
    [InlineData("equal", "spec.origin.name=w3", "(r.spec #>> @fp0) = @fv0")]
    [InlineData("not equal", "spec.origin.name!=w3", "(r.spec #>> @fp0) = @fv0")]
    [InlineData("exists", "status.currentlyIn.dev", "(r.status #> @fp0) IS NOT NULL")]
    [InlineData("does not exist", "!status.currentlyIn.dev", "(r.status #> @fp0) IS NOT NULL")]
    public void FromWhere_FieldFilter_WalksPathOnceBeforeTypeChecks(string because, string filter, string firstTest)
    {
        _ = because;
        using var command = new NpgsqlCommand();
        var query = ResourceQuery.OfKind("Freight", "grommet") with { Fields = [FieldFilter.Parse(filter)] };

        var sql = PostgresQuery.FromWhere(query, command.Parameters);

        var first = sql.IndexOf(firstTest, StringComparison.Ordinal);
        var typeCheck = sql.IndexOf("json_typeof(", StringComparison.Ordinal);
        Assert.True(first >= 0, $"no \"{firstTest}\" in: {sql}");
        Assert.True(typeCheck > first, $"a json_typeof check comes before \"{firstTest}\" in: {sql}");
    }
}
