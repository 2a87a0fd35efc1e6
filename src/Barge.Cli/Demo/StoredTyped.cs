using Barge.Engine.Manifests;
using Barge.Resources.Model;
using Barge.Resources.Serialization;
using Barge.Storage;

namespace Barge.Cli.Demo;

/// <summary>Stored resources as the model's typed records.</summary>
internal static class StoredTyped
{
    public static T From<T>(StoredResource stored)
        where T : Resource
    {
        ArgumentNullException.ThrowIfNull(stored);
        return (T)ResourceSerializer.FromJson(ManifestEnvelope.ToManifest(stored).ToJsonString());
    }

    public static async Task<List<T>> ListAsync<T>(IResourceStore store, string kind, string project, CancellationToken cancellationToken)
        where T : Resource
    {
        var list = await store.ListAsync(ResourceQuery.OfKind(kind, project), cancellationToken);
        return list.Items.Select(From<T>).ToList();
    }
}
