using Barge.Resources.Model;
using Barge.Storage;

namespace Barge.Cli.Demo;

using Promotion = Barge.Resources.Model.Promotion;

/// <summary>
/// What the demo reads back from the store to narrate: why each Warehouse produced its Freight (which
/// tags each subscription's filter matched), the Promotions that appeared since the last look, and
/// which Freight each Stage now runs.
/// </summary>
internal sealed class DemoStoreView(IResourceStore store, string project)
{
    private readonly HashSet<string> _seenFreight = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seenPromotions = new(StringComparer.Ordinal);

    /// <summary>One line per subscription (filter, matching tags, the one selected) and one per new Freight.</summary>
    public async Task<IReadOnlyList<string>> DiscoveryAsync(IReadOnlyCollection<string> allTags, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        var freight = await StoredTyped.ListAsync<Freight>(store, "Freight", project, cancellationToken);
        foreach (var warehouse in (await StoredTyped.ListAsync<Warehouse>(store, "Warehouse", project, cancellationToken)).OrderBy(w => w.Name, StringComparer.Ordinal))
        {
            var artifacts = warehouse.Status?.DiscoveredArtifacts;
            foreach (var subscription in warehouse.Spec?.Subscriptions ?? [])
            {
                if (subscription.Git is { } git)
                {
                    var matched = artifacts?.Git?.FirstOrDefault(r => r.RepoURL == git.RepoURL)?.Commits?.Select(c => c.Tag).OfType<string>().ToList() ?? [];
                    var ignored = allTags.Where(t => !matched.Contains(t)).ToList();
                    lines.Add($"{warehouse.Name}: git {Filter(git.CommitSelectionStrategy?.ToString(), git.AllowTagsRegexes)} matched {List(matched)}" +
                        (ignored.Count > 0 ? $", ignored {List(ignored)}" : ""));
                }
                if (subscription.Image is { } image)
                {
                    var matched = artifacts?.Images?.FirstOrDefault(r => r.RepoURL == image.RepoURL)?.References?.Select(r => r.Tag).OfType<string>().ToList() ?? [];
                    lines.Add($"{warehouse.Name}: image {Filter(image.ImageSelectionStrategy?.ToString(), image.AllowTagsRegexes)} matched {List(matched)}");
                }
            }
            foreach (var made in freight.Where(f => f.Origin?.Name == warehouse.Name && _seenFreight.Add(f.Name)).OrderBy(f => f.DiscoveredAt))
            {
                lines.Add($"{warehouse.Name} → Freight {Describe(made)}");
            }
        }
        return lines;
    }

    /// <summary>The Promotions that finished since the last call: Stage, Freight, actor, phase.</summary>
    public async Task<IReadOnlyList<string>> NewPromotionsAsync(CancellationToken cancellationToken)
    {
        var freight = (await StoredTyped.ListAsync<Freight>(store, "Freight", project, cancellationToken)).ToDictionary(f => f.Name, StringComparer.Ordinal);
        var creators = await CreatorsAsync(cancellationToken);
        var lines = new List<string>();
        foreach (var promotion in (await StoredTyped.ListAsync<Promotion>(store, "Promotion", project, cancellationToken)).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (!Engine.Promotion.FinalPhase.IsTerminal(promotion.Status?.Phase) || !_seenPromotions.Add(promotion.Name))
            {
                continue;
            }
            var actor = promotion.Metadata.Annotations?.GetValueOrDefault(Engine.Pipeline.PipelineAnnotations.CreateActor)
                ?? creators.GetValueOrDefault(promotion.Name) ?? "an unrecorded actor";
            var what = freight.TryGetValue(promotion.Spec?.Freight ?? "", out var f) ? Describe(f) : promotion.Spec?.Freight;
            lines.Add($"Promotion into {promotion.Spec?.Stage} of {what}, by {actor}: {promotion.Status!.Phase}" +
                (promotion.Status.Message is { Length: > 0 } message && promotion.Status.Phase != PromotionPhase.Succeeded ? " — " + message : ""));
        }
        return lines;
    }

    /// <summary>Per requested origin of a Stage, whether its promotion policy auto-promotes it (the per-origin <c>origins</c> extension).</summary>
    public async Task<IReadOnlyList<string>> PolicyAsync(string stageName, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(new ResourceKey("Stage", project, stageName), cancellationToken);
        if (stored is null)
        {
            return [];
        }
        var stage = StoredTyped.From<Stage>(stored);
        var configStored = await store.GetAsync(new ResourceKey("ProjectConfig", project, project), cancellationToken);
        var policy = Engine.Pipeline.PromotionPolicies.Find(configStored is null ? null : StoredTyped.From<ProjectConfig>(configStored), stage);
        return (stage.Spec?.RequestedFreight ?? [])
            .Select(r => policy.AutoPromotes(r.Origin)
                ? $"{stageName}: Freight from {r.Origin?.Name} is auto-promoted"
                : $"{stageName}: Freight from {r.Origin?.Name} waits for a person (not auto-promoted)")
            .ToList();
    }

    /// <summary>Promotion name → the actor of its PromotionCreated audit entry.</summary>
    private async Task<Dictionary<string, string>> CreatorsAsync(CancellationToken cancellationToken)
    {
        var page = await new Engine.Operations.AuditTrail(store).QueryAsync(
            new Engine.Operations.AuditQuery { Project = project, Type = Engine.Audit.AuditTypes.PromotionCreated, Limit = Engine.Operations.AuditTrail.MaxLimit }, cancellationToken);
        var creators = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in page.Items.Where(e => e.Record.Promotion is not null))
        {
            creators.TryAdd(entry.Record.Promotion!, entry.Record.Actor);
        }
        return creators;
    }

    /// <summary>The Freight a Stage runs now, per origin.</summary>
    public async Task<string> CurrentAsync(string stage, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(new ResourceKey("Stage", project, stage), cancellationToken);
        var current = stored is null ? null : StoredTyped.From<Stage>(stored).Status?.FreightHistory?.FirstOrDefault();
        if (current?.Items is not { Count: > 0 } items)
        {
            return $"{stage} runs nothing yet";
        }
        return $"{stage} runs " + string.Join(" and ", items.Values.OrderBy(r => r.Origin?.Name, StringComparer.Ordinal)
            .Select(r => $"{r.Commits?.FirstOrDefault()?.Tag ?? r.Name} from {r.Origin?.Name}"));
    }

    /// <summary>The newest Freight from a Warehouse.</summary>
    public async Task<Freight?> NewestAsync(string warehouse, CancellationToken cancellationToken) =>
        (await StoredTyped.ListAsync<Freight>(store, "Freight", project, cancellationToken))
            .Where(f => f.Origin?.Name == warehouse)
            .MaxBy(f => f.DiscoveredAt ?? f.Metadata.CreationTimestamp);

    public static string Describe(Freight freight)
    {
        var tag = freight.Commits?.FirstOrDefault()?.Tag;
        var commit = freight.Commits?.FirstOrDefault()?.Id;
        var image = freight.Images?.FirstOrDefault()?.Tag;
        var parts = new List<string>();
        if (tag is not null)
        {
            parts.Add($"{tag} @ {Short(commit)}");
        }
        if (image is not null)
        {
            parts.Add("image " + image);
        }
        return $"\"{freight.Alias ?? freight.Name}\" ({string.Join(", ", parts)})";
    }

    public static string Short(string? commit) => commit is { Length: > 7 } ? commit[..7] : commit ?? "";

    private static string Filter(string? strategy, List<string>? allow) =>
        $"[{strategy ?? "default"}{(allow is { Count: > 0 } ? " " + string.Join(" ", allow) : "")}]";

    private static string List(List<string> tags) => tags.Count == 0 ? "nothing" : string.Join(", ", tags);
}
