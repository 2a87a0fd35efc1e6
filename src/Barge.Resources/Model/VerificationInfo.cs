namespace Barge.Resources.Model;

/// <summary>One verification attempt.</summary>
public sealed record VerificationInfo
{
    /// <summary>A UUID.</summary>
    public string? Id { get; init; }

    /// <summary>Who started it.</summary>
    public string? Actor { get; init; }

    /// <summary>When it started.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>The verification phase.</summary>
    public VerificationPhase? Phase { get; init; }

    /// <summary>A message.</summary>
    public string? Message { get; init; }

    /// <summary>The analysis run.</summary>
    public AnalysisRunReference? AnalysisRun { get; init; }

    /// <summary>When it finished.</summary>
    public DateTimeOffset? FinishTime { get; init; }
}
