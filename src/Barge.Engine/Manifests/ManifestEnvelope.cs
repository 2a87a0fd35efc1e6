using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Barge.Storage;

namespace Barge.Engine.Manifests;

/// <summary>
/// The mapping between a Kargo manifest (<c>apiVersion/kind/metadata/spec/status</c>) and the store's
/// envelope. Kinds with a <c>spec</c> keep it as the envelope's spec; kinds whose payload is top-level
/// (Freight, Secret, ConfigMap, and Project, which has nothing) keep every top-level field other than
/// apiVersion, kind, metadata and status as the envelope's spec, so field filters read
/// <c>spec.origin.name</c> for Freight as <c>spec.stage</c> for a Promotion.
/// </summary>
public static class ManifestEnvelope
{
    private static readonly HashSet<string> TopLevelPayloadKinds = new(StringComparer.Ordinal) { "Freight", "Secret", "ConfigMap", "Project" };

    private static readonly HashSet<string> EnvelopeFields = new(StringComparer.Ordinal) { "apiVersion", "kind", "metadata", "status" };

    /// <summary>True when the kind keeps its payload at the top level instead of under <c>spec</c>.</summary>
    public static bool HasTopLevelPayload(string kind) => TopLevelPayloadKinds.Contains(kind);

    /// <summary>The envelope spec of a manifest: its <c>spec</c>, or its top-level payload.</summary>
    public static JsonElement SpecOf(string kind, JsonObject manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (HasTopLevelPayload(kind))
        {
            var payload = new JsonObject();
            foreach (var (name, value) in manifest)
            {
                if (!EnvelopeFields.Contains(name))
                {
                    payload[name] = value?.DeepClone();
                }
            }
            return JsonSerializer.SerializeToElement(payload);
        }
        return manifest["spec"] is JsonObject spec
            ? JsonSerializer.SerializeToElement(spec)
            : JsonSerializer.SerializeToElement(new JsonObject());
    }

    /// <summary>A stored resource as the manifest Kargo's API returns, with metadata filled from the envelope.</summary>
    public static JsonObject ToManifest(StoredResource resource)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteManifest(writer, resource);
        }
        return JsonNode.Parse(buffer.WrittenSpan)!.AsObject();
    }

    /// <summary>
    /// Writes the manifest of a stored resource straight from the envelope (no intermediate tree), so
    /// listing 10,000 Freight as JSON costs one pass: <c>apiVersion, kind, metadata, spec or the
    /// top-level payload, status</c>.
    /// </summary>
    public static void WriteManifest(Utf8JsonWriter writer, StoredResource resource)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(resource);
        writer.WriteStartObject();
        writer.WriteString("apiVersion", resource.ApiVersion);
        writer.WriteString("kind", resource.Key.Kind);
        writer.WriteStartObject("metadata");
        writer.WriteString("name", resource.Key.Name);
        if (!resource.Key.IsClusterScoped)
        {
            writer.WriteString("namespace", resource.Key.Project);
        }
        writer.WriteString("uid", resource.Uid);
        writer.WriteString("resourceVersion", resource.ResourceVersion.ToString(CultureInfo.InvariantCulture));
        writer.WriteNumber("generation", resource.Generation);
        writer.WriteString("creationTimestamp", Timestamp(resource.CreationTimestamp));
        if (resource.DeletionTimestamp is { } deleted)
        {
            writer.WriteString("deletionTimestamp", Timestamp(deleted));
        }
        WriteMap(writer, "labels", resource.Labels);
        WriteMap(writer, "annotations", resource.Annotations);
        writer.WriteEndObject();
        var spec = resource.Spec;
        if (HasTopLevelPayload(resource.Key.Kind))
        {
            if (spec.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in spec.EnumerateObject())
                {
                    if (!EnvelopeFields.Contains(property.Name))
                    {
                        property.WriteTo(writer);
                    }
                }
            }
        }
        else
        {
            writer.WritePropertyName("spec");
            if (spec.ValueKind == JsonValueKind.Object)
            {
                spec.WriteTo(writer);
            }
            else
            {
                writer.WriteStartObject();
                writer.WriteEndObject();
            }
        }
        if (resource.Status is { ValueKind: JsonValueKind.Object } status)
        {
            writer.WritePropertyName("status");
            status.WriteTo(writer);
        }
        writer.WriteEndObject();
    }

    /// <summary>Kubernetes' timestamp form: RFC 3339 in UTC, whole seconds.</summary>
    public static string Timestamp(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void WriteMap(Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, string> map)
    {
        if (map.Count == 0)
        {
            return;
        }
        writer.WriteStartObject(name);
        foreach (var (key, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.WriteString(key, value);
        }
        writer.WriteEndObject();
    }
}
