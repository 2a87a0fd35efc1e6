namespace Barge.Resources.Model;

/// <summary>Metadata for analysis runs.</summary>
public sealed record AnalysisRunMetadata
{
    /// <summary>Labels.</summary>
    public Dictionary<string, string>? Labels { get; init; }

    /// <summary>Annotations.</summary>
    public Dictionary<string, string>? Annotations { get; init; }
}
