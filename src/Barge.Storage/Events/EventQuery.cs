namespace Barge.Storage.Events;

/// <summary>
/// A page of the event log, newest first. Every filter is optional; <see cref="Before"/> is the cursor
/// of the previous page (<see cref="EventPage.NextBefore"/>).
/// </summary>
public sealed record EventQuery
{
    public string? Project { get; init; }

    public string? Kind { get; init; }

    public string? Name { get; init; }

    public string? Type { get; init; }

    /// <summary>Only events recorded at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only events recorded before this time.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Only events with an id below this (the paging cursor).</summary>
    public long? Before { get; init; }

    /// <summary>Page size, 1 to 1000; 100 by default.</summary>
    public int Limit { get; init; } = 100;
}
