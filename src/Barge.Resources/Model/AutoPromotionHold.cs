namespace Barge.Resources.Model;

/// <summary>A hold on auto-promotion for one origin.</summary>
public sealed record AutoPromotionHold
{
    /// <summary>The Freight held at.</summary>
    public string? FreightName { get; init; }

    /// <summary>The origin held.</summary>
    public FreightOrigin? Origin { get; init; }

    /// <summary>The Promotion that set the hold.</summary>
    public string? PromotionName { get; init; }

    /// <summary>Who set it.</summary>
    public string? Actor { get; init; }

    /// <summary>When it was set.</summary>
    public DateTimeOffset? CreatedAt { get; init; }
}
