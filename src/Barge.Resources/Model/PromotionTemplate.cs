namespace Barge.Resources.Model;

/// <summary>The template Promotions into a Stage are built from.</summary>
public sealed record PromotionTemplate
{
    /// <summary>The template's content.</summary>
    public PromotionTemplateSpec? Spec { get; init; }
}
