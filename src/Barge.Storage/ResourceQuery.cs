using Barge.Storage.Selection;

namespace Barge.Storage;

/// <summary>
/// Which resources a list (or a watch) wants: optionally one kind, optionally one project, a label
/// selector and field filters, all of which must hold.
/// </summary>
public sealed record ResourceQuery
{
    /// <summary>The kind; null for every kind (watches only: lists name a kind).</summary>
    public string? Kind { get; init; }

    /// <summary>The project; null for every project, "" for cluster-scoped resources only.</summary>
    public string? Project { get; init; }

    public LabelSelector Labels { get; init; } = LabelSelector.Everything;

    public IReadOnlyList<FieldFilter> Fields { get; init; } = [];

    /// <summary>Every resource of one kind, optionally in one project.</summary>
    public static ResourceQuery OfKind(string kind, string? project = null) => new() { Kind = kind, Project = project };

    /// <summary>Everything (for watches).</summary>
    public static ResourceQuery All { get; } = new();

    /// <summary>Evaluates the query on a resource in memory, exactly as the store does in SQL.</summary>
    public bool Matches(StoredResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if ((Kind is not null && resource.Key.Kind != Kind) || (Project is not null && resource.Key.Project != Project))
        {
            return false;
        }
        if (!Labels.Matches(resource.Labels))
        {
            return false;
        }
        foreach (var field in Fields)
        {
            if (!field.Matches(resource))
            {
                return false;
            }
        }
        return true;
    }

    public override string ToString()
    {
        var parts = new List<string> { "kind=" + (Kind ?? "*") };
        if (Project is not null)
        {
            parts.Add($"project=\"{Project}\"");
        }
        if (Labels.Requirements.Count > 0)
        {
            parts.Add($"labels \"{Labels}\"");
        }
        if (Fields.Count > 0)
        {
            parts.Add($"fields \"{string.Join(',', Fields)}\"");
        }
        return string.Join(' ', parts);
    }
}
