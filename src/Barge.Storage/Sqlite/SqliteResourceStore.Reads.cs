using Microsoft.Data.Sqlite;

namespace Barge.Storage.Sqlite;

public sealed partial class SqliteResourceStore
{
    internal const string ResourceColumns =
        "r.kind, r.project, r.name, r.api_version, r.uid, r.resource_version, r.generation, r.labels, r.annotations, r.created_ms, r.deleted_ms, r.spec, r.status";

    public async Task<StoredResource?> GetAsync(ResourceKey key, CancellationToken cancellationToken = default)
    {
        key.Validate();
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ResourceColumns} FROM resources r WHERE r.kind = $kind AND r.project = $project AND r.name = $name";
        command.Parameters.AddWithValue("$kind", key.Kind);
        command.Parameters.AddWithValue("$project", key.Project);
        command.Parameters.AddWithValue("$name", key.Name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadResource(reader, 0) : null;
    }

    public async Task<ResourceList> ListAsync(ResourceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (string.IsNullOrEmpty(query.Kind))
        {
            throw new ArgumentException($"list {query}: a list names one kind", nameof(query));
        }
        await using var connection = await OpenReaderAsync(cancellationToken);
        // One read transaction, so the version returned is exactly the snapshot the items come from.
        await using var transaction = connection.BeginTransaction(deferred: true);
        var version = ReadVersion(connection, transaction);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {ResourceColumns} {SqliteQuery.FromWhere(query, command)} ORDER BY r.project, r.name";
        var items = new List<StoredResource>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(ReadResource(reader, 0));
            }
        }
        return new ResourceList(items, version);
    }

    public async Task<ResourcePage> ListPageAsync(ResourceQuery query, int offset, int limit, CancellationToken cancellationToken = default)
    {
        ResourcePage.Validate(query, offset, limit);
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var version = ReadVersion(connection, transaction);
        await using var count = connection.CreateCommand();
        count.Transaction = transaction;
        count.CommandText = $"SELECT count(*) {SqliteQuery.FromWhere(query, count)}";
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {ResourceColumns} {SqliteQuery.FromWhere(query, command)} ORDER BY r.created_ms DESC, r.name LIMIT $page_limit OFFSET $page_offset";
        command.Parameters.AddWithValue("$page_limit", limit);
        command.Parameters.AddWithValue("$page_offset", offset);
        var items = new List<StoredResource>(Math.Min(limit, Math.Max(0, total - offset)));
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(ReadResource(reader, 0));
            }
        }
        return new ResourcePage(items, total, version);
    }

    public async Task<IReadOnlyDictionary<string, ResourcePage>> ListGroupPagesAsync(ResourceQuery query, IReadOnlyList<string> groupPath, int offset, int limit, CancellationToken cancellationToken = default)
    {
        ResourcePage.Validate(query, groupPath, offset, limit);
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var version = ReadVersion(connection, transaction);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        const string group = "json_extract(r.spec, $group_path)";
        command.CommandText =
            $"SELECT * FROM (SELECT {ResourceColumns}, {group} AS grp, "
            + $"row_number() OVER (PARTITION BY {group} ORDER BY r.created_ms DESC, r.name) AS rn, count(*) OVER (PARTITION BY {group}) AS total "
            + $"{SqliteQuery.FromWhere(query, command)} AND json_type(r.spec, $group_path) = 'text') "
            + "WHERE rn > $page_offset AND rn <= $page_offset + $page_limit ORDER BY grp, rn";
        command.Parameters.AddWithValue("$group_path", "$" + string.Concat(groupPath.Select(m => ".\"" + m + "\"")));
        command.Parameters.AddWithValue("$page_limit", limit);
        command.Parameters.AddWithValue("$page_offset", offset);
        var rows = new List<(string, StoredResource, int)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetString(13), ReadResource(reader, 0), reader.GetInt32(15)));
            }
        }
        return ResourcePage.Group(rows, version);
    }

    public async Task<long> GetResourceVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        return ReadVersion(connection, null);
    }

    internal static StoredResource ReadResource(SqliteDataReader reader, int first) => new(
        new ResourceKey(reader.GetString(first), reader.GetString(first + 1), reader.GetString(first + 2)),
        reader.GetString(first + 3),
        reader.GetString(first + 4),
        reader.GetInt64(first + 5),
        reader.GetInt64(first + 6),
        ResourceJson.ReadMap(reader.GetFieldValue<byte[]>(first + 7)),
        ResourceJson.ReadMap(reader.GetFieldValue<byte[]>(first + 8)),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(first + 9)),
        reader.IsDBNull(first + 10) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(first + 10)),
        ResourceJson.ReadElement(reader.GetFieldValue<byte[]>(first + 11)),
        reader.IsDBNull(first + 12) ? null : ResourceJson.ReadElement(reader.GetFieldValue<byte[]>(first + 12)));

    private static long ReadVersion(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT value FROM counters WHERE name = 'resource_version'";
        return (long)command.ExecuteScalar()!;
    }
}
