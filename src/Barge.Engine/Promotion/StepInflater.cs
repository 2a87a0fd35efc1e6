using System.Text.RegularExpressions;
using Barge.Resources.Model;

namespace Barge.Engine.Promotion;

/// <summary>
/// Kargo's task inflation (<c>pkg/api/promotion.go InflateSteps</c>): a promotion template's steps
/// become a flat list of <c>uses</c> steps. Plain steps get the alias <c>step-N</c> when they have none;
/// a task reference <c>T</c> (<c>as</c>, else <c>task-N</c>) is replaced by its task's steps, aliased
/// <c>T::&lt;inner alias or step-M&gt;</c>, whose vars are the task defaults not already set at the
/// Promotion level, then the reference's vars, then the inner step's own.
/// </summary>
internal static partial class StepInflater
{
    /// <summary>Kargo's separator between a task alias and an inner step alias.</summary>
    public const string AliasSeparator = "::";

    /// <summary>The inflated steps, or every problem found (unknown tasks, missing variables, alias clashes).</summary>
    public static InflationResult Inflate(
        IReadOnlyList<PromotionStep> templateSteps,
        IReadOnlyList<ExpressionVariable> promotionVars,
        IReadOnlyDictionary<PromotionTaskKey, PromotionTaskSpec> tasks)
    {
        ArgumentNullException.ThrowIfNull(templateSteps);
        ArgumentNullException.ThrowIfNull(promotionVars);
        ArgumentNullException.ThrowIfNull(tasks);
        var errors = new List<string>();
        var steps = new List<PromotionStep>();
        for (var i = 0; i < templateSteps.Count; i++)
        {
            var step = templateSteps[i];
            if (step.Task is null)
            {
                steps.Add(step with { As = Alias(step, i, "step") });
                continue;
            }
            var taskAlias = Alias(step, i, "task");
            var key = new PromotionTaskKey(step.Task.Kind ?? PromotionTaskKind.PromotionTask, step.Task.Name ?? "");
            if (!tasks.TryGetValue(key, out var task))
            {
                errors.Add($"steps[{i}] ({taskAlias}): {key} not found");
                continue;
            }
            var vars = TaskVars(task.Vars ?? [], promotionVars, step.Vars ?? [], errors, $"steps[{i}] ({taskAlias})");
            var inner = task.Steps ?? [];
            for (var j = 0; j < inner.Count; j++)
            {
                var innerStep = inner[j];
                if (innerStep.Task is not null)
                {
                    errors.Add($"steps[{i}] ({taskAlias}): {key} step {j + 1} references a task; tasks cannot be nested");
                    continue;
                }
                steps.Add(innerStep with
                {
                    As = taskAlias + AliasSeparator + Alias(innerStep, j, "step"),
                    Vars = [.. vars, .. innerStep.Vars ?? []],
                });
            }
        }
        CheckAliases(templateSteps, steps, errors);
        return new InflationResult(steps, errors);
    }

    /// <summary>The step's own alias, else <c>&lt;prefix&gt;-&lt;index+1&gt;</c>.</summary>
    public static string Alias(PromotionStep step, int index, string prefix) =>
        string.IsNullOrEmpty(step.As) ? prefix + "-" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : step.As;

    /// <summary>True for aliases Kargo keeps for steps without one (<c>step-N</c>, <c>task-N</c>).</summary>
    public static bool IsReserved(string alias) => ReservedAlias().IsMatch(alias);

    private static List<ExpressionVariable> TaskVars(
        IReadOnlyList<ExpressionVariable> taskVars,
        IReadOnlyList<ExpressionVariable> promotionVars,
        IReadOnlyList<ExpressionVariable> referenceVars,
        List<string> errors,
        string where)
    {
        var setAtPromotion = promotionVars.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var setAtReference = referenceVars.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var vars = new List<ExpressionVariable>();
        foreach (var variable in taskVars)
        {
            var name = variable.Name ?? "";
            if (setAtPromotion.Contains(name))
            {
                continue;
            }
            if (string.IsNullOrEmpty(variable.Value))
            {
                if (!setAtReference.Contains(name))
                {
                    errors.Add($"{where}: missing value for variable \"{name}\"");
                }
                continue;
            }
            vars.Add(variable);
        }
        vars.AddRange(referenceVars);
        return vars;
    }

    private static void CheckAliases(IReadOnlyList<PromotionStep> templateSteps, List<PromotionStep> steps, List<string> errors)
    {
        for (var i = 0; i < templateSteps.Count; i++)
        {
            if (!string.IsNullOrEmpty(templateSteps[i].As) && IsReserved(templateSteps[i].As!))
            {
                errors.Add($"steps[{i}]: alias \"{templateSteps[i].As}\" is reserved: aliases matching ^(step|task)-\\d+$ are given to steps without one");
            }
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            if (!seen.Add(step.As!))
            {
                errors.Add($"step alias \"{step.As}\" is used more than once; aliases must be unique");
            }
        }
    }

    [GeneratedRegex(@"^(step|task)-\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex ReservedAlias();
}
