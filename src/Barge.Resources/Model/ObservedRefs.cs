namespace Barge.Resources.Model;

/// <summary>Refs observed at discovery time.</summary>
public sealed record ObservedRefs
{
    /// <summary>The branch head commit (NewestFromBranch).</summary>
    public string? BranchHead { get; init; }

    /// <summary>Tags and the commits they point at.</summary>
    public List<ObservedTag>? Tags { get; init; }
}
