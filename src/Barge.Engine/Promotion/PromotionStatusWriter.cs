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
    private AbortRequest? _abort;
    private PromotionPhase? _phase;
    private readonly PromotionAudit? _audit;

    /// <param name="annotations">The Promotion's annotations as loaded (an abort already requested is seen at once).</param>
    public PromotionStatusWriter(IResourceStore? store, ResourceKey key, long resourceVersion, IReadOnlyDictionary<string, string>? annotations = null)
        : this(store, key, resourceVersion, annotations, null, null)
    {
    }

    /// <param name="audit">The audit entries to store with the status writes that start and finish the Promotion; null for none.</param>
    /// <param name="phase">The phase as loaded.</param>
    public PromotionStatusWriter(IResourceStore? store, ResourceKey key, long resourceVersion, IReadOnlyDictionary<string, string>? annotations, PromotionAudit? audit, PromotionPhase? phase)
    {
        _audit = audit;
        _phase = phase;
        _store = store;
        _key = key;
        _resourceVersion = resourceVersion;
        _abort = AbortRequest.Parse(annotations?.GetValueOrDefault(AbortRequest.Annotation));
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
        var events = _audit?.EntriesFor(_phase, status) ?? [];
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var written = events.Count == 0
                    ? await _store.UpdateStatusAsync(_key, _resourceVersion, element, cancellationToken)
                    : (await _store.ApplyAsync([new StoreOperation.UpdateStatus(_key, _resourceVersion, element)], events, cancellationToken))[0];
                _resourceVersion = written.ResourceVersion;
                _phase = status.Phase;
                return;
            }
            catch (ResourceConflictException) when (attempt < 5)
            {
                // Only the engine writes status, so a conflict means metadata changed: an abort request, typically.
                var current = await _store.GetAsync(_key, cancellationToken)
                    ?? throw new ResourceNotFoundException(_key);
                _resourceVersion = current.ResourceVersion;
                _abort ??= AbortRequest.Parse(current.Annotations.GetValueOrDefault(AbortRequest.Annotation));
            }
        }
    }

    /// <summary>
    /// The abort requested on the stored Promotion, if any: seen when the Promotion was loaded or when
    /// a status write found the resource changed (an annotation write bumps its resourceVersion), so
    /// checking costs no extra read per step.
    /// </summary>
    public AbortRequest? AbortRequested => _abort;
}
