namespace Barge.Resources.Model;

/// <summary>How auto-promotion picks Freight.</summary>
public sealed record AutoPromotionOptions
{
    /// <summary>Default: <c>NewestFreight</c>.</summary>
    public AutoPromotionSelectionPolicy? SelectionPolicy { get; init; }
}
