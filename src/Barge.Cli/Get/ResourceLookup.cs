using Barge.Resources.Model;
using Barge.Storage;

namespace Barge.Cli.Get;

/// <summary>Finding one resource by the name a user typed, and saying so when it is not there.</summary>
internal static class ResourceLookup
{
    public const string AliasLabel = "kargo.akuity.io/alias";

    /// <summary>The resource by name; Freight by name first, then by alias (as Kargo's API does).</summary>
    public static async Task<StoredResource?> FindAsync(IResourceStore store, ResourceKind kind, string project, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(kind);
        var resource = await store.GetAsync(new ResourceKey(kind.Name, project, name), cancellationToken);
        if (resource is null && CliKinds.IsFreight(kind))
        {
            var byAlias = await store.ListAsync(ResourceQuery.OfKind(kind.Name, project) with
            {
                Labels = Storage.Selection.LabelSelector.FromLabels(new Dictionary<string, string> { [AliasLabel] = name }),
            }, cancellationToken);
            resource = byAlias.Items.Count > 0 ? byAlias.Items[0] : null;
        }
        return resource;
    }

    public static string NotFound(ResourceKind kind, string project, string name)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return CliKinds.IsFreight(kind) ? $"Freight with name or alias \"{name}\" not found in project \"{project}\""
            : kind.Namespaced ? $"{kind.Name} \"{name}\" not found in project \"{project}\""
            : $"{kind.Name} \"{name}\" not found";
    }
}
