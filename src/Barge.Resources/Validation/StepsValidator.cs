using System.Text.RegularExpressions;
using Barge.Resources.Manifests;
using Barge.Resources.Model;

namespace Barge.Resources.Validation;

/// <summary>
/// Step lists of promotion templates, Promotions and PromotionTasks
/// (Kargo's <c>promotion_steps.go</c> webhook rules and the CRDs' CEL rules).
/// </summary>
internal static partial class StepsValidator
{
    /// <summary>Where a step list lives; each place allows different step shapes.</summary>
    public enum Place
    {
        Template,
        Promotion,
        Task,
    }

    public static void Validate(string path, IReadOnlyList<PromotionStep>? steps, Place place, Problems problems)
    {
        problems.MinItems(path, steps);
        var aliases = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < (steps?.Count ?? 0); i++)
        {
            var step = steps![i];
            var stepPath = FieldPath.Item(path, i);
            var hasUses = !string.IsNullOrEmpty(step.Uses);
            var hasTask = step.Task is not null;
            switch (place)
            {
                case Place.Template when hasUses == hasTask:
                    problems.Add(stepPath, hasUses ? "exactly one of uses or task must be set, not both" : "exactly one of uses or task must be set");
                    break;
                case Place.Promotion or Place.Task when hasTask:
                    problems.Add(FieldPath.Child(stepPath, "task"), place == Place.Task
                        ? "a PromotionTask step cannot reference another task (tasks do not nest)"
                        : "not allowed in a Promotion: task references are inflated into steps on create");
                    break;
                case Place.Promotion or Place.Task when !hasUses:
                    problems.Add(FieldPath.Child(stepPath, "uses"), "required");
                    break;
            }
            if (hasTask)
            {
                TaskReference(stepPath, step, problems);
            }
            if (step.Retry is not null)
            {
                problems.Duration(FieldPath.Child(FieldPath.Child(stepPath, "retry"), "timeout"), step.Retry.Timeout);
            }
            Vars(FieldPath.Child(stepPath, "vars"), step.Vars, problems);
            if (!string.IsNullOrEmpty(step.As))
            {
                var asPath = FieldPath.Child(stepPath, "as");
                if (ReservedAlias().IsMatch(step.As))
                {
                    problems.Add(asPath, $"alias \"{step.As}\" is reserved: aliases matching ^(step|task)-\\d+$ are given to steps without one");
                }
                else if (aliases.TryGetValue(step.As, out var first))
                {
                    problems.Add(asPath, $"duplicate alias \"{step.As}\": already used by step {first}");
                }
                else
                {
                    aliases[step.As] = i;
                }
            }
        }
    }

    private static void TaskReference(string stepPath, PromotionStep step, Problems problems)
    {
        problems.Required(FieldPath.Child(FieldPath.Child(stepPath, "task"), "name"), step.Task!.Name);
        var forbidden = new List<string>();
        if (!string.IsNullOrEmpty(step.If))
        {
            forbidden.Add("if");
        }
        if (step.Config is not null)
        {
            forbidden.Add("config");
        }
        if (step.ContinueOnError)
        {
            forbidden.Add("continueOnError");
        }
        if (step.Retry is not null)
        {
            forbidden.Add("retry");
        }
        foreach (var field in forbidden)
        {
            problems.Add(FieldPath.Child(stepPath, field), "not allowed on a task step: set it on the task's own steps");
        }
    }

    public static void Vars(string path, IReadOnlyList<ExpressionVariable>? vars, Problems problems)
    {
        for (var i = 0; i < (vars?.Count ?? 0); i++)
        {
            var namePath = FieldPath.Child(FieldPath.Item(path, i), "name");
            var name = vars![i].Name;
            if (problems.Required(namePath, name) && !VarName().IsMatch(name!))
            {
                problems.Add(namePath, $"invalid variable name \"{name}\": must match ^[a-zA-Z_]\\w*$");
            }
        }
    }

    [GeneratedRegex(@"^(step|task)-\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex ReservedAlias();

    [GeneratedRegex(@"^[a-zA-Z_]\w*$", RegexOptions.CultureInvariant)]
    private static partial Regex VarName();
}
