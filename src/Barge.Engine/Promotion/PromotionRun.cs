using System.Text.Json.Nodes;
using Barge.Engine.Templating;
using Barge.Expressions;
using Barge.Resources.Model;
using ModelStepStatus = Barge.Resources.Model.StepStatus;

namespace Barge.Engine.Promotion;

/// <summary>
/// One engine pass over a Promotion's steps (kargo-spec §5): from the current step, each unfinished
/// step has its vars, <c>if</c> and config evaluated and is run; its metadata and output are written
/// to the status after every step. The pass ends when every step is finished (final phase), when a
/// step is Running or will be retried (requeue), or on abort.
/// </summary>
internal sealed class PromotionRun
{
    private static readonly TimeSpan DefaultRequeue = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MinimumRequeue = TimeSpan.FromSeconds(10);

    private readonly PromotionRunSetup _setup;
    private readonly List<PromotionStep> _steps;
    private readonly List<StepExecutionMetadata> _metadata;
    private readonly JsonObject _state;
    private readonly StepEvaluation _evaluation;
    private PromotionStatus _status;

    public PromotionRun(PromotionRunSetup setup, Barge.Resources.Model.Promotion promotion)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(promotion);
        _setup = setup;
        _steps = promotion.Spec?.Steps ?? [];
        _status = promotion.Status ?? new PromotionStatus();
        _metadata = [.. _status.StepExecutionMetadata ?? []];
        _state = _status.State?.DeepClone().AsObject() ?? [];
        _evaluation = new StepEvaluation(setup.Facts, setup.Data, promotion.Spec?.Vars ?? [], setup.Time);
    }

    /// <summary>Every step's evaluated config, by index, as the last pass evaluated it (dry-run diffs read git-clone's).</summary>
    public Dictionary<int, JsonObject> EvaluatedConfigs { get; } = [];

    /// <summary>The state (alias → output) after the pass.</summary>
    public JsonObject State => _state;

    /// <summary>
    /// Runs the pass. <paramref name="restartFromFirstStep"/> is set when the work directory had to be
    /// created again (a lost directory): step metadata is cleared and state kept, as Kargo does.
    /// </summary>
    public async Task<PromotionRunOutcome> ExecuteAsync(bool restartFromFirstStep, CancellationToken cancellationToken)
    {
        var now = _setup.Time.GetUtcNow();
        if (restartFromFirstStep && _metadata.Count > 0)
        {
            _metadata.Clear();
            _status = _status with { CurrentStep = 0 };
        }
        if (_status.Phase is null or PromotionPhase.Pending)
        {
            _status = _status with { Phase = PromotionPhase.Running, StartedAt = _status.StartedAt ?? now, Message = null };
            await SaveAsync(cancellationToken);
        }
        for (var i = (int)Math.Clamp(_status.CurrentStep, 0, _steps.Count); i < _steps.Count; i++)
        {
            if (_setup.Writer.AbortRequested is { } abort)
            {
                return await AbortAsync(abort, cancellationToken);
            }
            _status = _status with { CurrentStep = i };
            var requeue = await RunStepAsync(i, cancellationToken);
            await SaveAsync(cancellationToken);
            if (requeue is not null)
            {
                return new PromotionRunOutcome(PromotionPhase.Running, _status.Message, requeue, _status);
            }
        }
        var (phase, message) = FinalPhase.Determine(_metadata);
        _status = _status with { Phase = phase, Message = message, FinishedAt = _setup.Time.GetUtcNow() };
        await SaveAsync(cancellationToken);
        return new PromotionRunOutcome(phase, message, null, _status);
    }

    /// <summary>Marks the running step Aborted and the Promotion Aborted (a pass that finds the abort annotation).</summary>
    public async Task<PromotionRunOutcome> AbortAsync(AbortRequest abort, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(abort);
        var now = _setup.Time.GetUtcNow();
        for (var i = 0; i < _metadata.Count; i++)
        {
            if (_metadata[i].StartedAt is not null && _metadata[i].FinishedAt is null)
            {
                _metadata[i] = _metadata[i] with { Status = ModelStepStatus.Aborted, FinishedAt = now, Message = abort.Message };
                Report(i, _metadata[i]);
            }
        }
        _status = _status with { Phase = PromotionPhase.Aborted, Message = abort.Message, FinishedAt = now };
        await SaveAsync(cancellationToken);
        return new PromotionRunOutcome(PromotionPhase.Aborted, abort.Message, null, _status);
    }

    /// <summary>Runs step <paramref name="index"/>; returns a requeue delay when the pass must stop here.</summary>
    private async Task<TimeSpan?> RunStepAsync(int index, CancellationToken cancellationToken)
    {
        var step = _steps[index];
        var alias = step.As ?? StepInflater.Alias(step, index, "step");
        var meta = index < _metadata.Count ? _metadata[index] : new StepExecutionMetadata { Alias = alias, ContinueOnError = step.ContinueOnError };
        if (meta.FinishedAt is not null)
        {
            return null;
        }
        var now = _setup.Time.GetUtcNow();
        var firstRun = meta.StartedAt is null;
        meta = meta with { StartedAt = meta.StartedAt ?? now, Status = ModelStepStatus.Running };
        Put(index, meta);
        Report(index, meta);

        _setup.Registry.TryGet(step.Uses ?? "", out var runner);
        Dictionary<string, object?> environment;
        try
        {
            environment = _evaluation.Environment(step, alias, _state, _metadata);
            if (firstRun && !_evaluation.If(step, environment))
            {
                Finish(index, meta with { Status = ModelStepStatus.Skipped });
                return null;
            }
        }
        catch (ExpressionException ex)
        {
            Finish(index, meta with { Status = ModelStepStatus.Errored, Message = $"error checking if step \"{alias}\" should be skipped: {ex.Message}" });
            return null;
        }
        if (runner is null)
        {
            Finish(index, meta with { Status = ModelStepStatus.Errored, Message = $"step kind \"{step.Uses}\" is not registered" });
            return null;
        }
        JsonObject config;
        try
        {
            config = _evaluation.Config(step, environment);
        }
        catch (ExpressionException ex)
        {
            return Apply(index, meta, alias, runner, StepResult.Errored($"error evaluating config of step \"{alias}\": {ex.Message}"));
        }
        EvaluatedConfigs[index] = config;
        if (_setup.DryRun && runner.HasSideEffects)
        {
            Finish(index, meta with { Status = ModelStepStatus.Skipped, Message = $"dry run: step \"{alias}\" ({runner.Kind}) has side effects and was not run" });
            return null;
        }
        StepResult result;
        try
        {
            result = await runner.RunAsync(_setup.StepContext, config, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            result = StepResult.Errored("step panicked: " + ex.Message, terminal: true);
        }
        _state[alias] = ToNode(result.Output);
        PropagateTaskOutput(runner, alias, result.Output);
        return Apply(index, meta, alias, runner, result);
    }

    private TimeSpan? Apply(int index, StepExecutionMetadata meta, string alias, IPromotionStep runner, StepResult result)
    {
        var now = _setup.Time.GetUtcNow();
        var policy = RetryPolicy.For(_steps[index].Retry, runner);
        var timedOut = policy.Timeout is { } limit && now - meta.StartedAt!.Value > limit;
        var timeoutMessage = $"step \"{alias}\" timed out after {RetryPolicy.FormatDuration(policy.Timeout ?? TimeSpan.Zero)}";
        switch (result.Status)
        {
            case StepStatus.Succeeded:
            case StepStatus.Skipped:
                Finish(index, meta with { Status = result.Status == StepStatus.Succeeded ? ModelStepStatus.Succeeded : ModelStepStatus.Skipped, Message = result.Message });
                return null;
            case StepStatus.Running:
                if (timedOut)
                {
                    Finish(index, meta with { Status = ModelStepStatus.Errored, Message = timeoutMessage });
                    return null;
                }
                Put(index, meta with { Status = ModelStepStatus.Running, Message = result.Message });
                return RunningRequeue(result.RetryAfter, meta.StartedAt!.Value, policy.Timeout, now);
            default:
                var failed = result.Status == StepStatus.Failed;
                var message = result.Message ?? "";
                if (result.Terminal)
                {
                    Finish(index, meta with
                    {
                        Status = failed ? ModelStepStatus.Failed : ModelStepStatus.Errored,
                        Message = failed ? message : "an unrecoverable error occurred: " + message,
                    });
                    return null;
                }
                var errors = meta.ErrorCount + 1;
                if (errors >= policy.ErrorThreshold)
                {
                    Finish(index, meta with
                    {
                        ErrorCount = errors,
                        Status = failed ? ModelStepStatus.Failed : ModelStepStatus.Errored,
                        Message = $"step \"{alias}\" met error threshold of {policy.ErrorThreshold}: {message}",
                    });
                    return null;
                }
                if (timedOut)
                {
                    Finish(index, meta with { ErrorCount = errors, Status = ModelStepStatus.Errored, Message = timeoutMessage });
                    return null;
                }
                Put(index, meta with { ErrorCount = errors, Status = ModelStepStatus.Running, Message = message + "; step will be retried" });
                _status = _status with { Message = message + "; step will be retried" };
                return Backoff(errors);
        }
    }

    /// <summary>Kargo requeues a Running step after its retry-after (at least 10 s, default 5 min), but no later than its timeout.</summary>
    private static TimeSpan RunningRequeue(TimeSpan? retryAfter, DateTimeOffset startedAt, TimeSpan? timeout, DateTimeOffset now)
    {
        var interval = retryAfter is { } r ? (r < MinimumRequeue ? MinimumRequeue : r) : DefaultRequeue;
        if (timeout is { } limit)
        {
            var remaining = startedAt + limit - now;
            if (remaining < interval)
            {
                interval = remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
            }
        }
        return interval;
    }

    /// <summary>Exponential back-off after a retryable error (the controller's rate limiter: 5 ms doubling, capped at 1000 s).</summary>
    private static TimeSpan Backoff(uint errors) =>
        TimeSpan.FromMilliseconds(Math.Min(5 * Math.Pow(2, Math.Min(errors - 1, 30)), 1_000_000));

    /// <summary>Inside a task, compose-output's output is also merged into the task alias (<c>outputs.T.key</c>).</summary>
    private void PropagateTaskOutput(IPromotionStep runner, string alias, IReadOnlyDictionary<string, JsonNode?>? output)
    {
        var separator = alias.IndexOf(StepInflater.AliasSeparator, StringComparison.Ordinal);
        if (runner is not Steps.ComposeOutputStep || separator < 0 || output is null)
        {
            return;
        }
        var taskAlias = alias[..separator];
        if (_state[taskAlias] is not JsonObject taskOutput)
        {
            taskOutput = [];
            _state[taskAlias] = taskOutput;
        }
        foreach (var (key, value) in output)
        {
            taskOutput[key] = value?.DeepClone();
        }
    }

    private static JsonObject? ToNode(IReadOnlyDictionary<string, JsonNode?>? output)
    {
        if (output is null)
        {
            return null;
        }
        var node = new JsonObject();
        foreach (var (key, value) in output)
        {
            node[key] = value?.DeepClone();
        }
        return node;
    }

    private void Finish(int index, StepExecutionMetadata meta)
    {
        meta = meta with { FinishedAt = _setup.Time.GetUtcNow() };
        Put(index, meta);
        Report(index, meta);
    }

    private void Put(int index, StepExecutionMetadata meta)
    {
        while (_metadata.Count <= index)
        {
            var step = _steps[_metadata.Count];
            _metadata.Add(new StepExecutionMetadata { Alias = step.As, ContinueOnError = step.ContinueOnError });
        }
        _metadata[index] = meta;
    }

    private void Report(int index, StepExecutionMetadata meta) =>
        _setup.Progress?.Report(new StepProgress(index, _steps.Count, meta.Alias ?? "", _steps[index].Uses ?? "", meta.Status ?? ModelStepStatus.Running, meta.Message));

    private Task SaveAsync(CancellationToken cancellationToken)
    {
        _status = _status with { StepExecutionMetadata = [.. _metadata], State = _state.DeepClone().AsObject() };
        return _setup.Writer.WriteAsync(_status, cancellationToken);
    }
}
