namespace Barge.Resources.Model;

/// <summary>A reference to a Secret in the same project.</summary>
public sealed record SecretReference
{
    /// <summary>The Secret's name.</summary>
    public string? Name { get; init; }
}
