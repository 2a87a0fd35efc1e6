namespace Barge.Resources.Model;

/// <summary>A Kubernetes v1 Secret, namespaced by project: credentials for repositories and steps.</summary>
public sealed record Secret : Resource
{
    public Secret()
    {
        ApiVersion = KargoApi.CoreVersion;
        Kind = "Secret";
    }

    /// <summary>The Secret type. Default: <c>Opaque</c>.</summary>
    public string? Type { get; init; }

    /// <summary>Values, base64-encoded.</summary>
    public Dictionary<string, string>? Data { get; init; }

    /// <summary>Plain-text values, merged into <see cref="Data"/> on write.</summary>
    public Dictionary<string, string>? StringData { get; init; }

    /// <summary>Whether the data may no longer change. Default: false.</summary>
    public bool? Immutable { get; init; }
}
