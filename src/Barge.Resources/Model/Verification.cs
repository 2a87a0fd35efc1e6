namespace Barge.Resources.Model;

/// <summary>How a Stage's Freight is verified.</summary>
public sealed record Verification
{
    /// <summary>Analysis templates to run.</summary>
    public List<AnalysisTemplateReference>? AnalysisTemplates { get; init; }

    /// <summary>Labels and annotations for the analysis runs.</summary>
    public AnalysisRunMetadata? AnalysisRunMetadata { get; init; }

    /// <summary>Arguments passed to the analysis.</summary>
    public List<AnalysisRunArgument>? Args { get; init; }
}
