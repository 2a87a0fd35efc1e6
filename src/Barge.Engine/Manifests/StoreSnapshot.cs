using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using Barge.Resources.Model;
using Barge.Resources.Serialization;
using Barge.Resources.Validation;
using Barge.Storage;

namespace Barge.Engine.Manifests;

/// <summary>
/// What an apply needs of the stored state, read once per kind and project: a batch of 10,000 Freight
/// asks about the same Warehouse and about every Freight and alias, and one list beats 10,000 gets.
/// The apply's writes are compare-and-swap checked, so a snapshot that is slightly stale fails the
/// batch instead of losing a write.
/// </summary>
internal sealed class StoreSnapshot(IResourceStore store) : IResourceLookup
{
    private readonly ConcurrentDictionary<(string Kind, string Project), Dictionary<string, StoredResource>> _lists = new();
    private readonly Dictionary<string, Dictionary<string, string>> _aliases = new(StringComparer.Ordinal);
    private readonly Dictionary<ResourceKey, Resource> _typed = [];

    public async ValueTask<StoredResource?> GetStoredAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        var list = await ListAsync(key.Kind, key.Project, cancellationToken);
        return list.GetValueOrDefault(key.Name);
    }

    public async ValueTask<Resource?> GetAsync(string kind, string project, string name, CancellationToken cancellationToken)
    {
        var key = new ResourceKey(kind, project, name);
        if (_typed.TryGetValue(key, out var typed))
        {
            return typed;
        }
        var stored = await GetStoredAsync(key, cancellationToken);
        if (stored is null)
        {
            return null;
        }
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            ManifestEnvelope.WriteManifest(writer, stored);
        }
        typed = ResourceSerializer.FromJsonUtf8(buffer.WrittenSpan);
        _typed[key] = typed;
        return typed;
    }

    public async ValueTask<string?> FindFreightByAliasAsync(string project, string alias, CancellationToken cancellationToken)
    {
        var aliases = await AliasesAsync(project, cancellationToken);
        return aliases.GetValueOrDefault(alias);
    }

    /// <summary>Alias → Freight name for the stored Freight of a project.</summary>
    public async ValueTask<Dictionary<string, string>> AliasesAsync(string project, CancellationToken cancellationToken)
    {
        if (!_aliases.TryGetValue(project, out var aliases))
        {
            aliases = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var freight in (await ListAsync("Freight", project, cancellationToken)).Values)
            {
                if (freight.Labels.TryGetValue(KargoApi.AliasLabel, out var alias))
                {
                    aliases.TryAdd(alias, freight.Key.Name);
                }
            }
            _aliases[project] = aliases;
        }
        return aliases;
    }

    private async ValueTask<Dictionary<string, StoredResource>> ListAsync(string kind, string project, CancellationToken cancellationToken)
    {
        if (_lists.TryGetValue((kind, project), out var cached))
        {
            return cached;
        }
        var list = await store.ListAsync(ResourceQuery.OfKind(kind, project), cancellationToken);
        var byName = list.Items.ToDictionary(r => r.Key.Name, StringComparer.Ordinal);
        _lists[(kind, project)] = byName;
        return byName;
    }
}
