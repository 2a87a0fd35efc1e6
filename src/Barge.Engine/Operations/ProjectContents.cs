using Barge.Engine.Verification;
using Barge.Resources.Model;
using Barge.Storage;

namespace Barge.Engine.Operations;

/// <summary>
/// What deleting a Project takes with it: every namespaced resource in it and the engine's analysis
/// runs, so the CLI and the API delete a Project the same way (as Kargo deletes a namespace).
/// </summary>
public static class ProjectContents
{
    /// <summary>
    /// The delete operations, contents first and the Project last, each guarded by the resourceVersion
    /// read here so a concurrent write makes the whole delete fail instead of leaving a half-deleted project.
    /// Keys already in <paramref name="seen"/> are skipped (and the new ones added).
    /// </summary>
    public static async Task<IReadOnlyList<StoreOperation>> DeletionAsync(IResourceStore store, StoredResource project, ISet<ResourceKey> seen, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(seen);
        var operations = new List<StoreOperation>();
        foreach (var kind in ResourceKinds.All.Where(k => k.Namespaced).Select(k => k.Name).Append(HttpAnalysisRunner.RunKind))
        {
            var contents = await store.ListAsync(ResourceQuery.OfKind(kind, project.Key.Name), cancellationToken);
            foreach (var resource in contents.Items.Where(r => seen.Add(r.Key)))
            {
                operations.Add(new StoreOperation.Delete(resource.Key, resource.ResourceVersion));
            }
        }
        operations.Add(new StoreOperation.Delete(project.Key, project.ResourceVersion));
        return operations;
    }
}
