using System.Collections;
using System.Text.Json.Nodes;
using Barge.Engine.Templating;
using Barge.Expressions;
using Barge.Expressions.Templates;
using Barge.Resources.Model;

namespace Barge.Engine.Promotion;

/// <summary>
/// Evaluates a step's <c>vars</c>, <c>if</c> and <c>config</c> for one Promotion run (kargo-spec §3.2,
/// §5): Promotion-level vars see <c>ctx</c> and earlier vars; step vars, <c>if</c> and config also see
/// <c>outputs</c>, <c>task.outputs</c> and <c>stepMetas</c>; only <c>if</c> and config may call the
/// status functions. Vars are evaluated again for every step. Compiled templates are cached per run.
/// </summary>
internal sealed class StepEvaluation
{
    private readonly PromotionEnvironment _environment;
    private readonly KargoFunctions _functions;
    private readonly TemplateEvaluator _varsEvaluator;
    private readonly TemplateEvaluator _stepEvaluator;
    private readonly IReadOnlyList<ExpressionVariable> _promotionVars;

    public StepEvaluation(PromotionFacts facts, ProjectData data, IReadOnlyList<ExpressionVariable> promotionVars, TimeProvider time)
    {
        _environment = new PromotionEnvironment(facts);
        _functions = new KargoFunctions(facts, data);
        _varsEvaluator = new TemplateEvaluator(new ExprOptions { Functions = _functions.WithoutStatus, TimeProvider = time });
        _stepEvaluator = new TemplateEvaluator(new ExprOptions { Functions = _functions.All, TimeProvider = time });
        _promotionVars = promotionVars;
    }

    /// <summary>The evaluated environment of one step, ready for <see cref="If"/> and <see cref="Config"/>.</summary>
    /// <exception cref="ExpressionException">A variable failed to evaluate; the message names it.</exception>
    public Dictionary<string, object?> Environment(PromotionStep step, string alias, JsonObject state, IReadOnlyList<StepExecutionMetadata> metadata)
    {
        ArgumentNullException.ThrowIfNull(step);
        _functions.Scope.Enter(alias, metadata);
        var context = _environment.Context(alias);
        var vars = new Dictionary<string, object?>(StringComparer.Ordinal);
        var promotionEnvironment = PromotionEnvironment.ForPromotionVars(context, vars);
        foreach (var variable in _promotionVars)
        {
            vars[variable.Name ?? ""] = EvaluateVar(_varsEvaluator, variable, promotionEnvironment);
        }
        var environment = PromotionEnvironment.ForStep(context, vars, alias, state, metadata);
        foreach (var variable in step.Vars ?? [])
        {
            vars[variable.Name ?? ""] = EvaluateVar(_varsEvaluator, variable, environment);
        }
        return environment;
    }

    /// <summary>The step's <c>if</c>; a step without one runs only when no earlier step failed.</summary>
    /// <exception cref="ExpressionException">The expression failed or did not give a bool.</exception>
    public bool If(PromotionStep step, Dictionary<string, object?> environment)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (string.IsNullOrWhiteSpace(step.If))
        {
            return !_functions.Scope.AnyFailure();
        }
        var value = _stepEvaluator.Evaluate(step.If, environment);
        return value is bool b ? b : throw new ExpressionException($"expression must evaluate to a boolean, got {GoTypeName(value)}");
    }

    /// <summary>The evaluated configuration (an empty object when the step has none).</summary>
    /// <exception cref="ExpressionException">An expression failed or the result is not an object.</exception>
    public JsonObject Config(PromotionStep step, Dictionary<string, object?> environment)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step.Config is null)
        {
            return [];
        }
        return _stepEvaluator.EvaluateTree(step.Config, environment) switch
        {
            JsonObject obj => obj,
            null => [],
            var other => throw new ExpressionException($"config must be an object, got {other.GetValueKind().ToString().ToLowerInvariant()}"),
        };
    }

    private static object? EvaluateVar(TemplateEvaluator evaluator, ExpressionVariable variable, Dictionary<string, object?> environment)
    {
        try
        {
            return evaluator.Evaluate(variable.Value ?? "", environment);
        }
        catch (ExpressionException ex)
        {
            throw new ExpressionException($"error evaluating var \"{variable.Name}\": {ex.Message}", ex);
        }
    }

    /// <summary>Go's <c>%T</c> of a decoded JSON value, as Kargo's message prints it.</summary>
    private static string GoTypeName(object? value) => value switch
    {
        null => "<nil>",
        string => "string",
        double or long => "float64",
        IDictionary => "map[string]interface {}",
        IList => "[]interface {}",
        _ => value.GetType().Name,
    };
}
