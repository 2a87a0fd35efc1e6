using Barge.Engine.Controllers;
using Barge.Engine.Controllers.Stages;
using Barge.Engine.Credentials;
using Barge.Engine.Promotion;
using Barge.Resources.Model;
using Barge.Storage;
using Microsoft.Extensions.Logging;

namespace Barge.Cli.Demo;

using Promotion = Barge.Resources.Model.Promotion;

/// <summary>
/// The pipeline on the engine's reconcilers: the Warehouse controller for discovery, the
/// <see cref="StageReconciler"/> (availability, soak, auto-promotion per origin, Freight bookkeeping,
/// audit) on its own runtime, and the <see cref="PromotionEngine"/> for the Promotion each Stage's gate
/// admitted (its <c>status.currentPromotion</c>) — until a Promotion controller host runs them itself.
/// </summary>
internal sealed class ReconcilerPipeline : IDemoPipeline
{
    private const int MaxRounds = 20;
    private static readonly TimeSpan IdleWindow = TimeSpan.FromMilliseconds(100);
    private readonly IResourceStore _store;
    private readonly string _project;
    private readonly WarehouseController _warehouses;
    private readonly ControllerRuntime _stages;
    private readonly PromotionEngine _engine;

    public ReconcilerPipeline(IResourceStore store, string project, string home, SecretCipher cipher, ICredentialProvider credentials, TimeProvider time, ILoggerFactory loggers)
    {
        _store = store;
        _project = project;
        _warehouses = new WarehouseController(store, home, cipher, time, loggers);
        _stages = new ControllerRuntime(store, [new StageReconciler(store, time, null, loggers.CreateLogger<StageReconciler>())], time, loggers.CreateLogger<ControllerRuntime>());
        _engine = new PromotionEngine(store, new PromotionEngineOptions(Path.Combine(home, "work")) { Credentials = credentials }, time);
    }

    public string Description => "Warehouse controller, Stage reconciler, promotion engine";

    public async Task SettleAsync(CancellationToken cancellationToken)
    {
        for (var round = 0; round < MaxRounds; round++)
        {
            await _warehouses.Runtime.RunUntilIdleAsync(IdleWindow, cancellationToken);
            await _stages.RunUntilIdleAsync(IdleWindow, cancellationToken);
            if (await RunQueuedPromotionsAsync(cancellationToken) == 0)
            {
                return;
            }
        }
        throw new DemoFailureException($"project \"{_project}\" still had Promotions to run after {MaxRounds} rounds");
    }

    /// <summary>The audit trail's PromotionFinished entries (written by the engine with each Promotion's end).</summary>
    public async Task<IReadOnlyList<DemoHistoryRow>> HistoryAsync(CancellationToken cancellationToken) =>
        await AuditHistory.ReadAsync(_store, _project, cancellationToken);

    public ValueTask DisposeAsync()
    {
        _stages.Dispose();
        _warehouses.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Runs each Stage's admitted Promotion to its end; returns how many ran.</summary>
    private async Task<int> RunQueuedPromotionsAsync(CancellationToken cancellationToken)
    {
        var promotions = (await StoredTyped.ListAsync<Promotion>(_store, "Promotion", _project, cancellationToken)).ToDictionary(p => p.Name, StringComparer.Ordinal);
        var admitted = (await StoredTyped.ListAsync<Stage>(_store, "Stage", _project, cancellationToken))
            .Select(s => s.Status?.CurrentPromotion?.Name)
            .OfType<string>()
            .Where(name => promotions.TryGetValue(name, out var p) && !FinalPhase.IsTerminal(p.Status?.Phase))
            .ToList();
        foreach (var name in admitted)
        {
            await _engine.RunToCompletionAsync(_project, name, null, cancellationToken);
        }
        return admitted.Count;
    }
}
