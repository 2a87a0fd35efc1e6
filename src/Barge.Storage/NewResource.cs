using System.Text.Json;

namespace Barge.Storage;

/// <summary>
/// What a caller gives to create a resource. The store assigns uid, resourceVersion, generation (1) and
/// creationTimestamp.
/// </summary>
public sealed record NewResource(ResourceKey Key, string ApiVersion, JsonElement Spec)
{
    /// <summary>Labels; empty by default.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = EmptyMap.Instance;

    /// <summary>Annotations; empty by default.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = EmptyMap.Instance;

    /// <summary>An initial status (Kargo's Freight is created with one); none by default.</summary>
    public JsonElement? Status { get; init; }
}
