namespace Barge.Resources.Model;

/// <summary>A cluster-wide <see cref="AnalysisTemplate"/>, usable from every project.</summary>
public sealed record ClusterAnalysisTemplate : Resource
{
    public ClusterAnalysisTemplate()
    {
        ApiVersion = ArgoApi.Version;
        Kind = "ClusterAnalysisTemplate";
    }

    /// <summary>The template's arguments and metrics.</summary>
    public AnalysisTemplateSpec? Spec { get; init; }
}
