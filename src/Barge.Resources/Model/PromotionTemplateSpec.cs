namespace Barge.Resources.Model;

/// <summary>Variables and steps of a promotion template.</summary>
public sealed record PromotionTemplateSpec
{
    /// <summary>Template variables, evaluated after the Stage's.</summary>
    public List<ExpressionVariable>? Vars { get; init; }

    /// <summary>The steps; at least one.</summary>
    public List<PromotionStep>? Steps { get; init; }
}
