using System.Text.Json;
using System.Text.Json.Serialization;

namespace Barge.Resources.Model;

/// <summary>
/// An Argo Rollouts analysis template a Stage's <c>spec.verification</c> names: the measurements that
/// verify Freight after a promotion. Barge runs the subset docs/verification.md lists (web metrics) and
/// rejects every other field at apply time.
/// </summary>
public sealed record AnalysisTemplate : Resource
{
    public AnalysisTemplate()
    {
        ApiVersion = ArgoApi.Version;
        Kind = "AnalysisTemplate";
    }

    /// <summary>The template's arguments and metrics.</summary>
    public AnalysisTemplateSpec? Spec { get; init; }
}

/// <summary>The arguments and metrics of an analysis template.</summary>
public sealed record AnalysisTemplateSpec
{
    /// <summary>Arguments, referenced as <c>{{args.name}}</c>; a Stage's <c>verification.args</c> sets their values.</summary>
    public List<AnalysisTemplateArgument>? Args { get; init; }

    /// <summary>The measurements; at least one.</summary>
    public List<AnalysisMetric>? Metrics { get; init; }

    /// <summary>Fields of Argo's schema Barge does not support; validation rejects each.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unsupported { get; init; }
}
