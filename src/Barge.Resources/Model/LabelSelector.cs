namespace Barge.Resources.Model;

/// <summary>A Kubernetes label selector; requirements are ANDed. An empty selector matches everything.</summary>
public record LabelSelector
{
    /// <summary>Labels that must be present with exactly these values.</summary>
    public Dictionary<string, string>? MatchLabels { get; init; }

    /// <summary>Set-based requirements.</summary>
    public List<LabelSelectorRequirement>? MatchExpressions { get; init; }
}

/// <summary>One set-based label requirement.</summary>
public sealed record LabelSelectorRequirement
{
    /// <summary>The label key.</summary>
    public string? Key { get; init; }

    /// <summary><c>In</c>, <c>NotIn</c>, <c>Exists</c> or <c>DoesNotExist</c>.</summary>
    public string? Operator { get; init; }

    /// <summary>Values for In/NotIn (non-empty); must be empty for Exists/DoesNotExist.</summary>
    public List<string>? Values { get; init; }
}
