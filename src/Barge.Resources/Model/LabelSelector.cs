namespace Barge.Resources.Model;

/// <summary>A Kubernetes label selector; requirements are ANDed. An empty selector matches everything.</summary>
public record LabelSelector
{
    /// <summary>Labels that must be present with exactly these values.</summary>
    public Dictionary<string, string>? MatchLabels { get; init; }

    /// <summary>Set-based requirements.</summary>
    public List<LabelSelectorRequirement>? MatchExpressions { get; init; }
}
