using System.Text.Json;
using System.Text.Json.Serialization;

namespace Barge.Resources.Model;

/// <summary>
/// One Warehouse subscription: exactly one of <c>git</c>, <c>image</c>, <c>chart</c> or a custom
/// type key, plus an optional <c>name</c> (required for custom types).
/// </summary>
public sealed record RepoSubscription
{
    /// <summary>The subscription's name, unique in the Warehouse. Optional for git/image/chart; it changes the Freight ID.</summary>
    public string? Name { get; init; }

    /// <summary>A git repository subscription.</summary>
    public GitSubscription? Git { get; init; }

    /// <summary>A container image subscription.</summary>
    public ImageSubscription? Image { get; init; }

    /// <summary>A Helm chart subscription.</summary>
    public ChartSubscription? Chart { get; init; }

    /// <summary>Custom subscription types (any other key), kept as raw JSON.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Custom { get; init; }
}
