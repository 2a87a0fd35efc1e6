namespace Barge.Resources.Model;

/// <summary>A reference to an analysis template.</summary>
public sealed record AnalysisTemplateReference
{
    /// <summary>The template's name.</summary>
    public string? Name { get; init; }

    /// <summary><c>AnalysisTemplate</c> or <c>ClusterAnalysisTemplate</c>. Default: <c>AnalysisTemplate</c>.</summary>
    public AnalysisTemplateKind? Kind { get; init; }
}
