using System.Text.Json;
using Barge.Storage.Events;
using Barge.Storage.Watching;
using Microsoft.Data.Sqlite;

namespace Barge.Storage.Sqlite;

/// <summary>
/// The writes of one SQLite transaction. The resourceVersion counter is read once at the start and
/// written back by <see cref="Finish"/>; every write takes the next version and appends its change.
/// Statements are prepared once per transaction and reused, which is what makes a 10,000-document
/// batch cheap.
/// </summary>
internal sealed class WriteTransaction(SqliteConnection connection, TimeProvider time)
{
    private const string Columns = SqliteResourceStore.ResourceColumns;
    private const int SqliteConstraintUnique = 2067;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private long _version = -1;

    public int Changes { get; private set; }

    public long Version => _version;

    public DateTimeOffset Now { get; } = TruncateToMilliseconds(time.GetUtcNow());

    public StoredResource Create(NewResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        resource.Key.Validate();
        ArgumentException.ThrowIfNullOrEmpty(resource.ApiVersion);
        CheckDefined(resource.Key, "spec", resource.Spec);
        var version = NextVersion();
        var created = new StoredResource(
            resource.Key,
            resource.ApiVersion,
            Guid.CreateVersion7(Now).ToString(),
            version,
            Generation: 1,
            Copy(resource.Labels),
            Copy(resource.Annotations),
            Now,
            DeletionTimestamp: null,
            resource.Spec.Clone(),
            resource.Status?.Clone());
        var insert = Command("insert", $"""
            INSERT INTO resources (kind, project, name, api_version, uid, resource_version, generation, labels, annotations, created_ms, deleted_ms, spec, status)
            VALUES ($kind, $project, $name, $api, $uid, $rv, $gen, $labels, $annotations, $created, $deleted, $spec, $status)
            RETURNING id
            """);
        Bind(insert, created);
        long id;
        try
        {
            id = (long)insert.ExecuteScalar()!;
        }
        catch (SqliteException e) when (e.SqliteExtendedErrorCode == SqliteConstraintUnique)
        {
            // The unique (kind, project, name) index is the existence check: no read before each insert.
            throw new ResourceAlreadyExistsException(resource.Key);
        }
        WriteLabels(id, created);
        AppendChange(ChangeType.Added, created);
        return created;
    }

    public StoredResource Update(ResourceUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        update.Key.Validate();
        ArgumentException.ThrowIfNullOrEmpty(update.ApiVersion);
        CheckDefined(update.Key, "spec", update.Spec);
        var (id, current) = Require(update.Key, update.ExpectedResourceVersion);
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
            ResourceVersion = NextVersion(),
            Generation = specChanged ? current.Generation + 1 : current.Generation,
            Labels = Copy(update.Labels),
            Annotations = Copy(update.Annotations),
            DeletionTimestamp = deletion is { } d ? TruncateToMilliseconds(d) : null,
            Spec = specChanged ? update.Spec.Clone() : current.Spec,
        };
        Replace(id, updated);
        if (!ResourceJson.MapsEqual(current.Labels, updated.Labels))
        {
            var clear = Command("clearLabels", "DELETE FROM resource_labels WHERE resource_id = $id");
            clear.Parameters["$id"].Value = id;
            clear.ExecuteNonQuery();
            WriteLabels(id, updated);
        }
        AppendChange(ChangeType.Modified, updated);
        return updated;
    }

    public StoredResource UpdateStatus(ResourceKey key, long expectedResourceVersion, JsonElement status)
    {
        key.Validate();
        CheckDefined(key, "status", status);
        var (id, current) = Require(key, expectedResourceVersion);
        if (current.Status is { } existing && JsonElement.DeepEquals(existing, status))
        {
            return current;
        }
        var updated = current with { ResourceVersion = NextVersion(), Status = status.Clone() };
        Replace(id, updated);
        AppendChange(ChangeType.Modified, updated);
        return updated;
    }

    public StoredResource Delete(ResourceKey key, long? expectedResourceVersion)
    {
        key.Validate();
        var found = Find(key) ?? throw new ResourceNotFoundException(key);
        if (expectedResourceVersion is { } expected && found.Resource.ResourceVersion != expected)
        {
            throw new ResourceConflictException(key, found.Resource.ResourceVersion, expected);
        }
        var delete = Command("delete", "DELETE FROM resources WHERE id = $id; DELETE FROM resource_labels WHERE resource_id = $id");
        delete.Parameters["$id"].Value = found.Id;
        delete.ExecuteNonQuery();
        var last = found.Resource with { ResourceVersion = NextVersion() };
        AppendChange(ChangeType.Deleted, last);
        return last;
    }

    public StoredResource Apply(StoreOperation operation) => operation switch
    {
        StoreOperation.Create create => Create(create.Resource),
        StoreOperation.Update update => Update(update.Change),
        StoreOperation.UpdateStatus status => UpdateStatus(status.Target, status.ExpectedResourceVersion, status.Status),
        StoreOperation.Delete delete => Delete(delete.Target, delete.ExpectedResourceVersion),
        _ => throw new ArgumentException($"unknown store operation {operation?.GetType().Name ?? "null"}", nameof(operation)),
    };

    /// <summary>Stores the advanced version counter and disposes the prepared statements.</summary>
    public RecordedEvent AppendEvent(EventEntry entry)
    {
        var insert = Command("event", """
            INSERT INTO events (time_ms, project, kind, name, type, message, actor, data)
            VALUES ($time, $project, $kind, $name, $type, $message, $actor, $data) RETURNING id
            """);
        var p = insert.Parameters;
        p["$time"].Value = Now.ToUnixTimeMilliseconds();
        p["$project"].Value = entry.Regarding.Project;
        p["$kind"].Value = entry.Regarding.Kind;
        p["$name"].Value = entry.Regarding.Name;
        p["$type"].Value = entry.Type;
        p["$message"].Value = entry.Message;
        p["$actor"].Value = (object?)entry.Actor ?? DBNull.Value;
        p["$data"].Value = entry.Data is { } data ? data.GetRawText() : DBNull.Value;
        var id = (long)insert.ExecuteScalar()!;
        return new RecordedEvent(id, Now, entry with { Data = entry.Data?.Clone() });
    }

    public void Finish()
    {
        if (Changes > 0)
        {
            var save = Command("saveVersion", "UPDATE counters SET value = $v WHERE name = 'resource_version'");
            save.Parameters["$v"].Value = _version;
            save.ExecuteNonQuery();
        }
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
        _commands.Clear();
    }

    public SqliteCommand Command(string name, string sql)
    {
        if (_commands.TryGetValue(name, out var command))
        {
            return command;
        }
        command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in ParameterNames(sql))
        {
            command.Parameters.Add(new SqliteParameter(parameter, null));
        }
        _commands[name] = command;
        return command;
    }

    internal static DateTimeOffset TruncateToMilliseconds(DateTimeOffset value) =>
        DateTimeOffset.FromUnixTimeMilliseconds(value.ToUnixTimeMilliseconds());

    private static void CheckDefined(ResourceKey key, string what, JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Undefined)
        {
            throw new ArgumentException($"{key}: the {what} is an undefined JSON element (default(JsonElement)); pass a JSON value");
        }
    }

    private (long Id, StoredResource Resource) Require(ResourceKey key, long expectedResourceVersion)
    {
        var found = Find(key) ?? throw new ResourceNotFoundException(key);
        if (found.Resource.ResourceVersion != expectedResourceVersion)
        {
            throw new ResourceConflictException(key, found.Resource.ResourceVersion, expectedResourceVersion);
        }
        return found;
    }

    private (long Id, StoredResource Resource)? Find(ResourceKey key)
    {
        var select = Command("find", $"SELECT id, {Columns} FROM resources r WHERE kind = $kind AND project = $project AND name = $name");
        select.Parameters["$kind"].Value = key.Kind;
        select.Parameters["$project"].Value = key.Project;
        select.Parameters["$name"].Value = key.Name;
        using var reader = select.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }
        return (reader.GetInt64(0), SqliteResourceStore.ReadResource(reader, 1));
    }

    private void Replace(long id, StoredResource resource)
    {
        var update = Command("replace", """
            UPDATE resources SET api_version = $api, resource_version = $rv, generation = $gen, labels = $labels,
                annotations = $annotations, deleted_ms = $deleted, spec = $spec, status = $status
            WHERE id = $id
            """);
        Bind(update, resource);
        update.Parameters["$id"].Value = id;
        update.ExecuteNonQuery();
    }

    private static void Bind(SqliteCommand command, StoredResource resource)
    {
        var p = command.Parameters;
        Set(p, "$kind", resource.Key.Kind);
        Set(p, "$project", resource.Key.Project);
        Set(p, "$name", resource.Key.Name);
        Set(p, "$api", resource.ApiVersion);
        Set(p, "$uid", resource.Uid);
        Set(p, "$rv", resource.ResourceVersion);
        Set(p, "$gen", resource.Generation);
        Set(p, "$labels", ResourceJson.WriteMap(resource.Labels));
        Set(p, "$annotations", ResourceJson.WriteMap(resource.Annotations));
        Set(p, "$created", resource.CreationTimestamp.ToUnixTimeMilliseconds());
        Set(p, "$deleted", resource.DeletionTimestamp?.ToUnixTimeMilliseconds());
        Set(p, "$spec", ResourceJson.WriteElement(resource.Spec));
        Set(p, "$status", resource.Status is { } status ? ResourceJson.WriteElement(status) : null);
    }

    private static void Set(SqliteParameterCollection parameters, string name, object? value)
    {
        if (parameters.Contains(name))
        {
            parameters[name].Value = value ?? DBNull.Value;
        }
    }

    private void WriteLabels(long id, StoredResource resource)
    {
        if (resource.Labels.Count == 0)
        {
            return;
        }
        var insert = Command("insertLabel", "INSERT INTO resource_labels (resource_id, kind, project, key, value) VALUES ($id, $kind, $project, $key, $value)");
        insert.Parameters["$id"].Value = id;
        insert.Parameters["$kind"].Value = resource.Key.Kind;
        insert.Parameters["$project"].Value = resource.Key.Project;
        foreach (var (key, value) in resource.Labels)
        {
            insert.Parameters["$key"].Value = key;
            insert.Parameters["$value"].Value = value;
            insert.ExecuteNonQuery();
        }
    }

    private void AppendChange(ChangeType type, StoredResource resource)
    {
        var insert = Command("change", "INSERT INTO changes (version, type, kind, project, object) VALUES ($v, $type, $kind, $project, $object)");
        insert.Parameters["$v"].Value = resource.ResourceVersion;
        insert.Parameters["$type"].Value = (int)type;
        insert.Parameters["$kind"].Value = resource.Key.Kind;
        insert.Parameters["$project"].Value = resource.Key.Project;
        insert.Parameters["$object"].Value = ResourceJson.WriteResource(resource);
        insert.ExecuteNonQuery();
        Changes++;
    }

    private long NextVersion()
    {
        if (_version < 0)
        {
            var read = Command("readVersion", "SELECT value FROM counters WHERE name = 'resource_version'");
            _version = (long)read.ExecuteScalar()!;
        }
        return ++_version;
    }

    private static IReadOnlyDictionary<string, string> Copy(IReadOnlyDictionary<string, string> map) =>
        map.Count == 0 ? EmptyMap.Instance : new Dictionary<string, string>(map, StringComparer.Ordinal);

    private static IEnumerable<string> ParameterNames(string sql)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < sql.Length; i++)
        {
            if (sql[i] != '$')
            {
                continue;
            }
            var end = i + 1;
            while (end < sql.Length && (char.IsAsciiLetterOrDigit(sql[end]) || sql[end] == '_'))
            {
                end++;
            }
            if (end > i + 1 && seen.Add(sql[i..end]))
            {
                yield return sql[i..end];
            }
            i = end - 1;
        }
    }
}
