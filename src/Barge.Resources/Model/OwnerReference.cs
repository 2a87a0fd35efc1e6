namespace Barge.Resources.Model;

/// <summary>A reference to an owning object, as Kubernetes' <c>metav1.OwnerReference</c>.</summary>
public sealed record OwnerReference
{
    /// <summary>The owner's API version, e.g. <c>kargo.akuity.io/v1alpha1</c>.</summary>
    public string? ApiVersion { get; init; }

    /// <summary>The owner's kind.</summary>
    public string? Kind { get; init; }

    /// <summary>The owner's name.</summary>
    public string? Name { get; init; }

    /// <summary>The owner's uid.</summary>
    public string? Uid { get; init; }

    /// <summary>True when this owner is the managing controller. Default: false.</summary>
    public bool? Controller { get; init; }

    /// <summary>True when the owner cannot be deleted before this object. Default: false.</summary>
    public bool? BlockOwnerDeletion { get; init; }
}
