using Barge.Engine.Controllers.Leasing;
using Barge.Storage;
using Barge.Storage.Watching;
using Microsoft.Extensions.Logging;

namespace Barge.Engine.Controllers;

/// <summary>
/// Runs reconcilers against a store: lists every watched kind, then follows the change feed from the
/// list's resourceVersion (relisting if the feed was compacted under it), maps each change to keys
/// through <see cref="IReconciler.KeysFor"/>, and feeds one <see cref="WorkQueue{TKey}"/> per
/// reconciler drained by a few workers. A successful reconcile may ask for a requeue after a delay; a
/// failed one is retried with exponential back-off.
/// <para>
/// <see cref="RunAsync"/> runs until cancelled (<c>barge serve</c>); <see cref="RunUntilIdleAsync"/>
/// stops once nothing is pending or running, the feed is caught up with the store, and no requeue is
/// due within the given window (<c>barge reconcile --until-idle</c>, tests).
/// </para>
/// <para>
/// With <see cref="ControllerOptions.Leasing"/> (replicas on one PostgreSQL store) every replica sees
/// every change, but a key of a leased reconciler is reconciled only by the replica holding its lease;
/// the others park it until the lease lapses (see <see cref="KeyLeases"/>).
/// </para>
/// </summary>
public sealed partial class ControllerRuntime : IDisposable
{
    private readonly IResourceStore _store;
    private readonly IReadOnlyList<Entry> _entries;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ControllerOptions _options;
    private long _seenVersion;
    private int _inFlight;

    public ControllerRuntime(IResourceStore store, IEnumerable<IReconciler> reconcilers, TimeProvider time, ILogger<ControllerRuntime> logger, ControllerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(reconcilers);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _store = store;
        _time = time;
        _logger = logger;
        _options = options ?? new ControllerOptions();
        _entries = [.. reconcilers.Select(r => new Entry(r, new WorkQueue<ResourceKey>(time, _options.BaseBackoff, _options.MaxBackoff)))];
        if (_entries.Count == 0)
        {
            throw new ArgumentException("a controller runtime needs at least one reconciler", nameof(reconcilers));
        }
        Leases = _options.Leasing is { } leasing ? new KeyLeases(store, leasing, time, logger) : null;
        Telemetry.BargeMetrics.TrackQueues(this, () => _entries.Select(e => (e.Reconciler.Name, e.Queue.PendingCount)));
    }

    /// <summary>The keys this replica owns on a shared store; null when keys are not leased.</summary>
    public KeyLeases? Leases { get; }

    /// <summary>Reconciles performed so far (successful or not), for diagnostics and tests.</summary>
    public long ReconcileCount => Interlocked.Read(ref _reconcileCount);

    private long _reconcileCount;

    /// <summary>Wakes <paramref name="key"/> in every reconciler that watches its kind (e.g. after a CLI refresh).</summary>
    public void Enqueue(ResourceKey key)
    {
        foreach (var entry in _entries.Where(e => e.Reconciler.WatchedKinds.Contains(key.Kind)))
        {
            entry.Queue.Add(key);
        }
    }

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = Start(stop.Token);
        try
        {
            await Task.WhenAll(tasks);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Cancelled: the normal way to stop.
        }
    }

    /// <summary>
    /// Runs until idle: no key pending or being reconciled, every change up to the store's current
    /// version delivered, and no requeue due within <paramref name="idleWindow"/>. Returns the number of
    /// reconciles performed.
    /// </summary>
    public async Task<long> RunUntilIdleAsync(TimeSpan idleWindow, CancellationToken cancellationToken)
    {
        var before = ReconcileCount;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = Start(stop.Token);
        try
        {
            while (true)
            {
                // Wall-clock polling on purpose: with a fake clock the check must still run.
                await Task.Delay(_options.IdlePollInterval, cancellationToken);
                var faulted = tasks.FirstOrDefault(t => t.IsFaulted);
                if (faulted is not null)
                {
                    await faulted;
                }
                if (await IsIdleAsync(idleWindow, cancellationToken))
                {
                    break;
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await Task.WhenAll(tasks);
            }
            catch (OperationCanceledException)
            {
                // The workers stop by cancellation.
            }
        }
        return ReconcileCount - before;
    }

    public void Dispose()
    {
        Telemetry.BargeMetrics.UntrackQueues(this);
        foreach (var entry in _entries)
        {
            entry.Queue.Dispose();
        }
    }

    private List<Task> Start(CancellationToken cancellationToken)
    {
        var tasks = new List<Task>();
        tasks.Add(Task.Run(() => FeedAsync(cancellationToken), cancellationToken));
        if (Leases is { } leases)
        {
            tasks.Add(Task.Run(() => leases.SweepAsync(cancellationToken), cancellationToken));
        }
        foreach (var entry in _entries)
        {
            for (var i = 0; i < Math.Max(1, _options.WorkersPerReconciler); i++)
            {
                tasks.Add(Task.Run(() => WorkAsync(entry, cancellationToken), cancellationToken));
            }
        }
        return tasks;
    }

    private async Task<bool> IsIdleAsync(TimeSpan idleWindow, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _inFlight) > 0 || _entries.Any(e => e.Queue.PendingCount > 0 || e.Queue.ProcessingCount > 0))
        {
            return false;
        }
        var horizon = _time.GetUtcNow() + idleWindow;
        if (_entries.Any(e => e.Queue.NextDue is { } due && due <= horizon))
        {
            return false;
        }
        var current = await _store.GetResourceVersionAsync(cancellationToken);
        return Interlocked.Read(ref _seenVersion) >= current
            && Volatile.Read(ref _inFlight) == 0
            && _entries.All(e => e.Queue.PendingCount == 0 && e.Queue.ProcessingCount == 0);
    }

    private async Task FeedAsync(CancellationToken cancellationToken)
    {
        var kinds = _entries.SelectMany(e => e.Reconciler.WatchedKinds).Distinct(StringComparer.Ordinal).ToList();
        while (true)
        {
            // List first, then watch from the version the list saw: nothing is missed or seen twice.
            var from = await _store.GetResourceVersionAsync(cancellationToken);
            foreach (var kind in kinds)
            {
                var list = await _store.ListAsync(ResourceQuery.OfKind(kind), cancellationToken);
                foreach (var resource in list.Items)
                {
                    Dispatch(new ResourceChange(ChangeType.Added, resource.ResourceVersion, resource));
                }
            }
            Interlocked.Exchange(ref _seenVersion, from);
            try
            {
                await foreach (var change in _store.WatchAsync(from, ResourceQuery.All, cancellationToken))
                {
                    Dispatch(change);
                    Interlocked.Exchange(ref _seenVersion, change.ResourceVersion);
                }
                return;
            }
            catch (ChangesCompactedException e)
            {
                LogRelist(_logger, e.Message);
            }
        }
    }

    private void Dispatch(ResourceChange change)
    {
        foreach (var entry in _entries)
        {
            if (!entry.Reconciler.WatchedKinds.Contains(change.Object.Key.Kind))
            {
                continue;
            }
            foreach (var key in entry.Reconciler.KeysFor(change))
            {
                entry.Queue.Add(key);
            }
        }
    }

    private async Task WorkAsync(Entry entry, CancellationToken cancellationToken)
    {
        while (true)
        {
            var key = await entry.Queue.TakeAsync(cancellationToken);
            Interlocked.Increment(ref _inFlight);
            try
            {
                var result = await ReconcileOwnedAsync(entry, key, cancellationToken);
                entry.Queue.Done(key);
                if (result.Succeeded)
                {
                    entry.Queue.Forget(key);
                    if (result.RequeueAfter is { } delay)
                    {
                        entry.Queue.AddAfter(key, delay);
                    }
                }
                else
                {
                    var backoff = entry.Queue.AddWithBackoff(key);
                    LogFailed(_logger, entry.Reconciler.Name, key.ToString(), result.Error!, backoff);
                }
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }

    // A key whose lease another replica holds is parked (done, no requeue) until the lease lapses.
    private async Task<ReconcileResult> ReconcileOwnedAsync(Entry entry, ResourceKey key, CancellationToken cancellationToken)
    {
        if (Leases is { } leases && leases.Applies(entry.Reconciler.Name))
        {
            bool held;
            try
            {
                held = await leases.TryHoldAsync(KeyLeases.NameOf(entry.Reconciler.Name, key), () => entry.Queue.Add(key), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                return ReconcileResult.Failed($"taking the lease of {key}: {e.GetType().Name}: {e.Message}");
            }
            if (!held)
            {
                return ReconcileResult.Done;
            }
        }
        return await ReconcileOneAsync(entry.Reconciler, key, cancellationToken);
    }

    private async Task<ReconcileResult> ReconcileOneAsync(IReconciler reconciler, ResourceKey key, CancellationToken cancellationToken)
    {
        using var scope = _logger.BeginScope(new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["Reconciler"] = reconciler.Name,
            ["Key"] = key.ToString(),
        });
        Interlocked.Increment(ref _reconcileCount);
        var started = _time.GetTimestamp();
        try
        {
            var result = await reconciler.ReconcileAsync(key, cancellationToken);
            LogReconciled(_logger, reconciler.Name, key.ToString(), _time.GetElapsedTime(started).TotalMilliseconds);
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A reconciler bug or an unexpected store failure must not stop the controller: retry later.
            return ReconcileResult.Failed($"{e.GetType().Name}: {e.Message}");
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Reconciler} reconciled {Key} in {Milliseconds:F1} ms")]
    private static partial void LogReconciled(ILogger logger, string reconciler, string key, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Reconciler} failed to reconcile {Key}: {Error}; retrying in {Backoff}")]
    private static partial void LogFailed(ILogger logger, string reconciler, string key, string error, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Information, Message = "the change feed was compacted under the watch ({Reason}); listing again")]
    private static partial void LogRelist(ILogger logger, string reason);

    private sealed record Entry(IReconciler Reconciler, WorkQueue<ResourceKey> Queue);
}
