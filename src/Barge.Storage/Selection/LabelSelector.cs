namespace Barge.Storage.Selection;

/// <summary>
/// A Kubernetes label selector: requirements joined by commas, all of which must hold
/// (<c>env=prod,tier in (web,api),!canary</c>). The empty selector matches everything.
/// </summary>
public sealed class LabelSelector
{
    private LabelSelector(IReadOnlyList<LabelRequirement> requirements)
    {
        Requirements = requirements;
    }

    /// <summary>The selector that matches every resource.</summary>
    public static LabelSelector Everything { get; } = new([]);

    public IReadOnlyList<LabelRequirement> Requirements { get; }

    /// <summary>A selector from requirements built in code; each is validated.</summary>
    public static LabelSelector Of(params IEnumerable<LabelRequirement> requirements)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        var list = requirements.ToList();
        foreach (var requirement in list)
        {
            var problem = LabelSelectorParser.Check(requirement);
            if (problem is not null)
            {
                throw new ArgumentException($"label selector requirement \"{requirement}\": {problem}", nameof(requirements));
            }
        }
        return new LabelSelector(list);
    }

    /// <summary>Equality requirements from a label map (<c>matchLabels</c>).</summary>
    public static LabelSelector FromLabels(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return Of(labels.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new LabelRequirement(p.Key, LabelOperator.Equals, [p.Value])));
    }

    /// <summary>Parses selector syntax; the error names the column and what was expected.</summary>
    public static bool TryParse(string text, out LabelSelector selector, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new LabelSelectorParser(text).Parse(out error);
        selector = result is null ? Everything : new LabelSelector(result);
        return result is not null;
    }

    /// <summary>Parses selector syntax, throwing <see cref="FormatException"/> with the parse error.</summary>
    public static LabelSelector Parse(string text) =>
        TryParse(text, out var selector, out var error) ? selector : throw new FormatException(error);

    /// <summary>Whether a label set satisfies every requirement.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        foreach (var requirement in Requirements)
        {
            if (!requirement.Matches(labels))
            {
                return false;
            }
        }
        return true;
    }

    public override string ToString() => string.Join(',', Requirements);
}
