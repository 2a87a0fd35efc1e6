namespace Barge.Resources.Model;

/// <summary>A count and how many are healthy.</summary>
public sealed record ResourceStats
{
    /// <summary>The number of resources.</summary>
    public long Count { get; init; }

    /// <summary>Health counts.</summary>
    public HealthStats? Health { get; init; }
}
