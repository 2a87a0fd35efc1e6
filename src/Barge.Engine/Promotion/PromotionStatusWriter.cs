using System.Text.Json;
using Barge.Resources.Model;
using Barge.Resources.Serialization;
using Barge.Storage;

namespace Barge.Engine.Promotion;

/// <summary>
/// Writes a Promotion's status to the store after every step and reads its abort annotation. The
/// engine owns the status, so a conflict (someone annotated the Promotion meanwhile) is resolved by
/// reading the new resourceVersion and writing again. A dry run has no store and writes nothing.
/// </summary>
internal sealed class PromotionStatusWriter
{
    private readonly IResourceStore? _store;
    private readonly ResourceKey _key;
    private long _resourceVersion;

    public PromotionStatusWriter(IResourceStore? store, ResourceKey key, long resourceVersion)
    {
        _store = store;
        _key = key;
        _resourceVersion = resourceVersion;
    }

    /// <summary>A writer that keeps nothing (dry runs).</summary>
    public static PromotionStatusWriter None(ResourceKey key) => new(null, key, 0);

    public async Task WriteAsync(PromotionStatus status, CancellationToken cancellationToken)
    {
        if (_store is null)
        {
            return;
        }
        var element = JsonSerializer.SerializeToElement(ResourceSerializer.ToJsonNode(status));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var written = await _store.UpdateStatusAsync(_key, _resourceVersion, element, cancellationToken);
                _resourceVersion = written.ResourceVersion;
                return;
            }
            catch (ResourceConflictException) when (attempt < 5)
            {
                var current = await _store.GetAsync(_key, cancellationToken)
                    ?? throw new ResourceNotFoundException(_key);
                _resourceVersion = current.ResourceVersion;
            }
        }
    }

    /// <summary>The abort requested on the stored Promotion, if any.</summary>
    public async Task<AbortRequest?> AbortRequestedAsync(CancellationToken cancellationToken)
    {
        if (_store is null)
        {
            return null;
        }
        var current = await _store.GetAsync(_key, cancellationToken);
        return current is null ? null : AbortRequest.Parse(current.Annotations.GetValueOrDefault(AbortRequest.Annotation));
    }
}
