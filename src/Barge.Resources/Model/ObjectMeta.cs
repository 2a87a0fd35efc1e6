namespace Barge.Resources.Model;

/// <summary>
/// Standard object metadata, as Kubernetes' <c>metav1.ObjectMeta</c> (the subset Barge keeps).
/// </summary>
public sealed record ObjectMeta
{
    /// <summary>The object's name, unique per kind within its project. For Freight it is the Freight ID.</summary>
    public string? Name { get; init; }

    /// <summary>The project (Kubernetes namespace) of a namespaced object; absent for cluster-scoped kinds.</summary>
    public string? Namespace { get; init; }

    /// <summary>Unique identifier assigned by the store on create; never reused.</summary>
    public string? Uid { get; init; }

    /// <summary>Store-wide version of the last write to this object, used for compare-and-swap updates.</summary>
    public string? ResourceVersion { get; init; }

    /// <summary>Incremented by the store on each change of the object's desired state (not its status). Starts at 1.</summary>
    public long Generation { get; init; }

    /// <summary>Key/value labels used for selection. Default: none.</summary>
    public Dictionary<string, string>? Labels { get; init; }

    /// <summary>Key/value annotations (non-identifying metadata). Default: none.</summary>
    public Dictionary<string, string>? Annotations { get; init; }

    /// <summary>When the store created the object (UTC).</summary>
    public DateTimeOffset? CreationTimestamp { get; init; }

    /// <summary>When deletion was requested, while finalizers still hold the object.</summary>
    public DateTimeOffset? DeletionTimestamp { get; init; }

    /// <summary>Names of finalizers that must be removed before the object is deleted.</summary>
    public List<string>? Finalizers { get; init; }

    /// <summary>Objects that own this one (a Promotion is owned by its Stage).</summary>
    public List<OwnerReference>? OwnerReferences { get; init; }
}
