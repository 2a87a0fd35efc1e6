namespace Barge.Resources.Model;

/// <summary>Conditions on automatic Freight creation.</summary>
public sealed record FreightCreationCriteria
{
    /// <summary>An expr-lang expression (without <c>${{ }}</c>) that must be true for Freight to be created.</summary>
    public string? Expression { get; init; }
}
