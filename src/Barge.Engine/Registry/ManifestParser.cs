using System.Globalization;
using System.Text.Json;

namespace Barge.Engine.Registry;

/// <summary>
/// Reads manifests, indexes and image configs from their JSON. Anything that is not what the
/// image specification describes fails with a <see cref="RegistryException"/> naming the object.
/// </summary>
internal static class ManifestParser
{
    public static OciManifest ParseManifest(byte[] body, string? contentType, string digest, string what)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new RegistryException($"{what}: the manifest is not a JSON object");
            }
            var mediaType = String(root, "mediaType");
            if (string.IsNullOrEmpty(mediaType) || !(ManifestMediaTypes.IsIndex(mediaType) || ManifestMediaTypes.IsManifest(mediaType)))
            {
                mediaType = contentType;
            }
            if (string.IsNullOrEmpty(mediaType) || !(ManifestMediaTypes.IsIndex(mediaType) || ManifestMediaTypes.IsManifest(mediaType)))
            {
                // Without a usable media type the shape decides, as the OCI specification allows.
                mediaType = root.TryGetProperty("manifests", out _) ? ManifestMediaTypes.OciIndex
                    : root.TryGetProperty("config", out _) ? ManifestMediaTypes.OciManifest
                    : throw new RegistryException($"{what}: unsupported manifest type \"{contentType ?? "(none)"}\" (Docker v2 and OCI manifests and indexes are supported)");
            }
            var annotations = StringMap(root, "annotations");
            if (ManifestMediaTypes.IsIndex(mediaType))
            {
                var entries = new List<ManifestDescriptor>();
                if (root.TryGetProperty("manifests", out var manifests) && manifests.ValueKind == JsonValueKind.Array)
                {
                    foreach (var entry in manifests.EnumerateArray())
                    {
                        entries.Add(Descriptor(entry, what));
                    }
                }
                return new OciManifest(mediaType, digest, null, entries, annotations);
            }
            if (!root.TryGetProperty("config", out var config) || config.ValueKind != JsonValueKind.Object)
            {
                throw new RegistryException($"{what}: the image manifest has no config descriptor");
            }
            return new OciManifest(mediaType, digest, Descriptor(config, what), [], annotations);
        }
        catch (JsonException e)
        {
            throw new RegistryException($"{what}: the manifest is not valid JSON ({e.Message})", e);
        }
    }

    public static ImageConfig ParseConfig(byte[] body, string what)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new RegistryException($"{what}: the image config is not a JSON object");
            }
            DateTimeOffset? created = null;
            if (String(root, "created") is { Length: > 0 } text)
            {
                created = ParseTime(text) ?? throw new RegistryException($"{what}: the image config's created time \"{text}\" is not RFC 3339");
            }
            var labels = root.TryGetProperty("config", out var inner) && inner.ValueKind == JsonValueKind.Object
                ? StringMap(inner, "Labels")
                : new Dictionary<string, string>();
            return new ImageConfig(created, String(root, "os") ?? string.Empty, String(root, "architecture") ?? string.Empty, String(root, "variant") ?? string.Empty, labels);
        }
        catch (JsonException e)
        {
            throw new RegistryException($"{what}: the image config is not valid JSON ({e.Message})", e);
        }
    }

    /// <summary>RFC 3339 with or without fractional seconds, as Go's time.RFC3339 parse accepts.</summary>
    public static DateTimeOffset? ParseTime(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            && text.Contains('T', StringComparison.Ordinal)
            ? time
            : null;

    private static ManifestDescriptor Descriptor(JsonElement element, string what)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new RegistryException($"{what}: a descriptor is not a JSON object");
        }
        var digest = String(element, "digest");
        if (!ContentDigest.IsValid(digest))
        {
            throw new RegistryException($"{what}: a descriptor has the invalid digest \"{digest}\"");
        }
        var size = element.TryGetProperty("size", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var n) ? n : -1;
        ImagePlatform? platform = null;
        if (element.TryGetProperty("platform", out var p) && p.ValueKind == JsonValueKind.Object)
        {
            platform = new ImagePlatform(String(p, "os") ?? string.Empty, String(p, "architecture") ?? string.Empty, String(p, "variant") ?? string.Empty);
        }
        return new ManifestDescriptor(String(element, "mediaType") ?? string.Empty, digest!, size, StringMap(element, "annotations"), platform);
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Dictionary<string, string> StringMap(JsonElement element, string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in value.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    map[property.Name] = property.Value.GetString()!;
                }
            }
        }
        return map;
    }
}
