using Barge.Storage;
using Barge.Storage.Watching;

namespace Barge.Engine.Controllers;

/// <summary>
/// A controller's logic for one kind of work item (a resource key): the
/// <see cref="ControllerRuntime"/> calls <see cref="ReconcileAsync"/> for a key whenever a change of a
/// watched kind maps to it, when a requested requeue is due, or after a failure with back-off. One key
/// is never reconciled twice at once; different keys run concurrently.
/// </summary>
public interface IReconciler
{
    /// <summary>A short name for logs and diagnostics, e.g. <c>warehouse</c>.</summary>
    string Name { get; }

    /// <summary>The kinds whose changes may wake this reconciler (the initial list covers them too).</summary>
    IReadOnlyList<string> WatchedKinds { get; }

    /// <summary>
    /// The keys a change wakes (usually the changed resource itself; a Stage reconciler also maps a
    /// Freight change to the Stages that may use it). An empty result ignores the change.
    /// </summary>
    IEnumerable<ResourceKey> KeysFor(ResourceChange change);

    /// <summary>
    /// Brings one key's observed state in line with its desired state. Expected failures come back as
    /// <see cref="ReconcileResult.Failed"/> (retried with back-off); an exception is treated the same way.
    /// </summary>
    Task<ReconcileResult> ReconcileAsync(ResourceKey key, CancellationToken cancellationToken);
}
