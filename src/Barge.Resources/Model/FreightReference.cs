namespace Barge.Resources.Model;

/// <summary>A reference to a piece of Freight and its artifacts, as stored in Stage and Promotion status.</summary>
public sealed record FreightReference
{
    /// <summary>The Freight's name (ID).</summary>
    public string? Name { get; init; }

    /// <summary>Where the Freight came from.</summary>
    public FreightOrigin? Origin { get; init; }

    /// <summary>The Freight's commits.</summary>
    public List<GitCommit>? Commits { get; init; }

    /// <summary>The Freight's images.</summary>
    public List<Image>? Images { get; init; }

    /// <summary>The Freight's charts.</summary>
    public List<Chart>? Charts { get; init; }

    /// <summary>The Freight's generic artifacts.</summary>
    public List<ArtifactReference>? Artifacts { get; init; }
}
