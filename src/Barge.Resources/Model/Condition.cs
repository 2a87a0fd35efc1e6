namespace Barge.Resources.Model;

/// <summary>A status condition, as Kubernetes' <c>metav1.Condition</c>; lists are keyed by <see cref="Type"/>.</summary>
public sealed record Condition
{
    /// <summary>The condition type, e.g. <c>Ready</c>, <c>Healthy</c>, <c>Reconciling</c>.</summary>
    public string? Type { get; init; }

    /// <summary><c>True</c>, <c>False</c> or <c>Unknown</c>.</summary>
    public string? Status { get; init; }

    /// <summary>The object generation the condition was computed from.</summary>
    public long ObservedGeneration { get; init; }

    /// <summary>When the status last changed.</summary>
    public DateTimeOffset? LastTransitionTime { get; init; }

    /// <summary>A CamelCase machine-readable reason.</summary>
    public string? Reason { get; init; }

    /// <summary>A human-readable message.</summary>
    public string? Message { get; init; }
}
