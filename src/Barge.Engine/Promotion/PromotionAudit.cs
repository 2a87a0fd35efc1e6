using System.Text.Json.Nodes;
using Barge.Engine.Audit;
using Barge.Resources.Model;
using Barge.Storage;
using Barge.Storage.Events;

namespace Barge.Engine.Promotion;

/// <summary>
/// The audit entries a Promotion's status writes carry: <see cref="AuditTypes.PromotionStarted"/> with
/// the write that moves it to Running, <see cref="AuditTypes.PromotionFinished"/> with the write that
/// makes it terminal. The writer stores each in the same transaction as the status, so a crash can
/// neither lose nor repeat one.
/// </summary>
internal sealed record PromotionAudit(ResourceKey Promotion, string Stage, string Freight, string? FreightAlias, string? Origin, string Actor)
{
    /// <summary>The aliases of the Promotion's git-push steps, whose outputs name the commits pushed.</summary>
    public IReadOnlySet<string> PushAliases { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The actor of a Promotion created without a create-actor (auto-promotion).</summary>
    public const string ControllerActor = "controller:stage-controller";

    public static PromotionAudit For(Barge.Resources.Model.Promotion promotion, string? freightAlias)
    {
        ArgumentNullException.ThrowIfNull(promotion);
        var actor = promotion.Metadata.Annotations?.GetValueOrDefault(Templating.Actors.CreateActorAnnotation);
        return new PromotionAudit(
            new ResourceKey("Promotion", promotion.Project, promotion.Name),
            promotion.Spec?.Stage ?? "",
            promotion.Spec?.Freight ?? promotion.Status?.Freight?.Name ?? "",
            freightAlias,
            promotion.Status?.Freight?.Origin?.Name,
            string.IsNullOrEmpty(actor) ? ControllerActor : actor)
        {
            PushAliases = (promotion.Spec?.Steps ?? [])
                .Select((step, index) => (step, index))
                .Where(s => s.step.Uses == "git-push")
                .Select(s => s.step.As ?? StepInflater.Alias(s.step, s.index, "step"))
                .ToHashSet(StringComparer.Ordinal),
        };
    }

    /// <summary>The entries for a status write moving the Promotion from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public IReadOnlyList<EventEntry> EntriesFor(PromotionPhase? before, PromotionStatus after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var entries = new List<AuditRecord>();
        var wasStarted = before is not (null or PromotionPhase.Pending);
        if (!wasStarted && after.Phase is not (null or PromotionPhase.Pending) && after.StartedAt is not null)
        {
            entries.Add(Record(AuditTypes.PromotionStarted, $"Promotion \"{Promotion.Name}\" of Freight \"{Freight}\" into Stage \"{Stage}\" started") with
            {
                Phase = PromotionPhase.Running.ToString(),
            });
        }
        if (!FinalPhase.IsTerminal(before) && FinalPhase.IsTerminal(after.Phase))
        {
            var duration = after.StartedAt is { } started && after.FinishedAt is { } finished ? (long)(finished - started).TotalMilliseconds : (long?)null;
            var message = $"Promotion \"{Promotion.Name}\" of Freight \"{Freight}\" into Stage \"{Stage}\" {after.Phase}"
                + (after.Message is { Length: > 0 } m ? ": " + m : "");
            entries.Add(Record(AuditTypes.PromotionFinished, message) with
            {
                Phase = after.Phase.ToString(),
                Commits = CommitsPushed(after),
                DurationMilliseconds = duration,
            });
        }
        return [.. entries.Select(e => e.ToEventEntry(Promotion))];
    }

    private AuditRecord Record(string type, string message) => new(type, Actor, message)
    {
        Stage = Stage,
        Freight = Freight,
        FreightAlias = FreightAlias,
        Origin = Origin,
        Promotion = Promotion.Name,
    };

    /// <summary>
    /// The commits the git-push steps pushed, from their outputs: the commit URL when the provider is
    /// known, else <c>branch@sha</c> (or the bare sha).
    /// </summary>
    private List<string> CommitsPushed(PromotionStatus status)
    {
        var commits = new List<string>();
        if (status.State is not { } state)
        {
            return commits;
        }
        foreach (var meta in status.StepExecutionMetadata ?? [])
        {
            if (meta.Status != Barge.Resources.Model.StepStatus.Succeeded || meta.Alias is not { } alias || !PushAliases.Contains(alias)
                || state[alias] is not JsonObject output || output["commit"] is not JsonValue commitValue
                || !commitValue.TryGetValue<string>(out var commit) || commit.Length == 0)
            {
                continue;
            }
            if (output["commitURL"] is JsonValue url && url.TryGetValue<string>(out var commitUrl))
            {
                commits.Add(commitUrl);
            }
            else if (output["branch"] is JsonValue branch && branch.TryGetValue<string>(out var branchName))
            {
                commits.Add(branchName + "@" + commit);
            }
            else
            {
                commits.Add(commit);
            }
        }
        return commits;
    }
}
