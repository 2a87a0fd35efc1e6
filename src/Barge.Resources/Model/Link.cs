namespace Barge.Resources.Model;

/// <summary>A UI link template.</summary>
public sealed record Link
{
    /// <summary>The link's title.</summary>
    public string? Title { get; init; }

    /// <summary>The URL; may be an expression.</summary>
    public string? Url { get; init; }

    /// <summary>A longer description.</summary>
    public string? Description { get; init; }

    /// <summary>An expression that must be true for the link to show. Default: always.</summary>
    public string? If { get; init; }
}
