namespace Barge.Resources.Model;

/// <summary>Verification of Freight in a Stage.</summary>
public sealed record VerifiedStage
{
    /// <summary>When it was verified.</summary>
    public DateTimeOffset? VerifiedAt { get; init; }

    /// <summary>The longest completed soak in that Stage (Go duration), recorded when the Freight left it.</summary>
    public string? LongestSoak { get; init; }
}
