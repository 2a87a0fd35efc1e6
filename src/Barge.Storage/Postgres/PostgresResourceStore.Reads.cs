using System.Data;
using Npgsql;

namespace Barge.Storage.Postgres;

public sealed partial class PostgresResourceStore
{
    public async Task<StoredResource?> GetAsync(ResourceKey key, CancellationToken cancellationToken = default)
    {
        key.Validate();
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT {PostgresWriteTransaction.Columns} FROM resources r WHERE r.kind = @kind AND r.project = @project AND r.name = @name", connection);
        command.Parameters.AddWithValue("kind", key.Kind);
        command.Parameters.AddWithValue("project", key.Project);
        command.Parameters.AddWithValue("name", key.Name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? PostgresWriteTransaction.ReadResource(reader, 0) : null;
    }

    public async Task<ResourceList> ListAsync(ResourceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (string.IsNullOrEmpty(query.Kind))
        {
            throw new ArgumentException($"list {query}: a list names one kind", nameof(query));
        }
        await using var connection = await OpenAsync(cancellationToken);
        // One snapshot for the version and the items (REPEATABLE READ), so the version returned is
        // exactly the state the items come from.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var version = await ReadCounterAsync(connection, "resource_version", cancellationToken);
        await using var command = new NpgsqlCommand { Connection = connection };
        command.CommandText = $"SELECT {PostgresWriteTransaction.Columns} {PostgresQuery.FromWhere(query, command.Parameters)} ORDER BY r.project, r.name";
        var items = new List<StoredResource>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(PostgresWriteTransaction.ReadResource(reader, 0));
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return new ResourceList(items, version);
    }

    public async Task<ResourcePage> ListPageAsync(ResourceQuery query, int offset, int limit, CancellationToken cancellationToken = default)
    {
        ResourcePage.Validate(query, offset, limit);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var version = await ReadCounterAsync(connection, "resource_version", cancellationToken);
        await using var count = new NpgsqlCommand { Connection = connection };
        count.CommandText = $"SELECT count(*) {PostgresQuery.FromWhere(query, count.Parameters)}";
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        await using var command = new NpgsqlCommand { Connection = connection };
        command.CommandText = $"SELECT {PostgresWriteTransaction.Columns} {PostgresQuery.FromWhere(query, command.Parameters)} ORDER BY r.created_ms DESC, r.name LIMIT @page_limit OFFSET @page_offset";
        command.Parameters.AddWithValue("page_limit", limit);
        command.Parameters.AddWithValue("page_offset", offset);
        var items = new List<StoredResource>(Math.Min(limit, Math.Max(0, total - offset)));
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(PostgresWriteTransaction.ReadResource(reader, 0));
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return new ResourcePage(items, total, version);
    }

    public async Task<IReadOnlyDictionary<string, ResourcePage>> ListGroupPagesAsync(ResourceQuery query, IReadOnlyList<string> groupPath, int offset, int limit, CancellationToken cancellationToken = default)
    {
        ResourcePage.Validate(query, groupPath, offset, limit);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var version = await ReadCounterAsync(connection, "resource_version", cancellationToken);
        await using var command = new NpgsqlCommand { Connection = connection };
        const string group = "(r.spec #>> @group_path)";
        command.CommandText =
            $"SELECT * FROM (SELECT {PostgresWriteTransaction.Columns}, {group} COLLATE \"C\" AS grp, "
            + $"row_number() OVER (PARTITION BY {group} ORDER BY r.created_ms DESC, r.name) AS rn, count(*) OVER (PARTITION BY {group}) AS total "
            + $"{PostgresQuery.FromWhere(query, command.Parameters)} AND json_typeof(r.spec #> @group_path) = 'string') AS grouped "
            + "WHERE rn > @page_offset AND rn <= @page_offset + @page_limit ORDER BY grp, rn";
        command.Parameters.Add(new NpgsqlParameter("group_path", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { Value = groupPath.ToArray() });
        command.Parameters.AddWithValue("page_limit", (long)limit);
        command.Parameters.AddWithValue("page_offset", (long)offset);
        var rows = new List<(string, StoredResource, int)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetString(13), PostgresWriteTransaction.ReadResource(reader, 0), Convert.ToInt32(reader.GetInt64(15), System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return ResourcePage.Group(rows, version);
    }

    public async Task<long> GetResourceVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ReadCounterAsync(connection, "resource_version", cancellationToken);
    }

    private static async Task<long> ReadCounterAsync(NpgsqlConnection connection, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT value FROM counters WHERE name = @name", connection);
        command.Parameters.AddWithValue("name", name);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
