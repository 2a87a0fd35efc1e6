namespace Barge.Resources.Model;

/// <summary>A project: the namespace every other Barge resource lives in. It has no <c>spec</c>.</summary>
public sealed record Project : Resource
{
    public Project()
    {
        ApiVersion = KargoApi.Version;
        Kind = "Project";
    }

    /// <summary>Observed state.</summary>
    public ProjectStatus? Status { get; init; }
}

/// <summary>Observed state of a project.</summary>
public sealed record ProjectStatus
{
    /// <summary>Standard conditions, keyed by type.</summary>
    public List<Condition>? Conditions { get; init; }

    /// <summary>Counts of the project's Warehouses and Stages.</summary>
    public ProjectStats? Stats { get; init; }
}

/// <summary>Counts of a project's resources.</summary>
public sealed record ProjectStats
{
    /// <summary>Warehouse counts.</summary>
    public ResourceStats? Warehouses { get; init; }

    /// <summary>Stage counts.</summary>
    public ResourceStats? Stages { get; init; }
}

/// <summary>A count and how many are healthy.</summary>
public sealed record ResourceStats
{
    /// <summary>The number of resources.</summary>
    public long Count { get; init; }

    /// <summary>Health counts.</summary>
    public HealthStats? Health { get; init; }
}

/// <summary>Health counts.</summary>
public sealed record HealthStats
{
    /// <summary>The number of healthy resources.</summary>
    public long Healthy { get; init; }
}
