using System.Security.Cryptography;
using System.Text.Json;
using Barge.Engine.Controllers;
using Barge.Engine.Credentials;
using Barge.Engine.Pipeline;
using Barge.Engine.Promotion;
using Barge.Resources.Model;
using Barge.Resources.Serialization;
using Barge.Storage;
using Microsoft.Extensions.Logging;

namespace Barge.Cli.Demo;

using Promotion = Barge.Resources.Model.Promotion;

/// <summary>
/// The pipeline from the engine's parts while no Stage controller host exists: the Warehouse controller
/// for discovery, <see cref="AutoPromotionPlanner"/> and <see cref="PromotionPolicies"/> for what to
/// auto-promote, <see cref="PromotionFactory"/> and <see cref="PromotionEngine"/> to create and run it,
/// <see cref="FreightBookkeeping"/> and <see cref="FreightHistory"/> to record where Freight is and
/// where it was verified. Stages with <c>spec.verification</c> are refused: only the Stage controller
/// runs analyses. History comes from the audit trail, or from the Promotions while the engine writes none.
/// </summary>
internal sealed class InterimPipeline : IDemoPipeline
{
    private const int MaxRounds = 20;
    private readonly IResourceStore _store;
    private readonly string _project;
    private readonly TimeProvider _time;
    private readonly WarehouseController _warehouses;
    private readonly PromotionEngine _engine;
    private readonly AutoPromotionPlanner _planner;
    private readonly FreightBookkeeping _bookkeeping;
    private readonly RandomNumberGenerator _random = RandomNumberGenerator.Create();

    public InterimPipeline(IResourceStore store, string project, string home, SecretCipher cipher, ICredentialProvider credentials, TimeProvider time, ILoggerFactory loggers)
    {
        _store = store;
        _project = project;
        _time = time;
        _warehouses = new WarehouseController(store, home, cipher, time, loggers);
        _engine = new PromotionEngine(store, new PromotionEngineOptions(Path.Combine(home, "work")) { Credentials = credentials }, time);
        _planner = new AutoPromotionPlanner(new FreightAvailability(time));
        _bookkeeping = new FreightBookkeeping(time);
    }

    public string Description => "Warehouse controller + the Stage rules of Engine/Pipeline + the promotion engine";

    public async Task SettleAsync(CancellationToken cancellationToken)
    {
        for (var round = 0; round < MaxRounds; round++)
        {
            await _warehouses.Runtime.RunUntilIdleAsync(TimeSpan.FromMilliseconds(100), cancellationToken);
            await RecordFinishedAsync(cancellationToken);
            if (await AutoPromoteAsync(cancellationToken) == 0)
            {
                return;
            }
        }
        throw new DemoFailureException($"project \"{_project}\" still had auto-promotions to run after {MaxRounds} rounds");
    }

    /// <summary>The audit trail's PromotionFinished entries when the engine writes them; the finished Promotions otherwise.</summary>
    public async Task<IReadOnlyList<DemoHistoryRow>> HistoryAsync(CancellationToken cancellationToken)
    {
        var audited = await AuditHistory.ReadAsync(_store, _project, cancellationToken);
        return audited.Count > 0 ? audited : await FromPromotionsAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<DemoHistoryRow>> FromPromotionsAsync(CancellationToken cancellationToken)
    {
        var freight = (await StoredTyped.ListAsync<Freight>(_store, "Freight", _project, cancellationToken)).ToDictionary(f => f.Name, StringComparer.Ordinal);
        var promotions = await StoredTyped.ListAsync<Promotion>(_store, "Promotion", _project, cancellationToken);
        return promotions
            .Where(p => FinalPhase.IsTerminal(p.Status?.Phase))
            .OrderBy(p => p.Status?.FinishedAt ?? DateTimeOffset.MaxValue)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p =>
            {
                var name = p.Spec?.Freight ?? "";
                freight.TryGetValue(name, out var f);
                return new DemoHistoryRow(
                    p.Spec?.Stage ?? "",
                    name,
                    f?.Alias,
                    p.Spec?.Origin?.Name ?? f?.Origin?.Name ?? "",
                    p.Metadata.Annotations?.GetValueOrDefault(PipelineAnnotations.CreateActor) ?? "",
                    p.Status!.Phase!.Value.ToString(),
                    null);
            })
            .ToList();
    }

    public ValueTask DisposeAsync()
    {
        _warehouses.Dispose();
        _random.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task RecordFinishedAsync(CancellationToken cancellationToken)
    {
        var promotions = await StoredTyped.ListAsync<Promotion>(_store, "Promotion", _project, cancellationToken);
        foreach (var stored in (await _store.ListAsync(ResourceQuery.OfKind("Stage", _project), cancellationToken)).Items)
        {
            var stage = StoredTyped.From<Stage>(stored);
            var last = stage.Status?.LastPromotion?.Name;
            var finished = promotions
                .Where(p => p.Spec?.Stage == stage.Name && FinalPhase.IsTerminal(p.Status?.Phase))
                .Where(p => last is null || string.CompareOrdinal(p.Name, last) > 0)
                .OrderBy(p => p.Name, StringComparer.Ordinal);
            var resourceVersion = stored.ResourceVersion;
            foreach (var promotion in finished)
            {
                (stage, resourceVersion) = await RecordAsync(stage, resourceVersion, promotion, cancellationToken);
            }
        }
    }

    private async Task<(Stage, long)> RecordAsync(Stage stage, long resourceVersion, Promotion promotion, CancellationToken cancellationToken)
    {
        var status = stage.Status ?? new StageStatus();
        var updated = status with
        {
            LastPromotion = new PromotionReference
            {
                Name = promotion.Name,
                Freight = promotion.Status?.Freight,
                Status = promotion.Status,
                FinishedAt = promotion.Status?.FinishedAt,
            },
        };
        if (promotion.Status is { Phase: PromotionPhase.Succeeded, FreightCollection: { } collection })
        {
            var previous = FreightHistory.Current(status);
            updated = updated with
            {
                FreightHistory = FreightHistory.Record(status.FreightHistory, collection),
                FreightSummary = FreightHistory.Summary(stage.Spec?.RequestedFreight?.Count ?? 0, collection),
            };
            var entered = collection.Items?.Values.Select(r => r.Name ?? "").ToHashSet(StringComparer.Ordinal) ?? [];
            foreach (var left in previous?.Items?.Values.Select(r => r.Name ?? "").Where(n => !entered.Contains(n)) ?? [])
            {
                await UpdateFreightAsync(left, s => _bookkeeping.LeaveStage(s, stage.Name), cancellationToken);
            }
            foreach (var name in entered)
            {
                await UpdateFreightAsync(name, s => MarkVerified(stage, _bookkeeping.EnterStage(s, stage.Name)), cancellationToken);
            }
        }
        var written = await _store.UpdateStatusAsync(new ResourceKey("Stage", _project, stage.Name), resourceVersion, ToElement(updated), cancellationToken);
        return (stage with { Status = updated }, written.ResourceVersion);
    }

    /// <summary>Without <c>spec.verification</c> a Stage's Freight is verified as soon as it is there (kargo-spec §7.5).</summary>
    private FreightStatus MarkVerified(Stage stage, FreightStatus status)
    {
        if (stage.Spec?.Verification is not null)
        {
            throw new DemoFailureException($"Stage \"{stage.Name}\" in project \"{_project}\" has spec.verification, which the demo's interim pipeline does not run");
        }
        return FreightBookkeeping.MarkVerified(status, stage.Name, _time.GetUtcNow());
    }

    private async Task UpdateFreightAsync(string name, Func<FreightStatus?, FreightStatus> change, CancellationToken cancellationToken)
    {
        var key = new ResourceKey("Freight", _project, name);
        var stored = await _store.GetAsync(key, cancellationToken);
        if (stored is null)
        {
            return;
        }
        var before = StoredTyped.From<Freight>(stored).Status;
        var after = change(before);
        if (!ReferenceEquals(before, after))
        {
            await _store.UpdateStatusAsync(key, stored.ResourceVersion, ToElement(after), cancellationToken);
        }
    }

    private async Task<int> AutoPromoteAsync(CancellationToken cancellationToken)
    {
        var configStored = await _store.GetAsync(new ResourceKey("ProjectConfig", _project, _project), cancellationToken);
        var config = configStored is null ? null : StoredTyped.From<ProjectConfig>(configStored);
        var freight = await StoredTyped.ListAsync<Freight>(_store, "Freight", _project, cancellationToken);
        var promotions = await StoredTyped.ListAsync<Promotion>(_store, "Promotion", _project, cancellationToken);
        var created = 0;
        foreach (var stage in await StoredTyped.ListAsync<Stage>(_store, "Stage", _project, cancellationToken))
        {
            var plan = _planner.Plan(stage, PromotionPolicies.Find(config, stage), freight, promotions.Where(p => p.Spec?.Stage == stage.Name).ToList());
            foreach (var wanted in plan.Create)
            {
                var request = new PromotionRequest(_project, stage.Name) { Freight = wanted.Freight, Actor = wanted.Actor };
                var creation = await new PromotionFactory(_store, _time, _random).CreateAsync(request, cancellationToken);
                if (creation.Promotion is not { } promotion)
                {
                    throw new DemoFailureException($"auto-promotion of Freight \"{wanted.Freight}\" into Stage \"{stage.Name}\": {string.Join("; ", creation.Errors)}");
                }
                await _engine.RunToCompletionAsync(_project, promotion.Name, null, cancellationToken);
                created++;
            }
        }
        return created;
    }

    private static JsonElement ToElement<T>(T status) => JsonSerializer.SerializeToElement(ResourceSerializer.ToJsonNode(status));
}
