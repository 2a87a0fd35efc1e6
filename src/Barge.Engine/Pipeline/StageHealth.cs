using System.Collections.Frozen;
using System.Text.Json.Nodes;
using Barge.Resources.Model;

namespace Barge.Engine.Pipeline;

/// <summary>
/// Kargo's <c>assessHealth</c> (kargo-spec.md §7.5): Unknown while a Promotion runs or when the last one
/// did not succeed; no health without a last Promotion; otherwise the merge of the health checks the
/// last Promotion registered. Without checks, Barge reports NotApplicable (Kargo: Healthy), which
/// verification and the queue treat as Healthy (<see cref="HealthStates.PassesChecks"/>).
/// </summary>
internal sealed class StageHealth
{
    private readonly TimeProvider time;
    private readonly FrozenDictionary<string, IHealthCheck> checks;

    public StageHealth(TimeProvider time, IEnumerable<IHealthCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(checks);
        this.time = time;
        this.checks = checks.ToFrozenDictionary(c => c.Kind, StringComparer.Ordinal);
    }

    public async Task<StageStatus> AssessAsync(Stage stage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var status = stage.Status ?? new StageStatus();
        var generation = stage.Metadata.Generation;
        var now = time.GetUtcNow();
        if (status.CurrentPromotion is not null)
        {
            return status with
            {
                Health = new Health { Status = HealthStates.Unknown, Issues = ["Cannot assess health because a Promotion is currently in progress"] },
                Conditions = StageConditions.Set(status.Conditions, StageConditions.Healthy, "Unknown", "ActivePromotion",
                    "Stage has a Promotion in progress", generation, now),
            };
        }
        if (status.LastPromotion is not { } last)
        {
            return status with
            {
                Health = null,
                Conditions = StageConditions.Set(status.Conditions, StageConditions.Healthy, "Unknown", "NoFreight",
                    "Stage has no current Freight", generation, now),
            };
        }
        var phase = last.Status?.Phase ?? PromotionPhase.Pending;
        if (phase != PromotionPhase.Succeeded)
        {
            return status with
            {
                Health = new Health { Status = HealthStates.Unknown, Issues = ["Cannot assess health because last Promotion did not succeed"] },
                Conditions = StageConditions.Set(status.Conditions, StageConditions.Healthy, "Unknown", $"LastPromotion{phase}",
                    "Cannot assess health because last Promotion did not succeed", generation, now),
            };
        }
        var registered = last.Status?.HealthChecks ?? [];
        if (registered.Count == 0)
        {
            return status with
            {
                Health = new Health { Status = HealthStates.NotApplicable },
                Conditions = StageConditions.Set(status.Conditions, StageConditions.Healthy, "True", HealthStates.NotApplicable,
                    "Stage has no health checks", generation, now),
            };
        }
        var health = await RunAsync(stage, registered, cancellationToken);
        var (value, message) = health.Status switch
        {
            HealthStates.Healthy => ("True", $"Stage is healthy (performed {registered.Count} health checks)"),
            HealthStates.Unhealthy => ("False", $"Stage is unhealthy ({health.Issues?.Count ?? 0} issues in {registered.Count} health checks)"),
            _ => ("Unknown", null),
        };
        return status with
        {
            Health = health,
            Conditions = StageConditions.Set(status.Conditions, StageConditions.Healthy, value, health.Status!, message, generation, now),
        };
    }

    private async Task<Health> RunAsync(Stage stage, List<HealthCheckStep> registered, CancellationToken cancellationToken)
    {
        var merged = HealthStates.Healthy;
        var issues = new List<string>();
        var output = new JsonArray();
        foreach (var step in registered)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!checks.TryGetValue(step.Uses ?? "", out var check))
            {
                merged = HealthStates.Merge(merged, HealthStates.Unknown);
                issues.Add($"no health checker registered for health check kind \"{step.Uses}\"");
                continue;
            }
            var result = await check.CheckAsync(stage.Project, stage.Name, step.Config?.DeepClone(), cancellationToken);
            merged = HealthStates.Merge(merged, result.Status);
            issues.AddRange(result.Issues);
            if (result.Output is not null)
            {
                output.Add(result.Output.DeepClone());
            }
        }
        return new Health { Status = merged, Issues = issues.Count == 0 ? null : issues, Output = output.Count == 0 ? null : output };
    }
}
