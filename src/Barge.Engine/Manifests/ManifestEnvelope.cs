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
        ArgumentNullException.ThrowIfNull(resource);
        var metadata = new JsonObject { ["name"] = resource.Key.Name };
        if (!resource.Key.IsClusterScoped)
        {
            metadata["namespace"] = resource.Key.Project;
        }
        metadata["uid"] = resource.Uid;
        metadata["resourceVersion"] = resource.ResourceVersion.ToString(CultureInfo.InvariantCulture);
        metadata["generation"] = resource.Generation;
        metadata["creationTimestamp"] = Timestamp(resource.CreationTimestamp);
        if (resource.DeletionTimestamp is { } deleted)
        {
            metadata["deletionTimestamp"] = Timestamp(deleted);
        }
        if (resource.Labels.Count > 0)
        {
            metadata["labels"] = Map(resource.Labels);
        }
        if (resource.Annotations.Count > 0)
        {
            metadata["annotations"] = Map(resource.Annotations);
        }
        var manifest = new JsonObject
        {
            ["apiVersion"] = resource.ApiVersion,
            ["kind"] = resource.Key.Kind,
            ["metadata"] = metadata,
        };
        var spec = resource.Spec.ValueKind == JsonValueKind.Object ? JsonObject.Create(resource.Spec) : null;
        if (HasTopLevelPayload(resource.Key.Kind))
        {
            foreach (var (name, value) in spec ?? new JsonObject())
            {
                manifest[name] = value?.DeepClone();
            }
        }
        else
        {
            manifest["spec"] = spec?.DeepClone() ?? new JsonObject();
        }
        if (resource.Status is { ValueKind: JsonValueKind.Object } status)
        {
            manifest["status"] = JsonNode.Parse(status.GetRawText());
        }
        return manifest;
    }

    /// <summary>Kubernetes' timestamp form: RFC 3339 in UTC, whole seconds.</summary>
    public static string Timestamp(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static JsonObject Map(IReadOnlyDictionary<string, string> map)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            obj[key] = value;
        }
        return obj;
    }
}
