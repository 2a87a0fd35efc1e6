using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Barge.Expressions;
using Barge.Expressions.Templates;
using Barge.Resources.Model;
using Barge.Resources.Validation;
using Barge.Storage;

namespace Barge.Engine.Verification;

/// <summary>
/// Turns a Stage's <c>spec.verification</c> into the metrics a run measures: loads the templates, checks
/// them against the supported subset again (a template may have been stored before a rule existed),
/// gives every argument its value — the Stage's <c>verification.args</c> (a <c>${{ }}</c> template over
/// <c>ctx.project</c>, <c>ctx.stage</c> and <c>vars</c>) over the template's default — and substitutes
/// <c>{{args.name}}</c> in URLs, headers, bodies, JSON paths and conditions.
/// </summary>
internal static partial class AnalysisPlan
{
    /// <summary>The run's spec, or the reason the analysis cannot start (naming the Stage, template and field).</summary>
    public static async Task<(AnalysisRunSpec? Spec, string? Error)> BuildAsync(
        IResourceStore store, Stage stage, string collectionId, string verificationId, CancellationToken cancellationToken)
    {
        var subject = $"Stage \"{stage.Name}\" in project \"{stage.Project}\"";
        var references = stage.Spec?.Verification?.AnalysisTemplates ?? [];
        if (references.Count == 0)
        {
            return (null, $"{subject}: spec.verification names no analysis template");
        }
        var defaults = new Dictionary<string, string?>(StringComparer.Ordinal);
        var metrics = new List<(AnalysisMetric Metric, string Template)>();
        foreach (var reference in references)
        {
            var kind = reference.Kind ?? AnalysisTemplateKind.AnalysisTemplate;
            var key = kind == AnalysisTemplateKind.ClusterAnalysisTemplate
                ? new ResourceKey("ClusterAnalysisTemplate", "", reference.Name ?? "")
                : new ResourceKey("AnalysisTemplate", stage.Project, reference.Name ?? "");
            var stored = await store.GetAsync(key, cancellationToken);
            if (stored is null)
            {
                return (null, $"{subject}: {kind} \"{reference.Name}\" not found");
            }
            var template = Promotion.StoredResources.ToTyped<Resource>(stored);
            var problems = ResourceValidator.Validate(template);
            if (problems.Count > 0)
            {
                return (null, $"{subject}: {kind} \"{reference.Name}\": {string.Join("; ", problems.Select(p => p.Path + ": " + p.Message))}");
            }
            var spec = template switch
            {
                AnalysisTemplate t => t.Spec!,
                ClusterAnalysisTemplate t => t.Spec!,
                _ => throw new InvalidOperationException($"{key} is not an analysis template"),
            };
            foreach (var arg in spec.Args ?? [])
            {
                defaults[arg.Name!] = arg.Value;
            }
            foreach (var metric in spec.Metrics ?? [])
            {
                if (metrics.Any(m => m.Metric.Name == metric.Name))
                {
                    return (null, $"{subject}: metric \"{metric.Name}\" of {kind} \"{reference.Name}\" is also defined by {metrics.First(m => m.Metric.Name == metric.Name).Template}");
                }
                metrics.Add((metric, $"{kind} \"{reference.Name}\""));
            }
        }
        var (args, argsError) = ResolveArgs(stage, defaults);
        if (argsError is not null)
        {
            return (null, $"{subject}: {argsError}");
        }
        var resolved = new List<AnalysisMetric>();
        foreach (var (metric, template) in metrics)
        {
            var (result, error) = Resolve(metric, args!);
            if (error is not null)
            {
                return (null, $"{subject}: {template} metric \"{metric.Name}\": {error}");
            }
            resolved.Add(result!);
        }
        return (new AnalysisRunSpec(stage.Name, collectionId, verificationId, resolved) { Args = args }, null);
    }

    private static (Dictionary<string, string>? Args, string? Error) ResolveArgs(Stage stage, Dictionary<string, string?> defaults)
    {
        var evaluator = new TemplateEvaluator();
        var vars = new Dictionary<string, object?>(StringComparer.Ordinal);
        var environment = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["ctx"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["project"] = stage.Project, ["stage"] = stage.Name },
            ["vars"] = vars,
        };
        try
        {
            foreach (var variable in stage.Spec?.Vars ?? [])
            {
                vars[variable.Name ?? ""] = evaluator.Evaluate(variable.Value ?? "", environment);
            }
            var values = new Dictionary<string, string?>(defaults, StringComparer.Ordinal);
            foreach (var arg in stage.Spec?.Verification?.Args ?? [])
            {
                values[arg.Name ?? ""] = Text(evaluator.Evaluate(arg.Value ?? "", environment));
            }
            var missing = values.Where(v => v.Value is null).Select(v => v.Key).Order(StringComparer.Ordinal).ToList();
            return missing.Count > 0
                ? (null, $"argument(s) {string.Join(", ", missing.Select(m => $"\"{m}\""))} have no value: set them in spec.verification.args or give the template a default")
                : (values.ToDictionary(v => v.Key, v => v.Value!, StringComparer.Ordinal), null);
        }
        catch (ExpressionException e)
        {
            return (null, $"spec.verification.args: {e.Message}");
        }
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => ExprJson.Format(value),
    };

    private static (AnalysisMetric? Metric, string? Error) Resolve(AnalysisMetric metric, Dictionary<string, string> args)
    {
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        string? Sub(string? text) => text is null ? null : ArgReference().Replace(text, m =>
        {
            var name = m.Groups[1].Value;
            if (args.TryGetValue(name, out var value))
            {
                return value;
            }
            unknown.Add(name);
            return m.Value;
        });
        var web = metric.Provider!.Web!;
        var resolved = metric with
        {
            SuccessCondition = Sub(metric.SuccessCondition),
            FailureCondition = Sub(metric.FailureCondition),
            Provider = new AnalysisProvider
            {
                Web = web with
                {
                    Url = Sub(web.Url),
                    Body = Sub(web.Body),
                    JsonPath = Sub(web.JsonPath),
                    Headers = web.Headers?.Select(h => new WebMetricHeader { Key = Sub(h.Key), Value = Sub(h.Value) }).ToList(),
                },
            },
        };
        if (unknown.Count > 0)
        {
            return (null, $"{string.Join(", ", unknown.Select(u => $"{{{{args.{u}}}}}"))} names no argument of the template");
        }
        var url = resolved.Provider.Web!.Url!;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return (null, $"provider.web.url \"{url}\" is not an http:// or https:// URL");
        }
        if (JsonPathQuery.Parse(resolved.Provider.Web.JsonPath, out var pathError) is null)
        {
            return (null, "provider.web.jsonPath: " + pathError);
        }
        foreach (var (field, condition) in new[] { ("successCondition", resolved.SuccessCondition), ("failureCondition", resolved.FailureCondition) })
        {
            if (string.IsNullOrWhiteSpace(condition))
            {
                continue;
            }
            try
            {
                Expr.Compile(condition, ArgoFunctions.Options);
            }
            catch (ExpressionException e)
            {
                return (null, $"{field}: {e.Message}");
            }
        }
        return (resolved, null);
    }

    [GeneratedRegex(@"\{\{\s*args\.([A-Za-z0-9_.\-]+)\s*\}\}")]
    private static partial Regex ArgReference();
}
