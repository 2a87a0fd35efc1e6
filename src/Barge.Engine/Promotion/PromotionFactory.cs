using System.Security.Cryptography;
using System.Text.Json;
using Barge.Engine.Audit;
using Barge.Engine.Pipeline;
using Barge.Engine.Templating;
using Barge.Resources.Model;
using Barge.Resources.Serialization;
using Barge.Storage;

namespace Barge.Engine.Promotion;

/// <summary>
/// Builds and stores Promotions as Kargo's Promotion webhook completes them (kargo-spec §1.7, §5):
/// the name <c>&lt;stage&gt;.&lt;ULID&gt;.&lt;freight[:7]&gt;</c>, the Stage's vars then the template's,
/// the template's steps with tasks inflated, the stage label and annotation, the create-actor
/// annotation, and a Pending status holding the target Freight and the Freight collection.
/// </summary>
public sealed class PromotionFactory
{
    private const string StageLabel = "kargo.akuity.io/stage";
    private readonly IResourceStore _store;
    private readonly TimeProvider _time;
    private readonly RandomNumberGenerator _random;

    public PromotionFactory(IResourceStore store, TimeProvider time, RandomNumberGenerator random)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(random);
        _store = store;
        _time = time;
        _random = random;
    }

    /// <summary>Builds the Promotion without storing it (dry runs, tests).</summary>
    public async Task<PromotionCreation> BuildAsync(PromotionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var project = request.Project;
        var stage = await StoredResources.GetAsync<Stage>(_store, "Stage", project, request.Stage, cancellationToken);
        if (stage is null)
        {
            return Fail($"Stage \"{request.Stage}\" not found in project \"{project}\"");
        }
        var templateSteps = stage.Spec?.PromotionTemplate?.Spec?.Steps ?? [];
        if (templateSteps.Count == 0)
        {
            return Fail($"Stage \"{stage.Name}\" in project \"{project}\" has no promotion steps (a control-flow Stage): there is nothing to run");
        }
        var (freight, freightError) = await ResolveFreightAsync(request, stage, cancellationToken);
        if (freight is null)
        {
            return Fail(freightError!);
        }
        var promotionVars = new List<ExpressionVariable>([.. stage.Spec?.Vars ?? [], .. stage.Spec?.PromotionTemplate?.Spec?.Vars ?? []]);
        var tasks = await LoadTasksAsync(project, templateSteps, cancellationToken);
        var inflation = StepInflater.Inflate(templateSteps, promotionVars, tasks);
        if (!inflation.Succeeded)
        {
            return new PromotionCreation(null, [.. inflation.Errors.Select(e => $"Stage \"{stage.Name}\" in project \"{project}\": promotionTemplate.spec.{e}")]);
        }
        var name = PromotionNames.Generate(stage.Name, freight.Name, Ulid.New(_time, _random));
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { [StageLabel] = PromotionNames.ShortenLabel(stage.Name) };
        if (stage.Spec?.Shard is { Length: > 0 } shard)
        {
            labels[KargoApi.ShardLabel] = shard;
        }
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal) { [StageLabel] = stage.Name };
        if (request.Actor.Length > 0)
        {
            annotations[Actors.CreateActorAnnotation] = request.Actor;
        }
        var target = FreightCollections.ReferenceTo(freight);
        var promotion = new Barge.Resources.Model.Promotion
        {
            Metadata = new ObjectMeta { Name = name, Namespace = project, Labels = labels, Annotations = annotations },
            Spec = new PromotionSpec { Stage = stage.Name, Freight = freight.Name, Vars = promotionVars, Steps = [.. inflation.Steps] },
            Status = new PromotionStatus
            {
                Phase = PromotionPhase.Pending,
                Freight = target,
                FreightCollection = FreightCollections.ForTarget(stage, target),
            },
        };
        return new PromotionCreation(promotion, []) { FreightAlias = freight.Alias };
    }

    /// <summary>
    /// Builds the Promotion and creates it in the store, with its <see cref="Audit.AuditTypes.PromotionCreated"/>
    /// entry in the same transaction. A person's Promotion gets the auto-promotion hold or resume intent
    /// stamped (kargo-spec.md §7.3).
    /// </summary>
    public async Task<PromotionCreation> CreateAsync(PromotionRequest request, CancellationToken cancellationToken = default)
    {
        var prepared = await PrepareAsync(request, cancellationToken);
        if (prepared.Resource is not { } resource)
        {
            return prepared.Creation;
        }
        var stored = await _store.ApplyAsync([new StoreOperation.Create(resource)], [prepared.Audit!], cancellationToken);
        return new PromotionCreation(StoredResources.ToTyped<Barge.Resources.Model.Promotion>(stored[0]), []);
    }

    /// <summary>
    /// What <see cref="CreateAsync"/> stores, without storing it: the resource and its audit entry, so a
    /// caller (the Stage reconciler) can create it in a transaction with its own writes.
    /// </summary>
    internal async Task<PreparedPromotion> PrepareAsync(PromotionRequest request, CancellationToken cancellationToken)
    {
        var built = await BuildAsync(request, cancellationToken);
        if (built.Promotion is not { } promotion)
        {
            return new PreparedPromotion(built, null, null);
        }
        var annotations = promotion.Metadata.Annotations!;
        if (await HoldIntentAsync(request, promotion, cancellationToken) is { } intent)
        {
            annotations = AutoPromotionHolds.Annotate(annotations, intent, promotion.Status?.Freight?.Origin);
            promotion = promotion with { Metadata = promotion.Metadata with { Annotations = annotations } };
        }
        var manifest = ResourceSerializer.ToJsonNode((Resource)promotion);
        var key = new ResourceKey("Promotion", promotion.Project, promotion.Name);
        var resource = new NewResource(key, promotion.ApiVersion, JsonSerializer.SerializeToElement(manifest["spec"]))
        {
            Labels = promotion.Metadata.Labels!,
            Annotations = annotations,
            Status = JsonSerializer.SerializeToElement(manifest["status"]),
        };
        var actor = request.Actor.Length == 0 ? PromotionAudit.ControllerActor : request.Actor;
        var target = promotion.Status?.Freight;
        var audit = new AuditRecord(AuditTypes.PromotionCreated, actor,
            $"Promotion \"{promotion.Name}\" of Freight \"{promotion.Spec?.Freight}\" into Stage \"{promotion.Spec?.Stage}\" created")
        {
            Stage = promotion.Spec?.Stage,
            Freight = promotion.Spec?.Freight,
            FreightAlias = built.FreightAlias,
            Origin = target?.Origin?.Name,
            Promotion = promotion.Name,
            Phase = PromotionPhase.Pending.ToString(),
        }.ToEventEntry(key);
        return new PreparedPromotion(new PromotionCreation(promotion, []), resource, audit);
    }

    /// <summary>The hold intent of a person's Promotion; null for the controller's (which carry none).</summary>
    private async Task<HoldIntent?> HoldIntentAsync(PromotionRequest request, Barge.Resources.Model.Promotion promotion, CancellationToken cancellationToken)
    {
        if (request.Actor.Length == 0 || request.Actor.StartsWith(PipelineAnnotations.ControllerActorPrefix, StringComparison.Ordinal))
        {
            return null;
        }
        var stage = await StoredResources.GetAsync<Stage>(_store, "Stage", promotion.Project, promotion.Spec?.Stage ?? "", cancellationToken);
        var freight = await StoredResources.GetAsync<Freight>(_store, "Freight", promotion.Project, promotion.Spec?.Freight ?? "", cancellationToken);
        if (stage is null || freight is null)
        {
            return null;
        }
        var config = await StoredResources.GetAsync<ProjectConfig>(_store, "ProjectConfig", promotion.Project, promotion.Project, cancellationToken);
        var policy = PromotionPolicies.Find(config, stage);
        var all = await ListFreightAsync(promotion.Project, cancellationToken);
        var candidates = AutoPromotionCandidates.Select(stage, new FreightAvailability(_time).ListAvailable(stage, all));
        var intent = AutoPromotionHolds.Infer(promotion, freight, policy, candidates, fromControlPlane: false);
        return request.Warehouse is { Length: > 0 } && intent == HoldIntent.Hold ? HoldIntent.Resume : intent;
    }

    private async Task<List<Freight>> ListFreightAsync(string project, CancellationToken cancellationToken) =>
        [.. (await _store.ListAsync(ResourceQuery.OfKind("Freight", project), cancellationToken)).Items.Select(StoredResources.ToTyped<Freight>)];

    private async Task<(Freight? Freight, string? Error)> ResolveFreightAsync(PromotionRequest request, Stage stage, CancellationToken cancellationToken)
    {
        var project = request.Project;
        var given = new[] { request.Freight, request.FreightAlias, request.Warehouse }.Count(v => !string.IsNullOrEmpty(v));
        if (given != 1)
        {
            return (null, "exactly one of freight, freight alias and warehouse must be given");
        }
        var all = await ListFreightAsync(project, cancellationToken);
        var availability = new FreightAvailability(_time);
        Freight? freight;
        if (!string.IsNullOrEmpty(request.Warehouse))
        {
            if (!(stage.Spec?.RequestedFreight ?? []).Any(r => r.Origin?.Name == request.Warehouse))
            {
                return (null, $"Stage \"{stage.Name}\" in project \"{project}\" does not request Freight from Warehouse \"{request.Warehouse}\"");
            }
            freight = AutoPromotionCandidates.Select(stage, availability.ListAvailable(stage, all, request.Warehouse)).Values
                .FirstOrDefault(f => f.Origin?.Name == request.Warehouse);
            return freight is null
                ? (null, $"no Freight from Warehouse \"{request.Warehouse}\" is available to Stage \"{stage.Name}\" in project \"{project}\"")
                : (freight, null);
        }
        freight = !string.IsNullOrEmpty(request.Freight)
            ? all.FirstOrDefault(f => f.Name == request.Freight)
            : all.FirstOrDefault(f => f.Alias == request.FreightAlias);
        if (freight is null)
        {
            return (null, !string.IsNullOrEmpty(request.Freight)
                ? $"Freight \"{request.Freight}\" not found in project \"{project}\""
                : $"no Freight with alias \"{request.FreightAlias}\" in project \"{project}\"");
        }
        var verdict = availability.Evaluate(stage, freight);
        return verdict.IsAvailable
            ? (freight, null)
            : (null, $"Freight \"{freight.Name}\" is not available to Stage \"{stage.Name}\" in project \"{project}\": {string.Join("; ", verdict.Reasons)}");
    }

    private async Task<Dictionary<PromotionTaskKey, PromotionTaskSpec>> LoadTasksAsync(string project, IReadOnlyList<PromotionStep> steps, CancellationToken cancellationToken)
    {
        var tasks = new Dictionary<PromotionTaskKey, PromotionTaskSpec>();
        foreach (var reference in steps.Select(s => s.Task).OfType<PromotionTaskReference>())
        {
            var key = new PromotionTaskKey(reference.Kind ?? PromotionTaskKind.PromotionTask, reference.Name ?? "");
            if (tasks.ContainsKey(key) || key.Name.Length == 0)
            {
                continue;
            }
            var spec = key.Kind == PromotionTaskKind.ClusterPromotionTask
                ? (await StoredResources.GetAsync<ClusterPromotionTask>(_store, "ClusterPromotionTask", "", key.Name, cancellationToken))?.Spec
                : (await StoredResources.GetAsync<PromotionTask>(_store, "PromotionTask", project, key.Name, cancellationToken))?.Spec;
            if (spec is not null)
            {
                tasks[key] = spec;
            }
        }
        return tasks;
    }

    private static PromotionCreation Fail(string error) => new(null, [error]);
}
