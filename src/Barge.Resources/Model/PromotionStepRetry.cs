namespace Barge.Resources.Model;

/// <summary>How a step is retried.</summary>
public sealed record PromotionStepRetry
{
    /// <summary>A soft limit on the step's total running time (Go duration). Default: the step's default, else no timeout.</summary>
    public string? Timeout { get; init; }

    /// <summary>Consecutive errors after which the step gives up. Default: the step's default, else 1.</summary>
    public uint ErrorThreshold { get; init; }
}
