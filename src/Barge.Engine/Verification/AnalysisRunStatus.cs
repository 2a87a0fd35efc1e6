using Barge.Resources.Model;

namespace Barge.Engine.Verification;

/// <summary>The stored state of an analysis run: its phase and, per metric, the measurements taken so far.</summary>
internal sealed record AnalysisRunStatus
{
    public VerificationPhase Phase { get; init; } = VerificationPhase.Running;

    public string? Message { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public IReadOnlyList<MetricResult> MetricResults { get; init; } = [];
}
