namespace Barge.Resources.Model;

/// <summary>A tag and its commit.</summary>
public sealed record ObservedTag
{
    /// <summary>The tag name.</summary>
    public string? Name { get; init; }

    /// <summary>The commit ID.</summary>
    public string? Id { get; init; }
}
