using System.Text.Json;
using System.Text.Json.Serialization;

namespace Barge.Resources.Model;

/// <summary>The source of a metric's measurements.</summary>
public sealed record AnalysisProvider
{
    /// <summary>An HTTP request whose JSON response is the measurement.</summary>
    public WebMetric? Web { get; init; }

    /// <summary>Other providers (prometheus, job, datadog…), which Barge does not support; validation rejects each.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unsupported { get; init; }
}
