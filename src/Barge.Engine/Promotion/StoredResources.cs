using Barge.Engine.Manifests;
using Barge.Resources.Model;
using Barge.Resources.Serialization;
using Barge.Storage;

namespace Barge.Engine.Promotion;

/// <summary>Typed reads of stored resources for the engine.</summary>
internal static class StoredResources
{
    public static T ToTyped<T>(StoredResource stored)
        where T : Resource
    {
        ArgumentNullException.ThrowIfNull(stored);
        return (T)ResourceSerializer.FromJson(ManifestEnvelope.ToManifest(stored).ToJsonString());
    }

    public static async Task<T?> GetAsync<T>(IResourceStore store, string kind, string project, string name, CancellationToken cancellationToken)
        where T : Resource
    {
        ArgumentNullException.ThrowIfNull(store);
        var stored = await store.GetAsync(new ResourceKey(kind, project, name), cancellationToken);
        return stored is null ? null : ToTyped<T>(stored);
    }
}
