using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Barge.Engine.Discovery;
using Barge.Resources.Identity;
using Barge.Resources.Model;

namespace Barge.Engine.Telemetry;

/// <summary>
/// Barge's own instruments, on one <see cref="Meter"/> named <see cref="MeterName"/>: promotions by
/// project, stage, Freight origin and phase; promotion and step durations; discovery durations and
/// errors per Warehouse and subscription; Freight created per origin; controller queue depth. Labels
/// come only from resource names, phases, step kinds and normalised repository URLs, so their
/// cardinality is bounded by the configuration and never carries a secret. Exported by whatever listens
/// to the meter (the server's <c>/metrics</c>); with no listener every call is a cheap no-op.
/// </summary>
public static class BargeMetrics
{
    /// <summary>The meter's name, to subscribe to.</summary>
    public const string MeterName = "Barge";

    private static readonly Meter Meter = new(MeterName, "1.0");

    private static readonly Counter<long> Promotions = Meter.CreateCounter<long>(
        "barge.promotions", "{promotion}", "Promotions that reached a terminal phase, by project, stage, Freight origin and phase");

    private static readonly Histogram<double> PromotionDuration = Meter.CreateHistogram<double>(
        "barge.promotion.duration", "s", "Time from a Promotion's start to its terminal phase");

    private static readonly Histogram<double> StepDuration = Meter.CreateHistogram<double>(
        "barge.promotion.step.duration", "s", "Duration of each finished promotion step, by step kind and status");

    private static readonly Histogram<double> DiscoveryDuration = Meter.CreateHistogram<double>(
        "barge.discovery.duration", "s", "Duration of one Warehouse discovery, by result");

    private static readonly Counter<long> DiscoveryErrors = Meter.CreateCounter<long>(
        "barge.discovery.errors", "{error}", "Failed subscription discoveries, by Warehouse and subscription");

    private static readonly Counter<long> FreightCreated = Meter.CreateCounter<long>(
        "barge.freight.created", "{freight}", "Freight created, by project and origin");

    private static readonly ConcurrentDictionary<object, Func<IEnumerable<(string Controller, int Depth)>>> QueueSources = new(ReferenceEqualityComparer.Instance);

    static BargeMetrics()
    {
        Meter.CreateObservableGauge(
            "barge.controller.queue.depth",
            ObserveQueues,
            "{key}",
            "Keys waiting in each controller's work queue");
    }

    /// <summary>Records a Promotion that just reached a terminal phase, and the durations of its steps.</summary>
    public static void PromotionFinished(string project, string stage, FreightOrigin? origin, PromotionSpec? spec, PromotionStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var originLabel = OriginLabel(origin);
        var phase = status.Phase?.ToString() ?? "Unknown";
        Promotions.Add(1, Tag("project", project), Tag("stage", stage), Tag("origin", originLabel), Tag("phase", phase));
        if (status.StartedAt is { } started && status.FinishedAt is { } finished && finished >= started)
        {
            PromotionDuration.Record((finished - started).TotalSeconds, Tag("project", project), Tag("stage", stage), Tag("origin", originLabel), Tag("phase", phase));
        }
        var steps = status.StepExecutionMetadata ?? [];
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step.StartedAt is { } s && step.FinishedAt is { } f && f >= s)
            {
                var kind = spec?.Steps is { } specSteps && specSteps.Count == steps.Count && !string.IsNullOrEmpty(specSteps[i].Uses) ? specSteps[i].Uses! : "task-step";
                StepDuration.Record((f - s).TotalSeconds, Tag("project", project), Tag("stage", stage), Tag("step", kind), Tag("status", step.Status?.ToString() ?? "Unknown"));
            }
        }
    }

    /// <summary>Records one discovery of a Warehouse: its duration, and one error per subscription that produced no result.</summary>
    public static void DiscoveryFinished(string project, string warehouse, WarehouseSpec spec, WarehouseDiscoveryOutcome outcome, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(outcome);
        DiscoveryDuration.Record(elapsed.TotalSeconds, Tag("project", project), Tag("warehouse", warehouse), Tag("result", outcome.Succeeded ? "success" : "error"));
        if (outcome.Succeeded)
        {
            return;
        }
        var artifacts = outcome.Artifacts;
        foreach (var subscription in spec.Subscriptions ?? [])
        {
            string? failed = null;
            if (subscription.Git is { } git)
            {
                var url = RepoUrls.NormalizeGit(git.RepoURL ?? "");
                var seen = artifacts.Git?.Any(g => RepoUrls.NormalizeGit(g.RepoURL ?? "") == url) ?? false;
                failed = seen ? null : "git:" + url;
            }
            else if (subscription.Image is { } image)
            {
                var url = RepoUrls.NormalizeImage(image.RepoURL ?? "");
                failed = artifacts.Images?.Any(r => RepoUrls.NormalizeImage(r.RepoURL ?? "") == url) ?? false ? null : "image:" + url;
            }
            else if (subscription.Chart is { } chart)
            {
                var url = RepoUrls.NormalizeChart(chart.RepoURL ?? "");
                failed = artifacts.Charts?.Any(c => RepoUrls.NormalizeChart(c.RepoURL ?? "") == url) ?? false ? null : "chart:" + url;
            }
            else
            {
                failed = "unsupported";
            }
            if (failed is not null)
            {
                DiscoveryErrors.Add(1, Tag("project", project), Tag("warehouse", warehouse), Tag("subscription", failed));
            }
        }
    }

    /// <summary>Records a piece of Freight stored for <paramref name="origin"/>.</summary>
    public static void FreightStored(string project, FreightOrigin? origin) =>
        FreightCreated.Add(1, Tag("project", project), Tag("origin", OriginLabel(origin)));

    /// <summary>Adds a source of queue depths (a controller runtime) to the gauge until <see cref="UntrackQueues"/>.</summary>
    public static void TrackQueues(object owner, Func<IEnumerable<(string Controller, int Depth)>> depths)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(depths);
        QueueSources[owner] = depths;
    }

    /// <summary>Removes a source added by <see cref="TrackQueues"/>.</summary>
    public static void UntrackQueues(object owner) => QueueSources.TryRemove(owner, out _);

    /// <summary><c>Kind/name</c> of an origin (Kargo's display form), <c>none</c> when there is none.</summary>
    public static string OriginLabel(FreightOrigin? origin) =>
        origin is null || string.IsNullOrEmpty(origin.Name) ? "none" : $"{(string.IsNullOrEmpty(origin.Kind) ? "Warehouse" : origin.Kind)}/{origin.Name}";

    private static IEnumerable<Measurement<int>> ObserveQueues()
    {
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var source in QueueSources.Values)
        {
            foreach (var (controller, depth) in source())
            {
                totals[controller] = totals.GetValueOrDefault(controller) + depth;
            }
        }
        return totals.Select(t => new Measurement<int>(t.Value, Tag("controller", t.Key)));
    }

    private static KeyValuePair<string, object?> Tag(string key, string value) => new(key, value);
}
