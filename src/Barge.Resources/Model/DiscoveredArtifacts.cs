namespace Barge.Resources.Model;

/// <summary>What a Warehouse's last discovery found; every list is newest first.</summary>
public sealed record DiscoveredArtifacts
{
    /// <summary>When discovery ran.</summary>
    public DateTimeOffset? DiscoveredAt { get; init; }

    /// <summary>Per git subscription.</summary>
    public List<GitDiscoveryResult>? Git { get; init; }

    /// <summary>Per image subscription.</summary>
    public List<ImageDiscoveryResult>? Images { get; init; }

    /// <summary>Per chart subscription.</summary>
    public List<ChartDiscoveryResult>? Charts { get; init; }

    /// <summary>Per custom subscription.</summary>
    public List<DiscoveryResult>? Results { get; init; }
}
