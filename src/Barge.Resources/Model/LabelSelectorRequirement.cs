namespace Barge.Resources.Model;

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
