namespace Barge.Resources.Model;

/// <summary>Selects Stages by name and/or labels (ANDed).</summary>
public sealed record PromotionPolicySelector : LabelSelector
{
    /// <summary>An exact name, or a pattern with prefix <c>regex:</c>/<c>regexp:</c> (RE2) or <c>glob:</c>.</summary>
    public string? Name { get; init; }
}
