using System.Security.Cryptography;
using System.Text.Json;
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
        return new PromotionCreation(promotion, []);
    }

    /// <summary>Builds the Promotion and creates it in the store.</summary>
    public async Task<PromotionCreation> CreateAsync(PromotionRequest request, CancellationToken cancellationToken = default)
    {
        var built = await BuildAsync(request, cancellationToken);
        if (built.Promotion is not { } promotion)
        {
            return built;
        }
        var manifest = ResourceSerializer.ToJsonNode((Resource)promotion);
        var resource = new NewResource(
            new ResourceKey("Promotion", promotion.Project, promotion.Name),
            promotion.ApiVersion,
            JsonSerializer.SerializeToElement(manifest["spec"]))
        {
            Labels = promotion.Metadata.Labels!,
            Annotations = promotion.Metadata.Annotations!,
            Status = JsonSerializer.SerializeToElement(manifest["status"]),
        };
        var stored = await _store.CreateAsync(resource, cancellationToken);
        return new PromotionCreation(StoredResources.ToTyped<Barge.Resources.Model.Promotion>(stored), []);
    }

    private async Task<(Freight? Freight, string? Error)> ResolveFreightAsync(PromotionRequest request, Stage stage, CancellationToken cancellationToken)
    {
        var project = request.Project;
        var given = new[] { request.Freight, request.FreightAlias, request.Warehouse }.Count(v => !string.IsNullOrEmpty(v));
        if (given != 1)
        {
            return (null, "exactly one of freight, freight alias and warehouse must be given");
        }
        var all = (await _store.ListAsync(ResourceQuery.OfKind("Freight", project), cancellationToken)).Items
            .Select(StoredResources.ToTyped<Freight>).ToList();
        Freight? freight;
        if (!string.IsNullOrEmpty(request.Warehouse))
        {
            if (!(stage.Spec?.RequestedFreight ?? []).Any(r => r.Origin?.Name == request.Warehouse))
            {
                return (null, $"Stage \"{stage.Name}\" in project \"{project}\" does not request Freight from Warehouse \"{request.Warehouse}\"");
            }
            freight = all.Where(f => f.Origin?.Name == request.Warehouse && IsAvailable(f, stage))
                .OrderByDescending(f => f.DiscoveredAt ?? f.Metadata.CreationTimestamp)
                .ThenByDescending(f => f.Name, StringComparer.Ordinal)
                .FirstOrDefault();
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
        return IsAvailable(freight, stage)
            ? (freight, null)
            : (null, $"Freight \"{freight.Name}\" is not available to Stage \"{stage.Name}\" in namespace \"{project}\"");
    }

    /// <summary>
    /// Availability as far as promotion needs it (kargo-spec §7.2): the Stage requests the origin and the
    /// Freight is approved for it, or the source is direct, or it was verified in an upstream source
    /// Stage (every one of them with <c>availabilityStrategy: All</c>). Soak time is the pipeline's rule.
    /// </summary>
    private static bool IsAvailable(Freight freight, Stage stage)
    {
        var request = (stage.Spec?.RequestedFreight ?? []).FirstOrDefault(r => r.Origin?.Name == freight.Origin?.Name
            && (r.Origin?.Kind ?? Barge.Resources.Model.FreightOrigin.WarehouseKind) == (freight.Origin?.Kind ?? Barge.Resources.Model.FreightOrigin.WarehouseKind));
        if (request is null)
        {
            return false;
        }
        if (freight.Status?.ApprovedFor?.ContainsKey(stage.Name) == true || request.Sources?.Direct == true)
        {
            return true;
        }
        var upstream = request.Sources?.Stages ?? [];
        var verified = freight.Status?.VerifiedIn ?? [];
        return request.Sources?.AvailabilityStrategy?.ToString() == "All"
            ? upstream.Count > 0 && upstream.All(verified.ContainsKey)
            : upstream.Any(verified.ContainsKey);
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
