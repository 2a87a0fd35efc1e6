namespace Barge.Resources.Model;

/// <summary>A reference to an analysis run.</summary>
public sealed record AnalysisRunReference
{
    /// <summary>Its namespace.</summary>
    public string? Namespace { get; init; }

    /// <summary>Its name.</summary>
    public string? Name { get; init; }

    /// <summary>Its phase.</summary>
    public string? Phase { get; init; }
}
