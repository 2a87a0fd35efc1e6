using Barge.Resources.Model;

namespace Barge.Engine.Verification;

/// <summary>A metric's tallies as Argo Rollouts keeps them, and its newest measurements (at most <see cref="MaxMeasurements"/>).</summary>
internal sealed record MetricResult(string Name)
{
    public const int MaxMeasurements = 10;

    public VerificationPhase Phase { get; init; } = VerificationPhase.Running;

    public int Count { get; init; }

    public int Successful { get; init; }

    public int Failed { get; init; }

    public int Inconclusive { get; init; }

    public int Error { get; init; }

    public int ConsecutiveError { get; init; }

    public string? Message { get; init; }

    /// <summary>The newest measurements, oldest first.</summary>
    public IReadOnlyList<Measurement> Measurements { get; init; } = [];
}
