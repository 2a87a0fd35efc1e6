namespace Barge.Resources.Model;

/// <summary>Variables and steps of a (Cluster)PromotionTask.</summary>
public sealed record PromotionTaskSpec
{
    /// <summary>Task variables; a variable with an empty value is required from the caller.</summary>
    public List<ExpressionVariable>? Vars { get; init; }

    /// <summary>The steps; at least one, each with <c>uses</c> (tasks do not nest).</summary>
    public List<PromotionStep>? Steps { get; init; }
}
