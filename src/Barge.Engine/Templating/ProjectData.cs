using System.Text;
using System.Text.Json;
using Barge.Expressions;
using Barge.Storage;

namespace Barge.Engine.Templating;

/// <summary>
/// The store reads behind <c>freightMetadata</c>, <c>freightStatus</c>, <c>stageMetadata</c>,
/// <c>configMap</c> and <c>secret</c>. Expression host functions are synchronous, so each read waits
/// on the store (no synchronisation context is involved: engine and CLI run on the thread pool).
/// Freight and Stage status are read fresh each call (a <c>set-metadata</c> step earlier in the same
/// Promotion must be visible); ConfigMaps and Secrets are cached per Promotion run.
/// </summary>
internal sealed class ProjectData(IResourceStore store, string project)
{
    private readonly Dictionary<string, object?> _cache = new(StringComparer.Ordinal);

    public object? FreightStatus(string name) => StatusField("Freight", name, null);

    public object? FreightMetadata(string name) => StatusField("Freight", name, "metadata");

    public object? StageMetadata(string name) => StatusField("Stage", name, "metadata");

    public object? ConfigMap(string name) => Cached("ConfigMap/" + name, () => Data("ConfigMap", name, base64: false));

    public object? Secret(string name) => Cached("Secret/" + name, () => Data("Secret", name, base64: true));

    private object? StatusField(string kind, string name, string? field)
    {
        var stored = Get(kind, name);
        if (stored?.Status is not { ValueKind: JsonValueKind.Object } status)
        {
            return null;
        }
        if (field is null)
        {
            return ExprJson.Parse(status.GetRawText());
        }
        return status.TryGetProperty(field, out var value) ? ExprJson.Parse(value.GetRawText()) : null;
    }

    private Dictionary<string, object?> Data(string kind, string name, bool base64)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        var stored = Get(kind, name);
        if (stored is null || stored.Spec.ValueKind != JsonValueKind.Object)
        {
            return result;
        }
        if (stored.Spec.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in data.EnumerateObject())
            {
                var text = entry.Value.ValueKind == JsonValueKind.String ? entry.Value.GetString()! : entry.Value.GetRawText();
                result[entry.Name] = base64 ? Decode(kind, name, entry.Name, text) : text;
            }
        }
        if (base64 && stored.Spec.TryGetProperty("stringData", out var stringData) && stringData.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in stringData.EnumerateObject())
            {
                result[entry.Name] = entry.Value.ValueKind == JsonValueKind.String ? entry.Value.GetString() : entry.Value.GetRawText();
            }
        }
        return result;
    }

    private static string Decode(string kind, string name, string key, string text)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            // The value is never echoed: it is secret material.
            throw new ExpressionFunctionException($"{kind} \"{name}\": data key \"{key}\" is not valid base64");
        }
    }

    private object? Cached(string key, Func<object?> read)
    {
        if (!_cache.TryGetValue(key, out var value))
        {
            value = read();
            _cache[key] = value;
        }
        return value;
    }

    private StoredResource? Get(string kind, string name) =>
        store.GetAsync(new ResourceKey(kind, project, name)).GetAwaiter().GetResult();
}
