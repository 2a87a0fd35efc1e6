namespace Barge.Resources.Model;

/// <summary>How one step ran.</summary>
public sealed record StepExecutionMetadata
{
    /// <summary>The step alias.</summary>
    public string? Alias { get; init; }

    /// <summary>When it started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it finished.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Consecutive errors so far.</summary>
    public uint ErrorCount { get; init; }

    /// <summary>The step status.</summary>
    public StepStatus? Status { get; init; }

    /// <summary>A message.</summary>
    public string? Message { get; init; }

    /// <summary>Whether the step's failure is ignored.</summary>
    public bool ContinueOnError { get; init; }
}
