using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Barge.Storage.Sqlite;

/// <summary>
/// The JSON text the SQLite store keeps: label and annotation maps, spec and status, and whole
/// resources in the change table (so a watch replays the object as it was at that version).
/// </summary>
internal static class ResourceJson
{
    public static string WriteMap(IReadOnlyDictionary<string, string> map)
    {
        if (map.Count == 0)
        {
            return "{}";
        }
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteMap(writer, map);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads a flat string map straight from UTF-8, without building a document.</summary>
    public static IReadOnlyDictionary<string, string> ReadMap(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length <= 2)
        {
            return EmptyMap.Instance;
        }
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(utf8);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            map[key] = reader.GetString() ?? "";
        }
        return map;
    }

    public static string WriteElement(JsonElement element) => element.GetRawText();

    /// <summary>An element backed by its own copy of the UTF-8 (nothing pooled to dispose).</summary>
    public static JsonElement ReadElement(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        return JsonElement.ParseValue(ref reader);
    }

    public static JsonElement ReadElement(string json) => ReadElement(Encoding.UTF8.GetBytes(json));

    public static string WriteResource(StoredResource resource)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", resource.Key.Kind);
            writer.WriteString("project", resource.Key.Project);
            writer.WriteString("name", resource.Key.Name);
            writer.WriteString("apiVersion", resource.ApiVersion);
            writer.WriteString("uid", resource.Uid);
            writer.WriteNumber("resourceVersion", resource.ResourceVersion);
            writer.WriteNumber("generation", resource.Generation);
            writer.WritePropertyName("labels");
            WriteMap(writer, resource.Labels);
            writer.WritePropertyName("annotations");
            WriteMap(writer, resource.Annotations);
            writer.WriteNumber("creationMs", resource.CreationTimestamp.ToUnixTimeMilliseconds());
            if (resource.DeletionTimestamp is { } deleted)
            {
                writer.WriteNumber("deletionMs", deleted.ToUnixTimeMilliseconds());
            }
            writer.WritePropertyName("spec");
            resource.Spec.WriteTo(writer);
            if (resource.Status is { } status)
            {
                writer.WritePropertyName("status");
                status.WriteTo(writer);
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static StoredResource ReadResource(ReadOnlySpan<byte> utf8)
    {
        // Spec and status stay backed by this element's own (unpooled) copy: no clone needed.
        var root = ReadElement(utf8);
        return new StoredResource(
            new ResourceKey(root.GetProperty("kind").GetString()!, root.GetProperty("project").GetString()!, root.GetProperty("name").GetString()!),
            root.GetProperty("apiVersion").GetString()!,
            root.GetProperty("uid").GetString()!,
            root.GetProperty("resourceVersion").GetInt64(),
            root.GetProperty("generation").GetInt64(),
            ReadMap(root.GetProperty("labels")),
            ReadMap(root.GetProperty("annotations")),
            DateTimeOffset.FromUnixTimeMilliseconds(root.GetProperty("creationMs").GetInt64()),
            root.TryGetProperty("deletionMs", out var deleted) ? DateTimeOffset.FromUnixTimeMilliseconds(deleted.GetInt64()) : null,
            root.GetProperty("spec"),
            root.TryGetProperty("status", out var status) ? status : null);
    }

    public static bool MapsEqual(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }
        foreach (var (key, value) in a)
        {
            if (!b.TryGetValue(key, out var other) || other != value)
            {
                return false;
            }
        }
        return true;
    }

    private static void WriteMap(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> map)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.WriteString(key, value);
        }
        writer.WriteEndObject();
    }

    private static Dictionary<string, string> ReadMap(JsonElement element)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            map[property.Name] = property.Value.GetString() ?? "";
        }
        return map;
    }
}
