namespace Barge.Resources.Model;

/// <summary>Health counts.</summary>
public sealed record HealthStats
{
    /// <summary>The number of healthy resources.</summary>
    public long Healthy { get; init; }
}
