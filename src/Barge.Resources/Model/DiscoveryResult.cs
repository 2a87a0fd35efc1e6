namespace Barge.Resources.Model;

/// <summary>Artifacts found for one custom subscription.</summary>
public sealed record DiscoveryResult
{
    /// <summary>The subscription's name.</summary>
    public string? Name { get; init; }

    /// <summary>The artifacts, newest first.</summary>
    public List<ArtifactReference>? ArtifactReferences { get; init; }
}
