using System.Text.Json;
using System.Text.Json.Serialization;

namespace Barge.Resources.Model;

/// <summary>One measurement of an analysis template, taken <see cref="Count"/> times every <see cref="Interval"/>.</summary>
public sealed record AnalysisMetric
{
    /// <summary>The metric's name, unique in the template.</summary>
    public string? Name { get; init; }

    /// <summary>Time between measurements (Go duration). Default: none, which with no count means one measurement.</summary>
    public string? Interval { get; init; }

    /// <summary>How many measurements to take. Default: 1 without an interval, unlimited with one (as Argo).</summary>
    public int? Count { get; init; }

    /// <summary>Wait before the first measurement (Go duration). Default: none.</summary>
    public string? InitialDelay { get; init; }

    /// <summary>An expression over <c>result</c> that makes a measurement Successful.</summary>
    public string? SuccessCondition { get; init; }

    /// <summary>An expression over <c>result</c> that makes a measurement Failed.</summary>
    public string? FailureCondition { get; init; }

    /// <summary>Failed measurements tolerated before the metric fails. Default: 0.</summary>
    public int? FailureLimit { get; init; }

    /// <summary>Inconclusive measurements tolerated before the metric is Inconclusive. Default: 0.</summary>
    public int? InconclusiveLimit { get; init; }

    /// <summary>Consecutive measurement errors tolerated before the metric errors. Default: 4.</summary>
    public int? ConsecutiveErrorLimit { get; init; }

    /// <summary>Where the measurement comes from; Barge supports <c>web</c> only.</summary>
    public AnalysisProvider? Provider { get; init; }

    /// <summary>Fields of Argo's schema Barge does not support; validation rejects each.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unsupported { get; init; }
}
