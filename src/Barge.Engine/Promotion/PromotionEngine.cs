using Barge.Engine.Templating;
using Barge.Resources.Model;
using Barge.Storage;

namespace Barge.Engine.Promotion;

/// <summary>
/// Runs stored Promotions: one pass at a time (<see cref="RunOnceAsync"/>, what a reconciler calls) or
/// until terminal (<see cref="RunToCompletionAsync"/>, embedded <c>barge promote --wait</c>). Each
/// Promotion gets one work directory, <c>&lt;work root&gt;/promotion-&lt;uid&gt;</c> (mode 0700), kept
/// across passes and process restarts so a pass resumes at the step that was running, and removed
/// once the Promotion is terminal.
/// </summary>
public sealed class PromotionEngine
{
    private readonly IResourceStore _store;
    private readonly PromotionEngineOptions _options;
    private readonly TimeProvider _time;
    private readonly PromotionStepRegistry _registry;

    public PromotionEngine(IResourceStore store, PromotionEngineOptions options, TimeProvider time)
        : this(store, options, time, PromotionStepRegistry.CreateBuiltin())
    {
    }

    internal PromotionEngine(IResourceStore store, PromotionEngineOptions options, TimeProvider time, PromotionStepRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(registry);
        _store = store;
        _options = options;
        _time = time;
        _registry = registry;
    }

    /// <summary>One engine pass over the Promotion; a terminal Promotion is returned as it is.</summary>
    /// <exception cref="ResourceNotFoundException">The Promotion does not exist.</exception>
    public async Task<PromotionRunOutcome> RunOnceAsync(string project, string name, IProgress<StepProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var key = new ResourceKey("Promotion", project, name);
        var stored = await _store.GetAsync(key, cancellationToken) ?? throw new ResourceNotFoundException(key);
        var promotion = StoredResources.ToTyped<Barge.Resources.Model.Promotion>(stored);
        var status = promotion.Status ?? new PromotionStatus();
        var workDirectory = WorkDirectoryOf(stored.Uid);
        if (FinalPhase.IsTerminal(status.Phase))
        {
            RemoveWorkDirectory(workDirectory);
            return new PromotionRunOutcome(status.Phase!.Value, status.Message, null, status);
        }
        var facts = await PromotionFactsLoader.LoadAsync(_store, promotion, _options.UiBaseUrl, cancellationToken);
        var audit = PromotionAudit.For(promotion, facts.TargetAlias.Length == 0 ? null : facts.TargetAlias);
        var writer = new PromotionStatusWriter(_store, key, stored.ResourceVersion, stored.Annotations, audit, status.Phase);
        var existed = Directory.Exists(workDirectory);
        if (!existed)
        {
            CreateWorkDirectory(workDirectory);
        }
        var setup = new PromotionRunSetup(
            facts,
            new ProjectData(_store, project),
            _registry,
            PromotionFactsLoader.StepContextFor(facts, workDirectory, _store) with { Credentials = _options.Credentials },
            writer,
            _time)
        { Progress = progress };
        var run = new PromotionRun(setup, promotion);
        var outcome = await run.ExecuteAsync(restartFromFirstStep: !existed, cancellationToken);
        if (outcome.IsTerminal)
        {
            RemoveWorkDirectory(workDirectory);
        }
        return outcome;
    }

    /// <summary>Passes until the Promotion is terminal, waiting each requeue delay on the injected clock.</summary>
    public async Task<PromotionRunOutcome> RunToCompletionAsync(string project, string name, IProgress<StepProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var outcome = await RunOnceAsync(project, name, progress, cancellationToken);
            if (outcome.IsTerminal)
            {
                return outcome;
            }
            await Task.Delay(outcome.RequeueAfter ?? TimeSpan.Zero, _time, cancellationToken);
        }
    }

    /// <summary>
    /// Asks for the Promotion to be aborted (annotation <c>kargo.akuity.io/abort</c>); the next pass, or
    /// the running one before its next step, marks it Aborted. A terminal Promotion is left alone.
    /// </summary>
    /// <returns>False when the Promotion is already terminal.</returns>
    public async Task<bool> RequestAbortAsync(string project, string name, string actor, CancellationToken cancellationToken = default)
    {
        var key = new ResourceKey("Promotion", project, name);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await _store.GetAsync(key, cancellationToken) ?? throw new ResourceNotFoundException(key);
            var promotion = StoredResources.ToTyped<Barge.Resources.Model.Promotion>(stored);
            if (FinalPhase.IsTerminal(promotion.Status?.Phase))
            {
                return false;
            }
            var annotations = new Dictionary<string, string>(stored.Annotations, StringComparer.Ordinal) { [AbortRequest.Annotation] = AbortRequest.Format(actor) };
            try
            {
                await _store.UpdateAsync(ResourceUpdate.From(stored, stored.Spec) with { Annotations = annotations }, cancellationToken);
                return true;
            }
            catch (ResourceConflictException) when (attempt < 5)
            {
                // The engine wrote status meanwhile; read again.
            }
        }
    }

    /// <summary>
    /// Builds the Promotion a request would create and runs its steps against a scratch work
    /// directory without storing anything: steps with side effects (push, HTTP calls, messages, store
    /// writes) are Skipped, and each repository checkout's diff is reported. The scratch directory is
    /// removed afterwards.
    /// </summary>
    public async Task<DryRunReport> DryRunAsync(PromotionRequest request, IProgress<StepProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        using var random = System.Security.Cryptography.RandomNumberGenerator.Create();
        var built = await new PromotionFactory(_store, _time, random).BuildAsync(request, cancellationToken);
        if (built.Promotion is not { } promotion)
        {
            return new DryRunReport(null, null, [], built.Errors);
        }
        var workDirectory = Path.Combine(_options.WorkRoot, "dry-run-" + Guid.NewGuid().ToString("N"));
        CreateWorkDirectory(workDirectory);
        try
        {
            var facts = await PromotionFactsLoader.LoadAsync(_store, promotion, _options.UiBaseUrl, cancellationToken);
            var setup = new PromotionRunSetup(
                facts,
                new ProjectData(_store, request.Project),
                _registry,
                PromotionFactsLoader.StepContextFor(facts, workDirectory, _store) with { Credentials = _options.Credentials },
                PromotionStatusWriter.None(new ResourceKey("Promotion", request.Project, promotion.Name)),
                _time)
            { Progress = progress, DryRun = true };
            var run = new PromotionRun(setup, promotion);
            PromotionRunOutcome outcome;
            while (true)
            {
                outcome = await run.ExecuteAsync(restartFromFirstStep: false, cancellationToken);
                if (outcome.IsTerminal)
                {
                    break;
                }
                await Task.Delay(outcome.RequeueAfter ?? TimeSpan.Zero, _time, cancellationToken);
            }
            var diffs = await DryRun.CollectDiffsAsync(workDirectory, promotion.Spec?.Steps ?? [], run.EvaluatedConfigs, run.State, cancellationToken);
            return new DryRunReport(promotion, outcome, diffs, []);
        }
        finally
        {
            RemoveWorkDirectory(workDirectory);
        }
    }

    internal string WorkDirectoryOf(string uid) => Path.Combine(_options.WorkRoot, "promotion-" + uid);

    internal static void CreateWorkDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>Removes a work directory; symbolic links inside are removed, never followed.</summary>
    internal static void RemoveWorkDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
