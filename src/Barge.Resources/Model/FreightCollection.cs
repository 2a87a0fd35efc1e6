namespace Barge.Resources.Model;

/// <summary>A set of Freight, one per requested origin, keyed by <c>"&lt;Kind&gt;/&lt;name&gt;"</c>.</summary>
public sealed record FreightCollection
{
    /// <summary>SHA-1 of the sorted, comma-joined item names.</summary>
    public string? Id { get; init; }

    /// <summary>The Freight by origin.</summary>
    public Dictionary<string, FreightReference>? Items { get; init; }

    /// <summary>Verification attempts, newest first, at most 10.</summary>
    public List<VerificationInfo>? VerificationHistory { get; init; }
}
