using System.Globalization;
using System.Text.Json;
using Barge.Storage.Events;
using Barge.Storage.Sqlite;
using Barge.Storage.Watching;
using Npgsql;
using NpgsqlTypes;

namespace Barge.Storage.Postgres;

/// <summary>
/// The writes of one PostgreSQL transaction. <see cref="BeginAsync"/> locks the version counter row (the
/// store-wide write lock) and reads it; every write takes the next version and appends its change in
/// the same round trip; <see cref="FinishAsync"/> stores the counter and queues the notification that
/// PostgreSQL delivers at commit.
/// </summary>
internal sealed class PostgresWriteTransaction(NpgsqlConnection connection, TimeProvider time)
{
    internal const string Columns =
        "r.kind, r.project, r.name, r.api_version, r.uid, r.resource_version, r.generation, r.labels, r.annotations, r.created_ms, r.deleted_ms, r.spec, r.status";

    private long _version = -1;

    public int Changes { get; private set; }

    public long Version => _version;

    public DateTimeOffset Now { get; } = WriteTransaction.TruncateToMilliseconds(time.GetUtcNow());

    public NpgsqlConnection Connection => connection;

    public async Task BeginAsync(TimeSpan lockTimeout, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            "SET LOCAL lock_timeout = " + ((long)lockTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT value FROM counters WHERE name = 'resource_version' FOR UPDATE"));
        _version = (long)(await batch.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<StoredResource> CreateAsync(NewResource resource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        resource.Key.Validate();
        ArgumentException.ThrowIfNullOrEmpty(resource.ApiVersion);
        CheckDefined(resource.Key, "spec", resource.Spec);
        var created = new StoredResource(
            resource.Key,
            resource.ApiVersion,
            Guid.CreateVersion7(Now).ToString(),
            _version + 1,
            Generation: 1,
            Copy(resource.Labels),
            Copy(resource.Annotations),
            Now,
            DeletionTimestamp: null,
            resource.Spec.Clone(),
            resource.Status?.Clone());
        // The unique key is the existence check (ON CONFLICT DO NOTHING returns no row); the labels and
        // the change are inserted by the same statement, only when the resource was.
        await using var command = new NpgsqlCommand("""
            WITH r AS (
                INSERT INTO resources (kind, project, name, api_version, uid, resource_version, generation, labels, annotations, created_ms, deleted_ms, spec, status)
                VALUES (@kind, @project, @name, @api, @uid, @rv, @gen, @labels, @annotations, @created, @deleted, @spec, @status)
                ON CONFLICT ON CONSTRAINT uq_resources_key DO NOTHING
                RETURNING id),
            l AS (
                INSERT INTO resource_labels (resource_id, kind, project, key, value)
                SELECT r.id, @kind, @project, t.k, t.v FROM r, unnest(@keys, @values) AS t(k, v)),
            c AS (
                INSERT INTO changes (version, type, kind, project, object) SELECT @rv, @type, @kind, @project, @object FROM r)
            SELECT id FROM r
            """, connection);
        Bind(command.Parameters, created);
        AddLabelArrays(command.Parameters, created.Labels);
        AddChange(command.Parameters, ChangeType.Added, created);
        if (await command.ExecuteScalarAsync(cancellationToken) is null)
        {
            throw new ResourceAlreadyExistsException(resource.Key);
        }
        _version++;
        Changes++;
        return created;
    }

    public async Task<StoredResource> UpdateAsync(ResourceUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        update.Key.Validate();
        ArgumentException.ThrowIfNullOrEmpty(update.ApiVersion);
        CheckDefined(update.Key, "spec", update.Spec);
        var (id, current) = await RequireAsync(update.Key, update.ExpectedResourceVersion, cancellationToken);
        var specChanged = !JsonElement.DeepEquals(current.Spec, update.Spec);
        var deletion = current.DeletionTimestamp ?? update.DeletionTimestamp;
        if (!specChanged
            && current.ApiVersion == update.ApiVersion
            && deletion == current.DeletionTimestamp
            && ResourceJson.MapsEqual(current.Labels, update.Labels)
            && ResourceJson.MapsEqual(current.Annotations, update.Annotations))
        {
            return current;
        }
        var updated = current with
        {
            ApiVersion = update.ApiVersion,
            ResourceVersion = _version + 1,
            Generation = specChanged ? current.Generation + 1 : current.Generation,
            Labels = Copy(update.Labels),
            Annotations = Copy(update.Annotations),
            DeletionTimestamp = deletion is { } d ? WriteTransaction.TruncateToMilliseconds(d) : null,
            Spec = specChanged ? update.Spec.Clone() : current.Spec,
        };
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(ReplaceCommand(id, updated));
        if (!ResourceJson.MapsEqual(current.Labels, updated.Labels))
        {
            var clear = new NpgsqlBatchCommand("DELETE FROM resource_labels WHERE resource_id = @id");
            clear.Parameters.AddWithValue("id", id);
            batch.BatchCommands.Add(clear);
            var insert = new NpgsqlBatchCommand("""
                INSERT INTO resource_labels (resource_id, kind, project, key, value)
                SELECT @id, @kind, @project, t.k, t.v FROM unnest(@keys, @values) AS t(k, v)
                """);
            insert.Parameters.AddWithValue("id", id);
            insert.Parameters.AddWithValue("kind", updated.Key.Kind);
            insert.Parameters.AddWithValue("project", updated.Key.Project);
            AddLabelArrays(insert.Parameters, updated.Labels);
            batch.BatchCommands.Add(insert);
        }
        batch.BatchCommands.Add(ChangeCommand(ChangeType.Modified, updated));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        _version++;
        Changes++;
        return updated;
    }

    public async Task<StoredResource> UpdateStatusAsync(ResourceKey key, long expectedResourceVersion, JsonElement status, CancellationToken cancellationToken)
    {
        key.Validate();
        CheckDefined(key, "status", status);
        var (id, current) = await RequireAsync(key, expectedResourceVersion, cancellationToken);
        if (current.Status is { } existing && JsonElement.DeepEquals(existing, status))
        {
            return current;
        }
        var updated = current with { ResourceVersion = _version + 1, Status = status.Clone() };
        await using var batch = new NpgsqlBatch(connection);
        var write = new NpgsqlBatchCommand("UPDATE resources SET resource_version = @rv, status = @status WHERE id = @id");
        write.Parameters.AddWithValue("rv", updated.ResourceVersion);
        write.Parameters.Add(Json("status", ResourceJson.WriteElement(status)));
        write.Parameters.AddWithValue("id", id);
        batch.BatchCommands.Add(write);
        batch.BatchCommands.Add(ChangeCommand(ChangeType.Modified, updated));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        _version++;
        Changes++;
        return updated;
    }

    public async Task<StoredResource> DeleteAsync(ResourceKey key, long? expectedResourceVersion, CancellationToken cancellationToken)
    {
        key.Validate();
        var found = await FindAsync(key, cancellationToken) ?? throw new ResourceNotFoundException(key);
        if (expectedResourceVersion is { } expected && found.Resource.ResourceVersion != expected)
        {
            throw new ResourceConflictException(key, found.Resource.ResourceVersion, expected);
        }
        var last = found.Resource with { ResourceVersion = _version + 1 };
        await using var batch = new NpgsqlBatch(connection);
        // The labels go with the row (ON DELETE CASCADE).
        var delete = new NpgsqlBatchCommand("DELETE FROM resources WHERE id = @id");
        delete.Parameters.AddWithValue("id", found.Id);
        batch.BatchCommands.Add(delete);
        batch.BatchCommands.Add(ChangeCommand(ChangeType.Deleted, last));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        _version++;
        Changes++;
        return last;
    }

    public Task<StoredResource> ApplyAsync(StoreOperation operation, CancellationToken cancellationToken) => operation switch
    {
        StoreOperation.Create create => CreateAsync(create.Resource, cancellationToken),
        StoreOperation.Update update => UpdateAsync(update.Change, cancellationToken),
        StoreOperation.UpdateStatus status => UpdateStatusAsync(status.Target, status.ExpectedResourceVersion, status.Status, cancellationToken),
        StoreOperation.Delete delete => DeleteAsync(delete.Target, delete.ExpectedResourceVersion, cancellationToken),
        _ => throw new ArgumentException($"unknown store operation {operation?.GetType().Name ?? "null"}", nameof(operation)),
    };

    public async Task<RecordedEvent> AppendEventAsync(EventEntry entry, CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand("""
            INSERT INTO events (time_ms, project, kind, name, type, message, actor, data)
            VALUES (@time, @project, @kind, @name, @type, @message, @actor, @data) RETURNING id
            """, connection);
        var p = insert.Parameters;
        p.AddWithValue("time", Now.ToUnixTimeMilliseconds());
        p.AddWithValue("project", entry.Regarding.Project);
        p.AddWithValue("kind", entry.Regarding.Kind);
        p.AddWithValue("name", entry.Regarding.Name);
        p.AddWithValue("type", entry.Type);
        p.AddWithValue("message", entry.Message);
        p.Add(new NpgsqlParameter("actor", NpgsqlDbType.Text) { Value = (object?)entry.Actor ?? DBNull.Value });
        p.Add(Json("data", entry.Data is { } data ? data.GetRawText() : null));
        var id = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        return new RecordedEvent(id, Now, entry with { Data = entry.Data?.Clone() });
    }

    /// <summary>Stores the advanced counter and queues the wake-up notification (sent by PostgreSQL at commit).</summary>
    public async Task FinishAsync(string channel, CancellationToken cancellationToken)
    {
        if (Changes == 0)
        {
            return;
        }
        await using var batch = new NpgsqlBatch(connection);
        var save = new NpgsqlBatchCommand("UPDATE counters SET value = @v WHERE name = 'resource_version'");
        save.Parameters.AddWithValue("v", _version);
        batch.BatchCommands.Add(save);
        var notify = new NpgsqlBatchCommand("SELECT pg_notify(@channel, @payload)");
        notify.Parameters.AddWithValue("channel", channel);
        notify.Parameters.AddWithValue("payload", _version.ToString(CultureInfo.InvariantCulture));
        batch.BatchCommands.Add(notify);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    internal static StoredResource ReadResource(NpgsqlDataReader reader, int first) => new(
        new ResourceKey(reader.GetString(first), reader.GetString(first + 1), reader.GetString(first + 2)),
        reader.GetString(first + 3),
        reader.GetString(first + 4),
        reader.GetInt64(first + 5),
        reader.GetInt64(first + 6),
        ResourceJson.ReadMap(System.Text.Encoding.UTF8.GetBytes(reader.GetString(first + 7))),
        ResourceJson.ReadMap(System.Text.Encoding.UTF8.GetBytes(reader.GetString(first + 8))),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(first + 9)),
        reader.IsDBNull(first + 10) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(first + 10)),
        ResourceJson.ReadElement(reader.GetString(first + 11)),
        reader.IsDBNull(first + 12) ? null : ResourceJson.ReadElement(reader.GetString(first + 12)));

    internal static NpgsqlParameter Json(string name, string? json) =>
        new(name, NpgsqlDbType.Json) { Value = (object?)json ?? DBNull.Value };

    private static void CheckDefined(ResourceKey key, string what, JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Undefined)
        {
            throw new ArgumentException($"{key}: the {what} is an undefined JSON element (default(JsonElement)); pass a JSON value");
        }
    }

    private async Task<(long Id, StoredResource Resource)> RequireAsync(ResourceKey key, long expectedResourceVersion, CancellationToken cancellationToken)
    {
        var found = await FindAsync(key, cancellationToken) ?? throw new ResourceNotFoundException(key);
        if (found.Resource.ResourceVersion != expectedResourceVersion)
        {
            throw new ResourceConflictException(key, found.Resource.ResourceVersion, expectedResourceVersion);
        }
        return found;
    }

    private async Task<(long Id, StoredResource Resource)?> FindAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        await using var select = new NpgsqlCommand($"SELECT r.id, {Columns} FROM resources r WHERE r.kind = @kind AND r.project = @project AND r.name = @name", connection);
        select.Parameters.AddWithValue("kind", key.Kind);
        select.Parameters.AddWithValue("project", key.Project);
        select.Parameters.AddWithValue("name", key.Name);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return (reader.GetInt64(0), ReadResource(reader, 1));
    }

    private static NpgsqlBatchCommand ReplaceCommand(long id, StoredResource resource)
    {
        var update = new NpgsqlBatchCommand("""
            UPDATE resources SET api_version = @api, resource_version = @rv, generation = @gen, labels = @labels,
                annotations = @annotations, deleted_ms = @deleted, spec = @spec, status = @status
            WHERE id = @id
            """);
        Bind(update.Parameters, resource);
        update.Parameters.AddWithValue("id", id);
        return update;
    }

    private static NpgsqlBatchCommand ChangeCommand(ChangeType type, StoredResource resource)
    {
        var insert = new NpgsqlBatchCommand("INSERT INTO changes (version, type, kind, project, object) VALUES (@rv, @type, @kind, @project, @object)");
        insert.Parameters.AddWithValue("rv", resource.ResourceVersion);
        insert.Parameters.AddWithValue("kind", resource.Key.Kind);
        insert.Parameters.AddWithValue("project", resource.Key.Project);
        AddChange(insert.Parameters, type, resource);
        return insert;
    }

    private static void AddChange(NpgsqlParameterCollection p, ChangeType type, StoredResource resource)
    {
        p.AddWithValue("type", (short)type);
        p.AddWithValue("object", ResourceJson.WriteResource(resource));
    }

    private static void Bind(NpgsqlParameterCollection p, StoredResource resource)
    {
        p.AddWithValue("kind", resource.Key.Kind);
        p.AddWithValue("project", resource.Key.Project);
        p.AddWithValue("name", resource.Key.Name);
        p.AddWithValue("api", resource.ApiVersion);
        p.AddWithValue("uid", resource.Uid);
        p.AddWithValue("rv", resource.ResourceVersion);
        p.AddWithValue("gen", resource.Generation);
        p.Add(Json("labels", ResourceJson.WriteMap(resource.Labels)));
        p.Add(Json("annotations", ResourceJson.WriteMap(resource.Annotations)));
        p.AddWithValue("created", resource.CreationTimestamp.ToUnixTimeMilliseconds());
        p.Add(new NpgsqlParameter("deleted", NpgsqlDbType.Bigint) { Value = (object?)resource.DeletionTimestamp?.ToUnixTimeMilliseconds() ?? DBNull.Value });
        p.Add(Json("spec", ResourceJson.WriteElement(resource.Spec)));
        p.Add(Json("status", resource.Status is { } status ? ResourceJson.WriteElement(status) : null));
    }

    private static void AddLabelArrays(NpgsqlParameterCollection p, IReadOnlyDictionary<string, string> labels)
    {
        var pairs = labels.ToArray();
        p.Add(new NpgsqlParameter("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = pairs.Select(pair => pair.Key).ToArray() });
        p.Add(new NpgsqlParameter("values", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = pairs.Select(pair => pair.Value).ToArray() });
    }

    private static IReadOnlyDictionary<string, string> Copy(IReadOnlyDictionary<string, string> map) =>
        map.Count == 0 ? EmptyMap.Instance : new Dictionary<string, string>(map, StringComparer.Ordinal);
}
