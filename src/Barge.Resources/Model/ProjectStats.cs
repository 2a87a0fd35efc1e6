namespace Barge.Resources.Model;

/// <summary>Counts of a project's resources.</summary>
public sealed record ProjectStats
{
    /// <summary>Warehouse counts.</summary>
    public ResourceStats? Warehouses { get; init; }

    /// <summary>Stage counts.</summary>
    public ResourceStats? Stages { get; init; }
}
