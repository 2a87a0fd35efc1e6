using System.Text.Json.Serialization;

namespace Barge.Resources.Model;

/// <summary>
/// The common shape of every document Barge stores: <c>apiVersion</c>, <c>kind</c> and
/// <c>metadata</c>. Concrete kinds add their <c>spec</c>/<c>status</c> (or, for Freight, top-level fields).
/// </summary>
public abstract record Resource
{
    /// <summary>The API group/version, e.g. <c>kargo.akuity.io/v1alpha1</c> or <c>v1</c>.</summary>
    [JsonPropertyOrder(-3)]
    public string ApiVersion { get; init; } = "";

    /// <summary>The kind, e.g. <c>Warehouse</c>.</summary>
    [JsonPropertyOrder(-2)]
    public string Kind { get; init; } = "";

    /// <summary>Object metadata.</summary>
    [JsonPropertyOrder(-1)]
    public ObjectMeta Metadata { get; init; } = new();

    /// <summary>The object's name, or "" when unset.</summary>
    [JsonIgnore]
    public string Name => Metadata.Name ?? "";

    /// <summary>The object's project (namespace), or "" for cluster-scoped objects.</summary>
    [JsonIgnore]
    public string Project => Metadata.Namespace ?? "";
}
