using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Barge.Resources.Model;

namespace Barge.Resources.Serialization;

/// <summary>
/// JSON and YAML forms of resources. JSON uses Kargo's field names and omits unset fields as
/// Kubernetes does; YAML output reads back to the same object. Reading JSON is strict: an unknown
/// field is an error. Manifests written by people are read with <see cref="Manifests.ManifestReader"/>,
/// which reports positioned errors; this class is for JSON the system wrote (the store, the API).
/// </summary>
public static class ResourceSerializer
{
    /// <summary>The resource as compact (or indented) JSON.</summary>
    public static string ToJson(Resource resource, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return JsonSerializer.Serialize(resource, resource.GetType(), indented ? ResourceJson.IndentedOptions : ResourceJson.Options);
    }

    /// <summary>The resource as UTF-8 JSON bytes.</summary>
    public static byte[] ToJsonUtf8(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return JsonSerializer.SerializeToUtf8Bytes(resource, resource.GetType(), ResourceJson.Options);
    }

    /// <summary>The resource as a JSON tree.</summary>
    public static JsonObject ToJsonNode(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return JsonSerializer.SerializeToNode(resource, resource.GetType(), ResourceJson.Options)!.AsObject();
    }

    /// <summary>Any model value (a spec, a status) as a JSON tree, with the resource naming rules.</summary>
    public static JsonNode? ToJsonNode<T>(T value) => JsonSerializer.SerializeToNode(value, ResourceJson.Options);

    /// <summary>A model value (a spec, a status) from JSON, strictly.</summary>
    public static T? FromJson<T>(string json) => JsonSerializer.Deserialize<T>(json, ResourceJson.Options);

    /// <summary>The resource as one YAML document.</summary>
    public static string ToYaml(Resource resource) => YamlWriter.ToText(ToJsonNode(resource));

    /// <summary>Several resources as a multi-document YAML stream separated by <c>---</c>.</summary>
    public static string ToYaml(IEnumerable<Resource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var text = new StringBuilder();
        foreach (var resource in resources)
        {
            if (text.Length > 0)
            {
                text.Append("---\n");
            }
            text.Append(ToYaml(resource));
        }
        return text.ToString();
    }

    /// <summary>A resource from JSON; the concrete type follows its <c>kind</c>.</summary>
    /// <exception cref="JsonException">The JSON is malformed, names an unsupported kind, or does not fit the kind's schema.</exception>
    public static Resource FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = ResourceJson.MaxDepth });
        return FromJson(document.RootElement);
    }

    /// <summary>A resource from UTF-8 JSON; the concrete type follows its <c>kind</c>.</summary>
    /// <exception cref="JsonException">As <see cref="FromJson(string)"/>.</exception>
    public static Resource FromJsonUtf8(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = ResourceJson.MaxDepth });
        using var document = JsonDocument.ParseValue(ref reader);
        return FromJson(document.RootElement);
    }

    private static Resource FromJson(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("kind", out var kindElement) || kindElement.ValueKind != JsonValueKind.String)
        {
            throw new JsonException("a resource must be a JSON object with a string \"kind\"");
        }
        var kindName = kindElement.GetString()!;
        var kind = ResourceKinds.Find(kindName)
            ?? throw new JsonException(string.Create(CultureInfo.InvariantCulture, $"unsupported kind \"{kindName}\""));
        return (Resource)root.Deserialize(kind.ClrType, ResourceJson.Options)!;
    }
}
