namespace Barge.Resources.Model;

/// <summary>A reference from a step to a PromotionTask or ClusterPromotionTask.</summary>
public sealed record PromotionTaskReference
{
    /// <summary>The task's name.</summary>
    public string? Name { get; init; }

    /// <summary>The task's kind. Default: <c>PromotionTask</c>.</summary>
    public PromotionTaskKind? Kind { get; init; }
}
