using Barge.Engine.Templating;
using Barge.Resources.Model;
using Barge.Storage;

namespace Barge.Engine.Promotion;

/// <summary>Reads what a Promotion's expressions and steps need from the store: Stage, Warehouses, the target Freight's alias.</summary>
internal static class PromotionFactsLoader
{
    public static async Task<PromotionFacts> LoadAsync(IResourceStore store, Barge.Resources.Model.Promotion promotion, string uiBaseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(promotion);
        var project = promotion.Project;
        var stageName = promotion.Spec?.Stage ?? "";
        var stage = await StoredResources.GetAsync<Stage>(store, "Stage", project, stageName, cancellationToken);
        var origins = (stage?.Spec?.RequestedFreight ?? []).Select(r => r.Origin).OfType<Barge.Resources.Model.FreightOrigin>().ToList();
        var warehouses = new Dictionary<string, Warehouse>(StringComparer.Ordinal);
        foreach (var origin in origins)
        {
            if (origin.Name is { } name && await StoredResources.GetAsync<Warehouse>(store, "Warehouse", project, name, cancellationToken) is { } warehouse)
            {
                warehouses[name] = warehouse;
            }
        }
        var target = promotion.Status?.Freight ?? new FreightReference { Name = promotion.Spec?.Freight };
        var freight = target.Name is { Length: > 0 } freightName
            ? await StoredResources.GetAsync<Freight>(store, "Freight", project, freightName, cancellationToken)
            : null;
        var annotations = promotion.Metadata.Annotations ?? [];
        return new PromotionFacts(project, stageName, promotion.Name, target,
            promotion.Status?.FreightCollection ?? new FreightCollection(), origins, warehouses)
        {
            TargetAlias = freight?.Alias ?? "",
            Actor = Actors.FromAnnotation(annotations.GetValueOrDefault(Actors.CreateActorAnnotation)),
            Rollback = annotations.GetValueOrDefault(Actors.RollbackAnnotation) == "true",
            UiBaseUrl = uiBaseUrl,
        };
    }

    /// <summary>The step-facing view of the facts (Freight collection, requested origins, Warehouses' image subscriptions).</summary>
    public static StepContext StepContextFor(PromotionFacts facts, string workDirectory, IResourceStore? store)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var freight = (facts.Collection.Items ?? []).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value)
            .Select(r => new PromotedFreight(
                r.Name ?? "",
                new FreightOrigin(r.Origin?.Kind ?? Barge.Resources.Model.FreightOrigin.WarehouseKind, r.Origin?.Name ?? ""),
                (r.Images ?? []).Select(i => new FreightImage(i.RepoURL ?? "", i.Tag ?? "", i.Digest ?? "")).ToList(),
                (r.Commits ?? []).Select(c => new FreightCommit(c.RepoURL ?? "", c.Id ?? "", c.Tag ?? "")).ToList()))
            .ToList();
        var origins = facts.RequestedOrigins.Select(o => new FreightOrigin(o.Kind ?? Barge.Resources.Model.FreightOrigin.WarehouseKind, o.Name ?? "")).ToList();
        var warehouses = facts.Warehouses.ToDictionary(
            p => p.Key,
            p => new WarehouseSubscriptions(p.Key, (p.Value.Spec?.Subscriptions ?? []).Select(s => s.Image?.RepoURL).OfType<string>().ToList()),
            StringComparer.Ordinal);
        return new StepContext(workDirectory, facts.Project, facts.Stage, facts.Promotion, freight, origins, warehouses) { Store = store };
    }
}
