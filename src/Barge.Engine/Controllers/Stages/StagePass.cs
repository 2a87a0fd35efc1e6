using Barge.Engine.Pipeline;
using Barge.Engine.Promotion;
using Barge.Engine.Verification;
using Barge.Resources.Model;
using Barge.Storage.Events;

namespace Barge.Engine.Controllers.Stages;

/// <summary>
/// One pass of the Stage reconciler over a <see cref="StageSnapshot"/>, calling the pure phases of
/// <c>Barge.Engine.Pipeline</c> in Kargo's order (docs/pipeline.md): policy, promotion queue, Freight
/// presence, health, verification, Freight verified, holds, auto-promotion, soak timers. Freight
/// status changes go into the snapshot; the rest comes back as a <see cref="StagePassResult"/>.
/// </summary>
internal sealed class StagePass
{
    private readonly TimeProvider _time;
    private readonly FreightAvailability _availability;
    private readonly PromotionQueue _queue;
    private readonly FreightPresence _presence;
    private readonly StageHealth _health;
    private readonly StageVerification _verification;
    private readonly VerificationDriver _driver;
    private readonly AutoPromotionPlanner _planner;
    private readonly PromotionFactory _factory;

    public StagePass(TimeProvider time, IVerificationRunner? runner, PromotionFactory factory)
    {
        _time = time;
        _availability = new FreightAvailability(time);
        _queue = new PromotionQueue(time);
        _presence = new FreightPresence(new FreightBookkeeping(time));
        _health = new StageHealth(time, []);
        _verification = new StageVerification(time);
        _driver = new VerificationDriver(_verification, runner, time);
        _planner = new AutoPromotionPlanner(_availability);
        _factory = factory;
    }

    public async Task<StagePassResult> RunAsync(StageSnapshot snapshot, CancellationToken cancellationToken)
    {
        var stage = snapshot.Stage;
        var events = new List<EventEntry>();
        if ((stage.Spec?.PromotionTemplate?.Spec?.Steps ?? []).Count == 0)
        {
            return ControlFlow(snapshot);
        }
        var policy = PromotionPolicies.Find(snapshot.Config, stage);
        var queue = _queue.Sync(stage, snapshot.Promotions, policy.AutoPromotionEnabled);
        stage = stage with { Status = queue.Status };

        var current = FreightHistory.Current(stage.Status);
        var inCollection = new HashSet<string>(current?.Items?.Values.Select(r => r.Name ?? "") ?? [], StringComparer.Ordinal);
        var claiming = snapshot.Freight.Where(f => inCollection.Contains(f.Name) || f.Status?.CurrentlyIn?.ContainsKey(stage.Name) == true);
        foreach (var update in _presence.Sync(stage.Name, current, claiming.ToList()).Updates)
        {
            snapshot.Apply(update.Freight, update.Status);
        }

        stage = stage with { Status = await _health.AssessAsync(stage, cancellationToken) };
        (stage, var recheck) = await _driver.RunAsync(stage, events, cancellationToken);

        var (verified, verifiedAt) = StageVerification.FreightToMarkVerified(stage);
        foreach (var name in verified)
        {
            if (snapshot.Freight.FirstOrDefault(f => f.Name == name) is { } freight)
            {
                snapshot.Apply(name, FreightBookkeeping.MarkVerified(freight.Status, stage.Name, verifiedAt));
            }
        }

        stage = stage with { Status = stage.Status! with { EffectiveAutoPromotionHolds = AutoPromotionHolds.Effective(stage, snapshot.Promotions, policy.AutoPromotionEnabled) } };
        var requested = RequestedFreight(stage, snapshot);
        var plan = _planner.Plan(stage, policy, requested, [.. snapshot.Promotions]);
        var create = new List<PreparedPromotion>();
        foreach (var wanted in plan.Create)
        {
            var prepared = await _factory.PrepareAsync(new PromotionRequest(wanted.Project, wanted.Stage) { Freight = wanted.Freight }, cancellationToken);
            if (prepared.Resource is not null)
            {
                create.Add(prepared);
            }
        }
        var status = stage.Status! with { AutoPromotionEnabled = plan.Enabled, ObservedGeneration = stage.Metadata.Generation };
        return new StagePassResult(status, create, events, Earliest(recheck, SoakDeadline(stage, requested)));
    }

    /// <summary>A control-flow Stage (no steps) verifies every available Freight at once, fanning it out downstream.</summary>
    private StagePassResult ControlFlow(StageSnapshot snapshot)
    {
        var stage = snapshot.Stage;
        var requested = RequestedFreight(stage, snapshot);
        foreach (var update in _verification.VerifyControlFlow(stage, _availability.ListAvailable(stage, requested)))
        {
            snapshot.Apply(update.Freight, update.Status);
        }
        var status = (stage.Status ?? new StageStatus()) with { ObservedGeneration = stage.Metadata.Generation };
        return new StagePassResult(status, [], [], SoakDeadline(stage, requested));
    }

    private static List<Freight> RequestedFreight(Stage stage, StageSnapshot snapshot)
    {
        var origins = new HashSet<string>((stage.Spec?.RequestedFreight ?? []).Select(r => r.Origin?.Name ?? ""), StringComparer.Ordinal);
        return [.. snapshot.Freight.Where(f => origins.Contains(f.Origin?.Name ?? ""))];
    }

    /// <summary>The time until the earliest soak deadline of Freight the Stage waits for (the only timer of a Stage besides verification).</summary>
    private TimeSpan? SoakDeadline(Stage stage, IEnumerable<Freight> requested)
    {
        var now = _time.GetUtcNow();
        DateTimeOffset? earliest = null;
        foreach (var freight in requested)
        {
            if (_availability.Evaluate(stage, freight) is { IsAvailable: false, AvailableAt: { } at } && at > now && (earliest is null || at < earliest))
            {
                earliest = at;
            }
        }
        return earliest - now;
    }

    private static TimeSpan? Earliest(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : (a < b ? a : b);
}
