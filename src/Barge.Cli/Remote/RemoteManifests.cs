using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Barge.Engine.Manifests;
using Barge.Storage;

namespace Barge.Cli.Remote;

/// <summary>
/// A manifest from the API back into the store's envelope, so remote mode prints tables and manifests
/// with the same code (and so the same text) as embedded mode.
/// </summary>
internal static class RemoteManifests
{
    public static StoredResource ToStored(JsonObject manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var kind = Text(manifest["kind"]) ?? "";
        var metadata = manifest["metadata"] as JsonObject ?? [];
        var key = new ResourceKey(kind, Text(metadata["namespace"]) ?? "", Text(metadata["name"]) ?? "");
        return new StoredResource(
            key,
            Text(manifest["apiVersion"]) ?? "",
            Text(metadata["uid"]) ?? "",
            long.TryParse(Text(metadata["resourceVersion"]), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : 0,
            metadata["generation"] is JsonValue g && g.TryGetValue<long>(out var generation) ? generation : 0,
            Map(metadata["labels"]),
            Map(metadata["annotations"]),
            Time(metadata["creationTimestamp"]) ?? DateTimeOffset.UnixEpoch,
            Time(metadata["deletionTimestamp"]),
            ManifestEnvelope.SpecOf(kind, manifest),
            manifest["status"] is JsonObject status ? JsonSerializer.SerializeToElement(status) : null);
    }

    /// <summary>The <c>items</c> of a list answer (Kubernetes list, Freight query groups, projects page).</summary>
    public static List<StoredResource> Items(JsonNode? body)
    {
        var items = body?["items"] as JsonArray
            ?? (body?["groups"] as JsonObject)?.Select(g => g.Value?["items"]).OfType<JsonArray>().FirstOrDefault()
            ?? [];
        return [.. items.OfType<JsonObject>().Select(ToStored)];
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static Dictionary<string, string> Map(JsonNode? node) =>
        node is JsonObject map
            ? map.Where(p => Text(p.Value) is not null).ToDictionary(p => p.Key, p => Text(p.Value)!, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    private static DateTimeOffset? Time(JsonNode? node) =>
        Text(node) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}
