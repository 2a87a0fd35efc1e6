namespace Barge.Storage;

/// <summary>
/// What identifies a stored resource: its kind (<c>Stage</c>), its project (the Kubernetes namespace;
/// empty for cluster-scoped kinds such as <c>Project</c>) and its name.
/// </summary>
public readonly record struct ResourceKey(string Kind, string Project, string Name)
{
    /// <summary>A key of a cluster-scoped kind (no project).</summary>
    public static ResourceKey Cluster(string kind, string name) => new(kind, "", name);

    /// <summary>True for cluster-scoped resources (empty project).</summary>
    public bool IsClusterScoped => Project.Length == 0;

    /// <summary>How errors name the resource: <c>Stage "dev" in project "grommet"</c>.</summary>
    public override string ToString() =>
        IsClusterScoped ? $"{Kind} \"{Name}\"" : $"{Kind} \"{Name}\" in project \"{Project}\"";

    internal void Validate()
    {
        if (string.IsNullOrEmpty(Kind))
        {
            throw new ArgumentException($"resource key {this}: kind is empty");
        }
        if (string.IsNullOrEmpty(Name))
        {
            throw new ArgumentException($"resource key {this}: name is empty");
        }
        ArgumentNullException.ThrowIfNull(Project, "Project");
    }
}
