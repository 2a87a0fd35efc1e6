using Barge.Engine.Credentials;
using Barge.Engine.Promotion;
using Barge.Storage;

namespace Barge.Server.Api;

/// <summary>
/// Dry runs of a promotion for the API and the UI (Barge extension <c>POST …/stages/{s}/promotions/dry-run</c>):
/// the engine's <see cref="PromotionEngine.DryRunAsync"/> with the project's credentials, which builds the
/// Promotion a request would create, runs its steps against a scratch work directory, skips steps with side
/// effects and stores nothing — the same code as <c>barge promote --dry-run</c> in embedded mode.
/// </summary>
public sealed class PromotionDryRuns
{
    private readonly IResourceStore _store;
    private readonly TimeProvider _time;
    private readonly StoreCredentialSource _credentials;
    private readonly string _workRoot;

    /// <param name="workRoot">The Promotion work directory root (<c>$BARGE_HOME/work</c>); the scratch copies go under it.</param>
    public PromotionDryRuns(IResourceStore store, TimeProvider time, StoreCredentialSource credentials, string workRoot)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentException.ThrowIfNullOrEmpty(workRoot);
        _store = store;
        _time = time;
        _credentials = credentials;
        _workRoot = workRoot;
    }

    /// <summary>
    /// Dry-runs promoting exactly one of Freight name, alias or origin (<c>Warehouse/&lt;name&gt;</c>) into
    /// <paramref name="stage"/>. A request no Promotion can be built for is refused (400, reason <c>BadInput</c>,
    /// every problem listed), as embedded mode refuses it.
    /// </summary>
    public async Task<ApiOutcome<PromotionDryRun>> RunAsync(string project, string stage, PromoteBody body, string actor, CancellationToken cancellationToken)
    {
        var request = ResourceActions.RequestOf(project, stage, body, actor);
        if (!request.Succeeded)
        {
            return request.Error;
        }
        var options = new PromotionEngineOptions(_workRoot) { Credentials = await _credentials.ForProjectAsync(project, cancellationToken) };
        var steps = new StepRecorder();
        var report = await new PromotionEngine(_store, options, _time).DryRunAsync(request.Value, steps, cancellationToken);
        if (report.Outcome is not { } outcome || report.Promotion is not { } promotion)
        {
            return new ApiError(400, string.Join("\n", report.Errors)) { Errors = report.Errors, Reason = "BadInput" };
        }
        return new PromotionDryRun(promotion.Name, outcome.Phase.ToString(), outcome.Message, steps.Steps, report.Diffs);
    }

    /// <summary>Keeps the step changes in the order the run reported them (synchronously, unlike Progress&lt;T&gt;).</summary>
    private sealed class StepRecorder : IProgress<StepProgress>
    {
        private readonly List<DryRunStep> _steps = [];

        public IReadOnlyList<DryRunStep> Steps
        {
            get
            {
                lock (_steps)
                {
                    return [.. _steps];
                }
            }
        }

        public void Report(StepProgress value)
        {
            lock (_steps)
            {
                _steps.Add(new DryRunStep(value.Index, value.Count, value.Alias, value.Uses, value.Status.ToString(), value.Message));
            }
        }
    }
}
