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
