using System.Text.Json.Nodes;
using Barge.Expressions;
using Barge.Resources.Model;

namespace Barge.Engine.Templating;

/// <summary>
/// The expression environment of kargo-spec §3.2: <c>ctx</c> (project, stage, promotion,
/// targetFreight, meta, uiBaseUrl), <c>vars</c>, <c>outputs</c>, <c>task.outputs</c> and
/// <c>stepMetas</c>, plus Barge's <c>ctx.targetFreight.origin.kind</c> and
/// <c>ctx.targetFreight.commits/images/charts</c>.
/// </summary>
internal sealed class PromotionEnvironment
{
    private readonly PromotionFacts _facts;

    public PromotionEnvironment(PromotionFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        _facts = facts;
    }

    /// <summary><c>ctx</c> for a step (<paramref name="stepAlias"/> "" at Promotion level).</summary>
    public Dictionary<string, object?> Context(string stepAlias)
    {
        var target = _facts.TargetFreight;
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["uiBaseUrl"] = _facts.UiBaseUrl,
            ["project"] = _facts.Project,
            ["stage"] = _facts.Stage,
            ["promotion"] = _facts.Promotion,
            ["targetFreight"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["name"] = target.Name ?? "",
                ["alias"] = _facts.TargetAlias,
                ["origin"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["name"] = target.Origin?.Name ?? "",
                    ["kind"] = target.Origin?.Kind ?? FreightOrigin.WarehouseKind,
                },
                ["commits"] = (target.Commits ?? []).Select(c => (object?)ExprGitCommit.From(c)).ToList(),
                ["images"] = (target.Images ?? []).Select(i => (object?)ExprImage.From(i)).ToList(),
                ["charts"] = (target.Charts ?? []).Select(c => (object?)ExprChart.From(c)).ToList(),
            },
            ["meta"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["promotion"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["actor"] = _facts.Actor,
                    ["rollback"] = _facts.Rollback,
                },
                ["step"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["alias"] = stepAlias },
            },
        };
    }

    /// <summary>The environment of Promotion-level vars: <c>ctx</c> and the vars evaluated so far.</summary>
    public static Dictionary<string, object?> ForPromotionVars(Dictionary<string, object?> context, Dictionary<string, object?> vars) =>
        new(StringComparer.Ordinal) { ["ctx"] = context, ["vars"] = vars };

    /// <summary>
    /// The environment of a step's vars, <c>if</c> and config: <c>ctx</c>, <c>vars</c>, <c>outputs</c>,
    /// <c>stepMetas</c>, and <c>task.outputs</c> when the alias is in a task namespace (<c>T::x</c>).
    /// </summary>
    public static Dictionary<string, object?> ForStep(
        Dictionary<string, object?> context,
        Dictionary<string, object?> vars,
        string stepAlias,
        JsonObject state,
        IReadOnlyList<StepExecutionMetadata> metadata)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(metadata);
        var outputs = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (alias, output) in state)
        {
            outputs[alias] = ExprJson.FromNode(output);
        }
        var environment = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["ctx"] = context,
            ["vars"] = vars,
            ["outputs"] = outputs,
            ["stepMetas"] = metadata.Where(m => m.Alias is not null)
                .GroupBy(m => m.Alias!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (object?)ExprStepMetadata.From(g.Last()), StringComparer.Ordinal),
        };
        var separator = stepAlias.IndexOf(Promotion.StepInflater.AliasSeparator, StringComparison.Ordinal);
        if (separator >= 0)
        {
            var prefix = stepAlias[..(separator + Promotion.StepInflater.AliasSeparator.Length)];
            var taskOutputs = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (alias, value) in outputs)
            {
                if (alias.StartsWith(prefix, StringComparison.Ordinal))
                {
                    taskOutputs[alias[prefix.Length..]] = value;
                }
            }
            environment["task"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["outputs"] = taskOutputs };
        }
        return environment;
    }
}
