namespace Barge.Resources.Model;

/// <summary>Manual approval of Freight for a Stage.</summary>
public sealed record ApprovedStage
{
    /// <summary>When it was approved.</summary>
    public DateTimeOffset? ApprovedAt { get; init; }
}
