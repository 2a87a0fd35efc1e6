using Barge.Resources.Durations;
using Barge.Resources.Model;

namespace Barge.Engine.Verification;

/// <summary>
/// Argo Rollouts' rules for a metric and a run, as pure functions: when the next measurement is due,
/// how a measurement changes the tallies and the metric's phase (failure, inconclusive and consecutive
/// error limits, then the count), and the run's phase (the worst finished metric, else Running until
/// every metric succeeded).
/// </summary>
internal static class MetricAssessment
{
    public const int DefaultConsecutiveErrorLimit = 4;

    /// <summary>How many measurements the metric takes; null for no limit (an interval without a count).</summary>
    public static int? EffectiveCount(AnalysisMetric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric.Count is > 0 ? metric.Count : string.IsNullOrEmpty(metric.Interval) ? 1 : null;
    }

    /// <summary>When the metric's next measurement is due; null once the metric finished.</summary>
    public static DateTimeOffset? NextDue(AnalysisMetric metric, MetricResult result, DateTimeOffset runStartedAt)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Phase != VerificationPhase.Running)
        {
            return null;
        }
        if (result.Measurements is not [.., var last])
        {
            return runStartedAt + (GoDuration.TryParse(metric.InitialDelay, out var delay) ? delay : TimeSpan.Zero);
        }
        return last.FinishedAt + (GoDuration.TryParse(metric.Interval, out var interval) ? interval : TimeSpan.Zero);
    }

    /// <summary>The metric's result after <paramref name="measurement"/>: tallies, phase, and the newest measurements kept.</summary>
    public static MetricResult Record(AnalysisMetric metric, MetricResult result, Measurement measurement)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(measurement);
        var error = measurement.Phase == VerificationPhase.Error;
        var updated = result with
        {
            Count = result.Count + 1,
            Successful = result.Successful + (measurement.Phase == VerificationPhase.Successful ? 1 : 0),
            Failed = result.Failed + (measurement.Phase == VerificationPhase.Failed ? 1 : 0),
            Inconclusive = result.Inconclusive + (measurement.Phase == VerificationPhase.Inconclusive ? 1 : 0),
            Error = result.Error + (error ? 1 : 0),
            ConsecutiveError = error ? result.ConsecutiveError + 1 : 0,
            Measurements = [.. result.Measurements.TakeLast(MetricResult.MaxMeasurements - 1), measurement],
        };
        var (phase, message) = Assess(metric, updated);
        return updated with { Phase = phase, Message = message ?? measurement.Message };
    }

    /// <summary>The run's phase from its metrics: the worst finished one if any failed, errored or was inconclusive.</summary>
    public static VerificationPhase RunPhase(IReadOnlyList<MetricResult> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        if (metrics.Any(m => m.Phase == VerificationPhase.Failed))
        {
            return VerificationPhase.Failed;
        }
        if (metrics.Any(m => m.Phase == VerificationPhase.Error))
        {
            return VerificationPhase.Error;
        }
        if (metrics.Any(m => m.Phase == VerificationPhase.Inconclusive))
        {
            return VerificationPhase.Inconclusive;
        }
        return metrics.Count > 0 && metrics.All(m => m.Phase == VerificationPhase.Successful) ? VerificationPhase.Successful : VerificationPhase.Running;
    }

    private static (VerificationPhase Phase, string? Message) Assess(AnalysisMetric metric, MetricResult result)
    {
        var failureLimit = metric.FailureLimit ?? 0;
        if (failureLimit >= 0 && result.Failed > failureLimit)
        {
            return (VerificationPhase.Failed, $"metric \"{result.Name}\" assessed Failed: failed ({result.Failed}) > failureLimit ({failureLimit})");
        }
        var inconclusiveLimit = metric.InconclusiveLimit ?? 0;
        if (result.Inconclusive > inconclusiveLimit)
        {
            return (VerificationPhase.Inconclusive, $"metric \"{result.Name}\" assessed Inconclusive: inconclusive ({result.Inconclusive}) > inconclusiveLimit ({inconclusiveLimit})");
        }
        var errorLimit = metric.ConsecutiveErrorLimit ?? DefaultConsecutiveErrorLimit;
        if (result.ConsecutiveError > errorLimit)
        {
            return (VerificationPhase.Error, $"metric \"{result.Name}\" assessed Error: consecutiveErrors ({result.ConsecutiveError}) > consecutiveErrorLimit ({errorLimit})");
        }
        return EffectiveCount(metric) is { } count && result.Count >= count ? (VerificationPhase.Successful, null) : (VerificationPhase.Running, null);
    }
}
