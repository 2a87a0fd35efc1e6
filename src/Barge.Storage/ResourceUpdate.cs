using System.Text.Json;

namespace Barge.Storage;

/// <summary>
/// A replacement of a resource's metadata and spec, accepted only if the stored resourceVersion is still
/// <paramref name="ExpectedResourceVersion"/>. Status is not part of it: status has its own write.
/// The generation is bumped only when <paramref name="Spec"/> differs from the stored spec; an update
/// that changes nothing writes nothing and keeps the resourceVersion.
/// </summary>
public sealed record ResourceUpdate(ResourceKey Key, long ExpectedResourceVersion, string ApiVersion, JsonElement Spec)
{
    /// <summary>The complete new label set (replaces the stored one); empty by default.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = EmptyMap.Instance;

    /// <summary>The complete new annotation set (replaces the stored one); empty by default.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = EmptyMap.Instance;

    /// <summary>
    /// Marks the resource as being deleted. Once set it cannot be cleared again (as in Kubernetes); null
    /// keeps whatever is stored.
    /// </summary>
    public DateTimeOffset? DeletionTimestamp { get; init; }

    /// <summary>An update built from a stored resource, for read-modify-write loops.</summary>
    public static ResourceUpdate From(StoredResource current, JsonElement newSpec)
    {
        ArgumentNullException.ThrowIfNull(current);
        return new ResourceUpdate(current.Key, current.ResourceVersion, current.ApiVersion, newSpec)
        {
            Labels = current.Labels,
            Annotations = current.Annotations,
        };
    }
}
