using System.Text.Json;
using Barge.Resources.Manifests;
using Barge.Resources.Model;

namespace Barge.Resources.Validation;

/// <summary>
/// Analysis template rules: Argo Rollouts' schema for the subset Barge runs (web metrics), and a
/// "not supported by Barge" problem for every other field, naming the supported ones.
/// </summary>
internal static class AnalysisTemplateValidator
{
    public const string SpecFields = "args, metrics";
    public const string ArgFields = "name, value";
    public const string MetricFields = "name, interval, count, initialDelay, successCondition, failureCondition, failureLimit, inconclusiveLimit, consecutiveErrorLimit, provider";
    public const string ProviderFields = "web";
    public const string WebFields = "url, method, headers, body, jsonPath, timeoutSeconds, insecure";

    private static readonly string[] Methods = ["GET", "POST", "PUT"];

    public static void Validate(AnalysisTemplateSpec? spec, Problems problems)
    {
        if (!problems.Required("spec", spec))
        {
            return;
        }
        Unsupported("spec", spec!.Unsupported, SpecFields, problems);
        var args = spec.Args ?? [];
        var argNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var path = FieldPath.Item("spec.args", i);
            Unsupported(path, args[i].Unsupported, ArgFields, problems);
            if (problems.Required(FieldPath.Child(path, "name"), args[i].Name) && !argNames.Add(args[i].Name!))
            {
                problems.Add(FieldPath.Child(path, "name"), $"duplicate argument \"{args[i].Name}\"");
            }
        }
        var metrics = spec.Metrics ?? [];
        problems.MinItems("spec.metrics", metrics);
        var metricNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < metrics.Count; i++)
        {
            Metric(FieldPath.Item("spec.metrics", i), metrics[i], metricNames, problems);
        }
    }

    private static void Metric(string path, AnalysisMetric metric, HashSet<string> names, Problems problems)
    {
        Unsupported(path, metric.Unsupported, MetricFields, problems);
        if (problems.Required(FieldPath.Child(path, "name"), metric.Name) && !names.Add(metric.Name!))
        {
            problems.Add(FieldPath.Child(path, "name"), $"duplicate metric \"{metric.Name}\"");
        }
        problems.Duration(FieldPath.Child(path, "interval"), metric.Interval);
        problems.Duration(FieldPath.Child(path, "initialDelay"), metric.InitialDelay);
        NotNegative(FieldPath.Child(path, "count"), metric.Count, problems);
        if (metric.Count is > 1 && string.IsNullOrEmpty(metric.Interval))
        {
            problems.Add(FieldPath.Child(path, "interval"), $"required when count is more than 1 (count is {metric.Count})");
        }
        NotNegative(FieldPath.Child(path, "inconclusiveLimit"), metric.InconclusiveLimit, problems);
        NotNegative(FieldPath.Child(path, "consecutiveErrorLimit"), metric.ConsecutiveErrorLimit, problems);
        if (metric.FailureLimit is < -1)
        {
            problems.Add(FieldPath.Child(path, "failureLimit"), $"must be -1 (no limit) or more, got {metric.FailureLimit}");
        }
        if (!problems.Required(FieldPath.Child(path, "provider"), metric.Provider))
        {
            return;
        }
        var providerPath = FieldPath.Child(path, "provider");
        foreach (var name in metric.Provider!.Unsupported?.Keys ?? Enumerable.Empty<string>())
        {
            problems.Add(FieldPath.Child(providerPath, name), $"provider \"{name}\" is not supported by Barge; supported: {ProviderFields}");
        }
        if (metric.Provider.Web is not { } web)
        {
            if (metric.Provider.Unsupported is not { Count: > 0 })
            {
                problems.Add(FieldPath.Child(providerPath, "web"), "required (Barge runs web metrics only)");
            }
            return;
        }
        var webPath = FieldPath.Child(providerPath, "web");
        Unsupported(webPath, web.Unsupported, WebFields, problems);
        // A URL that starts with an argument ({{args.url}}) is checked when the argument is known, at run time.
        if (problems.Required(FieldPath.Child(webPath, "url"), web.Url)
            && !web.Url!.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            && !web.Url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            && !web.Url.StartsWith("{{", StringComparison.Ordinal))
        {
            problems.Add(FieldPath.Child(webPath, "url"), $"invalid URL \"{web.Url}\": expected http:// or https://");
        }
        if (web.Method is { Length: > 0 } method && !Methods.Contains(method, StringComparer.Ordinal))
        {
            problems.Add(FieldPath.Child(webPath, "method"), $"unsupported method \"{method}\"; supported: {string.Join(", ", Methods)}");
        }
        if (web.TimeoutSeconds is <= 0)
        {
            problems.Add(FieldPath.Child(webPath, "timeoutSeconds"), $"must be positive, got {web.TimeoutSeconds}");
        }
        for (var i = 0; i < (web.Headers?.Count ?? 0); i++)
        {
            problems.Required(FieldPath.Child(FieldPath.Item(FieldPath.Child(webPath, "headers"), i), "key"), web.Headers![i].Key);
        }
    }

    private static void NotNegative(string path, int? value, Problems problems)
    {
        if (value is < 0)
        {
            problems.Add(path, $"must not be negative, got {value}");
        }
    }

    private static void Unsupported(string path, Dictionary<string, JsonElement>? fields, string supported, Problems problems)
    {
        foreach (var name in fields?.Keys ?? Enumerable.Empty<string>())
        {
            problems.Add(FieldPath.Child(path, name), $"field \"{name}\" is not supported by Barge; supported: {supported}");
        }
    }
}
