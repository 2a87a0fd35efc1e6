namespace Barge.Resources.Model;

/// <summary>A Kubernetes v1 ConfigMap, namespaced by project.</summary>
public sealed record ConfigMap : Resource
{
    public ConfigMap()
    {
        ApiVersion = KargoApi.CoreVersion;
        Kind = "ConfigMap";
    }

    /// <summary>Text values.</summary>
    public Dictionary<string, string>? Data { get; init; }

    /// <summary>Binary values, base64-encoded.</summary>
    public Dictionary<string, string>? BinaryData { get; init; }

    /// <summary>Whether the data may no longer change. Default: false.</summary>
    public bool? Immutable { get; init; }
}
