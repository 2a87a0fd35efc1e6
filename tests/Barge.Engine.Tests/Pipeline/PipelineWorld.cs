using Barge.Engine.Pipeline;
using Barge.Resources.Model;
using Microsoft.Extensions.Time.Testing;

namespace Barge.Engine.Tests.Pipeline;

using Promotion = Barge.Resources.Model.Promotion;

/// <summary>
/// An in-memory project driven by the pipeline phases the way the Stage and Promotion reconcilers will
/// drive them (docs/pipeline.md): the "store" is a set of dictionaries, the promotion engine a stand-in
/// that succeeds at once with the collection Kargo's Promotion reconciler builds.
/// </summary>
internal sealed class PipelineWorld
{
    private readonly FreightAvailability availability;
    private readonly FreightPresence presence;
    private readonly PromotionQueue queue;
    private readonly StageHealth health;
    private readonly StageVerification verification;
    private readonly AutoPromotionPlanner planner;
    private int sequence;

    public PipelineWorld(FakeTimeProvider clock, ProjectConfig? config, IEnumerable<Stage> stages)
    {
        Clock = clock;
        Config = config;
        availability = new FreightAvailability(clock);
        presence = new FreightPresence(new FreightBookkeeping(clock));
        queue = new PromotionQueue(clock);
        health = new StageHealth(clock, []);
        verification = new StageVerification(clock);
        planner = new AutoPromotionPlanner(availability);
        foreach (var stage in stages)
        {
            Stages[stage.Name] = stage with { Status = stage.Status ?? new StageStatus() };
        }
    }

    public FakeTimeProvider Clock { get; }

    public ProjectConfig? Config { get; }

    public Dictionary<string, Stage> Stages { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Freight> Freight { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Promotion> Promotions { get; } = new(StringComparer.Ordinal);

    public List<(string Promotion, string Freight, string Origin, string Actor)> Created { get; } = [];

    public FreightAvailability Availability => availability;

    public void Add(Freight freight) => Freight[freight.Name] = freight;

    /// <summary>A person's Promotion (<c>barge promote</c>), with the hold intent the create path stamps.</summary>
    public string Promote(string stageName, string freightName, string actor)
    {
        var stage = Stages[stageName];
        var freight = Freight[freightName];
        if (!availability.IsAvailable(stage, freight))
        {
            throw new InvalidOperationException($"Freight \"{freightName}\" is not available to Stage \"{stageName}\"");
        }
        var policy = PromotionPolicies.Find(Config, stage);
        var candidates = AutoPromotionCandidates.Select(stage, availability.ListAvailable(stage, Freight.Values));
        var promotion = NewPromotion(stageName, freightName) with
        {
            Metadata = new ObjectMeta { Namespace = stage.Project, Annotations = new() { [PipelineAnnotations.CreateActor] = actor } },
        };
        var intent = AutoPromotionHolds.Infer(promotion, freight, policy, candidates, fromControlPlane: true);
        promotion = Named(promotion, stageName, freightName);
        promotion = promotion with
        {
            Metadata = promotion.Metadata with { Annotations = AutoPromotionHolds.Annotate(promotion.Metadata.Annotations, intent, freight.Origin) },
        };
        Promotions[promotion.Name] = promotion;
        Created.Add((promotion.Name, freightName, OriginKeys.Of(freight.Origin), actor));
        return promotion.Name;
    }

    /// <summary>Reconciles every Stage and Promotion until nothing changes.</summary>
    public void RunUntilIdle()
    {
        for (var pass = 0; pass < 50; pass++)
        {
            var before = Snapshot();
            foreach (var name in Stages.Keys.ToList())
            {
                ReconcileStage(name);
            }
            foreach (var name in Promotions.Keys.Order(StringComparer.Ordinal).ToList())
            {
                ReconcilePromotion(name);
            }
            if (Snapshot() == before)
            {
                return;
            }
        }
        throw new InvalidOperationException("the pipeline did not settle in 50 passes");
    }

    private void ReconcileStage(string name)
    {
        var stage = Stages[name];
        var policy = PromotionPolicies.Find(Config, stage);
        var mine = Promotions.Values.Where(p => p.Spec!.Stage == name).ToList();

        var queued = queue.Sync(stage, mine, policy.AutoPromotionEnabled);
        stage = stage with { Status = queued.Status };

        var inStage = Freight.Values.Where(f => f.Status?.CurrentlyIn?.ContainsKey(name) == true
            || FreightCollections.Includes(FreightHistory.Current(stage.Status), f.Name));
        foreach (var update in presence.Sync(name, FreightHistory.Current(stage.Status), inStage.ToList()).Updates)
        {
            Freight[update.Freight] = Freight[update.Freight] with { Status = update.Status };
        }

        stage = stage with { Status = health.AssessAsync(stage, CancellationToken.None).GetAwaiter().GetResult() };
        stage = stage with { Status = verification.Decide(stage, $"verification-{++sequence}").Status };

        var (verified, at) = StageVerification.FreightToMarkVerified(stage);
        foreach (var freight in verified)
        {
            Freight[freight] = Freight[freight] with { Status = FreightBookkeeping.MarkVerified(Freight[freight].Status, name, at) };
        }

        stage = stage with { Status = stage.Status! with { EffectiveAutoPromotionHolds = AutoPromotionHolds.Effective(stage, mine, policy.AutoPromotionEnabled) } };
        var plan = planner.Plan(stage, policy, Freight.Values, mine);
        stage = stage with { Status = stage.Status! with { AutoPromotionEnabled = plan.Enabled } };
        foreach (var create in plan.Create)
        {
            var promotion = Named(create.ToPromotion(), create.Stage, create.Freight);
            Promotions[promotion.Name] = promotion;
            Created.Add((promotion.Name, create.Freight, OriginKeys.Of(create.Origin), create.Actor));
        }
        Stages[name] = stage;
    }

    private void ReconcilePromotion(string name)
    {
        var promotion = Promotions[name];
        var phase = promotion.Status?.Phase;
        if (phase is null)
        {
            Promotions[name] = promotion with { Status = new PromotionStatus { Phase = PromotionPhase.Pending } };
            return;
        }
        var stage = Stages[promotion.Spec!.Stage!];
        if (phase != PromotionPhase.Pending || stage.Status?.CurrentPromotion?.Name != name)
        {
            return;
        }
        var freight = Freight[promotion.Spec.Freight!];
        if (!availability.IsAvailable(stage, freight))
        {
            Promotions[name] = promotion with
            {
                Status = new PromotionStatus { Phase = PromotionPhase.Errored, Message = $"Freight \"{freight.Name}\" is not available to Stage \"{stage.Name}\"" },
            };
            return;
        }
        var reference = FreightCollections.Reference(freight);
        var now = Clock.GetUtcNow();
        Promotions[name] = promotion with
        {
            Status = new PromotionStatus
            {
                Phase = PromotionPhase.Succeeded,
                Freight = reference,
                FreightCollection = FreightCollections.ForPromotion(stage, reference),
                StartedAt = now,
                FinishedAt = now,
            },
        };
    }

    private static Promotion NewPromotion(string stage, string freight) =>
        new() { Spec = new PromotionSpec { Stage = stage, Freight = freight } };

    /// <summary>Names sort in creation order, as the ULID in Kargo's names makes them.</summary>
    private Promotion Named(Promotion promotion, string stage, string freight) =>
        promotion with
        {
            Metadata = promotion.Metadata with
            {
                Name = $"{stage}.{++sequence:D6}.{freight}",
                Namespace = PipelineFixtures.ProjectName,
                CreationTimestamp = Clock.GetUtcNow(),
            },
        };

    private string Snapshot() =>
        System.Text.Json.JsonSerializer.Serialize(new object[] { Stages, Freight, Promotions });
}
