using System.Text.Json;
using Barge.Engine.Pipeline;
using Barge.Engine.Promotion;
using Barge.Resources.Model;
using Barge.Storage;
using Barge.Storage.Watching;
using Microsoft.Extensions.Logging;

namespace Barge.Engine.Controllers.Promotions;

using Promotion = Barge.Resources.Model.Promotion;

/// <summary>
/// Kargo's Promotion controller (kargo-spec.md §7.4): runs a Promotion only while its Stage's
/// <c>status.currentPromotion</c> names it, one <see cref="PromotionEngine.RunOnceAsync"/> pass at a time
/// (Pending → Running → terminal, a step's retry-after as the requeue), under the store lease
/// <c>promotion/&lt;project&gt;/&lt;name&gt;</c> so two processes on one store never run it at once. A
/// Promotion whose Freight is no longer available when it would start is Errored; an abort of a
/// Promotion that has not started ends it Aborted without running a step. A restart resumes from the persisted step state.
/// </summary>
public sealed partial class PromotionReconciler : IReconciler
{
    private readonly IResourceStore _store;
    private readonly Func<string, CancellationToken, Task<PromotionEngine>> _engines;
    private readonly TimeProvider _time;
    private readonly FreightAvailability _availability;
    private readonly ILogger _logger;
    private readonly PromotionReconcilerOptions _options;

    /// <param name="engines">The engine for a project's Promotions (with that project's repository credentials).</param>
    public PromotionReconciler(IResourceStore store, Func<string, CancellationToken, Task<PromotionEngine>> engines, TimeProvider time, ILogger<PromotionReconciler> logger, PromotionReconcilerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(engines);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _store = store;
        _engines = engines;
        _time = time;
        _availability = new FreightAvailability(time);
        _logger = logger;
        _options = options ?? new PromotionReconcilerOptions();
    }

    public string Name => "promotion";

    public IReadOnlyList<string> WatchedKinds { get; } = ["Promotion", "Stage"];

    /// <summary>Promotions that ended Failed, Errored or Aborted in this process (for <c>reconcile --until-idle</c>'s exit code).</summary>
    public IReadOnlyCollection<string> Unsuccessful => [.. _unsuccessful.Keys];

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _unsuccessful = new(StringComparer.Ordinal);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<ResourceKey, byte> _waitingForLease = new();

    /// <summary>The Promotions this process has run a pass of: any other Running one was interrupted elsewhere.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ResourceKey, byte> _ranHere = new();

    /// <summary>
    /// Whether a Promotion waits for a lease another process holds (or a process that died held: it
    /// expires after <see cref="PromotionReconcilerOptions.LeaseDuration"/>). <c>reconcile --until-idle</c>
    /// is not idle while one does.
    /// </summary>
    public bool WaitingForLease => !_waitingForLease.IsEmpty;

    /// <summary>
    /// When a Running Promotion's next pass is due: its own status writes wake it through the feed, and
    /// a polled step must still wait its retry-after (an abort request does not wait).
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ResourceKey, DateTimeOffset> _notBefore = new();

    public IEnumerable<ResourceKey> KeysFor(ResourceChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var resource = change.Object;
        if (change.Type == ChangeType.Deleted)
        {
            return [];
        }
        if (resource.Key.Kind == "Promotion")
        {
            return [resource.Key];
        }
        if (resource.Key.Kind == "Stage" && resource.Status is { ValueKind: JsonValueKind.Object } status
            && status.TryGetProperty("currentPromotion", out var current) && current.ValueKind == JsonValueKind.Object
            && current.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
        {
            return [new ResourceKey("Promotion", resource.Key.Project, name.GetString()!)];
        }
        return [];
    }

    public async Task<ReconcileResult> ReconcileAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        var stored = await _store.GetAsync(key, cancellationToken);
        if (stored is null)
        {
            _waitingForLease.TryRemove(key, out _);
            return ReconcileResult.Done;
        }
        var promotion = StoredResources.ToTyped<Promotion>(stored);
        var phase = promotion.Status?.Phase ?? PromotionPhase.Pending;
        if (FinalPhase.IsTerminal(phase))
        {
            _waitingForLease.TryRemove(key, out _);
            // Removes a work directory a crash left behind after the final status write.
            await (await _engines(key.Project, cancellationToken)).RunOnceAsync(key.Project, key.Name, null, cancellationToken);
            return ReconcileResult.Done;
        }
        var stage = await StoredResources.GetAsync<Stage>(_store, "Stage", key.Project, promotion.Spec?.Stage ?? "", cancellationToken);
        if (stage is null)
        {
            return await EndAsync(stored, promotion, PromotionPhase.Errored, $"Stage \"{promotion.Spec?.Stage}\" not found in project \"{key.Project}\"", cancellationToken);
        }
        var isCurrent = stage.Status?.CurrentPromotion?.Name == key.Name;
        if (phase == PromotionPhase.Pending && AbortRequest.Parse(stored.Annotations.GetValueOrDefault(AbortRequest.Annotation)) is { } abort)
        {
            return await EndAsync(stored, promotion, PromotionPhase.Aborted, abort.Message, cancellationToken);
        }
        if (_notBefore.TryGetValue(key, out var due) && due > _time.GetUtcNow()
            && !stored.Annotations.ContainsKey(AbortRequest.Annotation))
        {
            return ReconcileResult.After(due - _time.GetUtcNow());
        }
        if (!isCurrent)
        {
            // Waits in the Stage's queue; the Stage change that makes it current wakes it.
            return ReconcileResult.Done;
        }
        if (phase == PromotionPhase.Pending && await UnavailableAsync(stage, promotion, cancellationToken) is { } unavailable)
        {
            return await EndAsync(stored, promotion, PromotionPhase.Errored, unavailable, cancellationToken);
        }
        return await RunLeasedAsync(key, stored, stage, promotion, cancellationToken);
    }

    /// <summary>
    /// Whether the Running Promotion's current step was cut off: a step's status is stored only after it
    /// returns, so a step with no stored result (no metadata, or started without a message or error
    /// count, unlike a polled or retried step) was in flight when its process died.
    /// </summary>
    private async Task<ReconcileResult> RunLeasedAsync(ResourceKey key, StoredResource stored, Stage stage, Promotion promotion, CancellationToken cancellationToken)
    {
        var leaseName = $"promotion/{key.Project}/{key.Name}";
        if (await _store.TryAcquireLeaseAsync(leaseName, _options.Holder, _options.LeaseDuration, cancellationToken) is null)
        {
            LogLeaseHeld(_logger, key.Name, key.Project);
            _waitingForLease.TryAdd(key, 0);
            return ReconcileResult.After(_options.LeaseRetry);
        }
        _waitingForLease.TryRemove(key, out _);
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewal = RenewAsync(leaseName, renewing.Token);
        PromotionRunOutcome outcome;
        try
        {
            IProgress<StepProgress>? progress = _options.Progress is { } report ? new KeyedProgress(key, report) : null;
            var engine = await _engines(key.Project, cancellationToken);
            if (_ranHere.TryAdd(key, 0) && Directory.Exists(engine.WorkDirectoryOf(stored.Uid)))
            {
                // Another process left this work directory (one that died, possibly with a git child
                // killed holding a lock, or one that stopped): its state is unknown here, even between
                // steps. Without it the engine restarts from the first step keeping the state (the git
                // steps start from a fresh clone, so what was pushed is not pushed again).
                LogResumeInterrupted(_logger, key.Name, key.Project);
                PromotionEngine.RemoveWorkDirectory(engine.WorkDirectoryOf(stored.Uid));
            }
            outcome = await engine.RunOnceAsync(key.Project, key.Name, progress, cancellationToken);
        }
        finally
        {
            await renewing.CancelAsync();
            await renewal;
            await _store.ReleaseLeaseAsync(leaseName, _options.Holder, CancellationToken.None);
        }
        if (!outcome.IsTerminal)
        {
            var delay = outcome.RequeueAfter ?? TimeSpan.Zero;
            _notBefore[key] = _time.GetUtcNow() + delay;
            return ReconcileResult.After(delay);
        }
        _notBefore.TryRemove(key, out _);
        LogFinished(_logger, key.Name, key.Project, outcome.Phase.ToString());
        if (outcome.Phase != PromotionPhase.Succeeded)
        {
            _unsuccessful.TryAdd(key.ToString(), 0);
        }
        else if (StageVerification.ReverifyAfterRepromotion(stage, promotion.Spec?.Freight ?? "", promotion.Metadata.Annotations?.GetValueOrDefault(PipelineAnnotations.CreateActor)) is { } reverify)
        {
            await RequestReverifyAsync(stage, reverify, cancellationToken);
        }
        return ReconcileResult.Done;
    }

    private async Task RenewAsync(string lease, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_options.LeaseDuration / 3, TimeProvider.System, cancellationToken);
                if (await _store.RenewLeaseAsync(lease, _options.Holder, _options.LeaseDuration, cancellationToken) is null)
                {
                    LogLeaseLost(_logger, lease);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The pass ended.
        }
    }

    private async Task<string?> UnavailableAsync(Stage stage, Promotion promotion, CancellationToken cancellationToken)
    {
        var name = promotion.Spec?.Freight ?? "";
        var freight = await StoredResources.GetAsync<Freight>(_store, "Freight", promotion.Project, name, cancellationToken);
        if (freight is null)
        {
            return $"Freight \"{name}\" not found in project \"{promotion.Project}\"";
        }
        var verdict = _availability.Evaluate(stage, freight);
        return verdict.IsAvailable ? null : $"Freight \"{name}\" is not available to Stage \"{stage.Name}\": {string.Join("; ", verdict.Reasons)}";
    }

    /// <summary>Ends a Promotion that never ran, with its PromotionFinished entry in the same write.</summary>
    private async Task<ReconcileResult> EndAsync(StoredResource stored, Promotion promotion, PromotionPhase phase, string message, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var status = (promotion.Status ?? new PromotionStatus()) with { Phase = phase, Message = message, FinishedAt = now };
        var writer = new PromotionStatusWriter(_store, stored.Key, stored.ResourceVersion, stored.Annotations,
            PromotionAudit.For(promotion, null), promotion.Status?.Phase);
        await writer.WriteAsync(status, cancellationToken);
        _unsuccessful.TryAdd(stored.Key.ToString(), 0);
        LogFinished(_logger, stored.Key.Name, stored.Key.Project, phase + ": " + message);
        return ReconcileResult.Done;
    }

    private async Task RequestReverifyAsync(Stage stage, VerificationRequest request, CancellationToken cancellationToken)
    {
        var key = new ResourceKey("Stage", stage.Project, stage.Name);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var current = await _store.GetAsync(key, cancellationToken);
            if (current is null)
            {
                return;
            }
            var annotations = new Dictionary<string, string>(current.Annotations, StringComparer.Ordinal) { [PipelineAnnotations.Reverify] = request.ToString() };
            try
            {
                await _store.UpdateAsync(ResourceUpdate.From(current, current.Spec) with { Annotations = annotations }, cancellationToken);
                return;
            }
            catch (ResourceConflictException)
            {
                // The Stage reconciler wrote meanwhile: read again.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Promotion \"{Promotion}\" in project \"{Project}\" is being run by another process; waiting")]
    private static partial void LogLeaseHeld(ILogger logger, string promotion, string project);

    [LoggerMessage(Level = LogLevel.Information, Message = "Promotion \"{Promotion}\" in project \"{Project}\" was left running by another process; restarting it from the first step in a fresh work directory")]
    private static partial void LogResumeInterrupted(ILogger logger, string promotion, string project);

    [LoggerMessage(Level = LogLevel.Warning, Message = "lost the lease {Lease} while running it")]
    private static partial void LogLeaseLost(ILogger logger, string lease);

    [LoggerMessage(Level = LogLevel.Information, Message = "Promotion \"{Promotion}\" in project \"{Project}\" finished: {Phase}")]
    private static partial void LogFinished(ILogger logger, string promotion, string project, string phase);

    private sealed class KeyedProgress(ResourceKey key, Action<ResourceKey, StepProgress> report) : IProgress<StepProgress>
    {
        public void Report(StepProgress value) => report(key, value);
    }
}
