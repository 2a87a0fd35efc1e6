namespace Barge.Engine.Operations;

/// <summary>
/// Which audit entries to read, newest first. Every filter is optional and all must hold;
/// <see cref="Before"/> is the cursor of the previous page (<see cref="AuditPage.NextBefore"/>).
/// </summary>
public sealed record AuditQuery
{
    /// <summary>The project; null for every project.</summary>
    public string? Project { get; init; }

    /// <summary>Only entries about this Stage.</summary>
    public string? Stage { get; init; }

    /// <summary>Only entries about Freight from this origin Warehouse.</summary>
    public string? Origin { get; init; }

    /// <summary>Only entries caused by this actor.</summary>
    public string? Actor { get; init; }

    /// <summary>Only entries of this type (one of <see cref="Audit.AuditTypes"/>).</summary>
    public string? Type { get; init; }

    /// <summary>Only entries recorded at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only entries recorded before this time.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Page size, 1 to 1000; 100 by default.</summary>
    public int Limit { get; init; } = 100;

    /// <summary>Only entries older than this cursor.</summary>
    public long? Before { get; init; }
}
