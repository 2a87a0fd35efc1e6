namespace Barge.Resources.Model;

/// <summary>A reference to a Promotion in Stage status.</summary>
public sealed record PromotionReference
{
    /// <summary>The Promotion's name.</summary>
    public string? Name { get; init; }

    /// <summary>The Freight it moves.</summary>
    public FreightReference? Freight { get; init; }

    /// <summary>A copy of the Promotion's status (last promotion only).</summary>
    public PromotionStatus? Status { get; init; }

    /// <summary>When it finished.</summary>
    public DateTimeOffset? FinishedAt { get; init; }
}
