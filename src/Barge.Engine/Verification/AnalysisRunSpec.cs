using Barge.Resources.Model;

namespace Barge.Engine.Verification;

/// <summary>
/// The stored spec of an analysis run (kind <see cref="AnalysisRuns.Kind"/>): the metrics of the Stage's
/// templates with <c>{{args.x}}</c> already substituted, so a restart measures exactly what was started.
/// </summary>
/// <param name="Stage">The Stage verified.</param>
/// <param name="FreightCollection">The ID of the Freight collection verified.</param>
/// <param name="VerificationId">The verification attempt that started the run.</param>
/// <param name="Metrics">The resolved metrics.</param>
internal sealed record AnalysisRunSpec(string Stage, string FreightCollection, string VerificationId, IReadOnlyList<AnalysisMetric> Metrics)
{
    /// <summary>The resolved arguments, for people reading the run.</summary>
    public IReadOnlyDictionary<string, string>? Args { get; init; }
}
