using Barge.Resources.Model;

namespace Barge.Engine.Promotion;

/// <summary>The inflated steps of a promotion template, or the problems that prevented inflation.</summary>
internal sealed record InflationResult(IReadOnlyList<PromotionStep> Steps, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
