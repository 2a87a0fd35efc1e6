using System.Text.Json.Nodes;
using Barge.Expressions;
using Barge.Expressions.Templates;
using Barge.Resources.Identity;
using Barge.Resources.Model;
using Barge.Storage;

namespace Barge.Server.Webhooks.Providers;

/// <summary>
/// Kargo's generic receiver: no header authentication (the path is the secret); an empty body or a
/// JSON one; each <c>Refresh</c> action evaluates its <c>parameters</c>, then its <c>whenExpression</c>,
/// then selects Warehouses by <c>name</c> (template), <c>labelSelector</c> (values are templates) and
/// <c>indexSelector.matchIndices</c> on <c>subscribedURLs</c>, and refreshes them. Expressions see
/// <c>request</c> (<see cref="GenericRequestContext"/>), <c>params</c> and the functions
/// <c>normalizeGit</c>, <c>normalizeImage</c>, <c>normalizeChart</c>.
/// </summary>
internal sealed class GenericProvider(IResourceStore store, WarehouseRefresher refresher)
{
    private static readonly ExprOptions Options = ExprOptions.Default with
    {
        Functions = FunctionRegistry.Create(
            new HostFunction("normalizeGit", [new HostParameter("url", ArgumentKind.String)], a => RepoUrls.NormalizeGit((string)a[0]!)),
            new HostFunction("normalizeImage", [new HostParameter("url", ArgumentKind.String)], a => RepoUrls.NormalizeImage((string)a[0]!)),
            new HostFunction("normalizeChart", [new HostParameter("url", ArgumentKind.String)], a => RepoUrls.NormalizeChart((string)a[0]!))),
    };

    private static readonly TemplateEvaluator Templates = new(Options);

    public async Task<WebhookReply> HandleAsync(WebhookRequest request, ReceiverEntry receiver, CancellationToken cancellationToken)
    {
        object? body = null;
        if (request.Body.Length > 0)
        {
            try
            {
                body = ExprJson.Parse(request.BodyText);
            }
            catch (Exception e) when (e is ExpressionException or FormatException or System.Text.Json.JsonException)
            {
                return WebhookReply.Error(400, "invalid request body: " + e.Message);
            }
        }
        var context = new GenericRequestContext(request, body);
        var results = new JsonArray();
        var failed = false;
        foreach (var action in receiver.Config.Generic?.Actions ?? [])
        {
            var (result, ok) = await RunAsync(action, receiver.Project, context, cancellationToken);
            results.Add(result);
            failed |= !ok;
        }
        return new WebhookReply(failed ? 500 : 200, new JsonObject { ["results"] = results });
    }

    private async Task<(JsonObject Result, bool Ok)> RunAsync(GenericWebhookAction action, string project, GenericRequestContext request, CancellationToken cancellationToken)
    {
        var result = new JsonObject
        {
            ["action"] = action.Action ?? "",
            ["whenExpression"] = action.WhenExpression ?? "",
            ["parameters"] = Json(action.Parameters),
            ["targetSelectionCriteria"] = Json(action.TargetSelectionCriteria),
        };
        if (action.Action != "Refresh")
        {
            return (Finish(result, "Error", $"action \"{action.Action}\" is not supported (only Refresh is)"), false);
        }
        var environment = new Dictionary<string, object?>(StringComparer.Ordinal) { ["request"] = request };
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
        try
        {
            foreach (var (name, expression) in action.Parameters ?? [])
            {
                parameters[name] = Templates.Evaluate(expression, environment);
            }
            environment["params"] = parameters;
        }
        catch (ExpressionException)
        {
            return (Finish(result, "Error", "Error evaluating parameters"), false);
        }
        bool matched;
        try
        {
            matched = string.IsNullOrWhiteSpace(action.WhenExpression) || Expr.Evaluate(Unwrap(action.WhenExpression), environment, Options) is true;
        }
        catch (ExpressionException)
        {
            return (Finish(result, "Error", "Error evaluating whenExpression"), false);
        }
        result["matchedWhenExpression"] = matched;
        if (!matched)
        {
            return (Finish(result, "NotApplicable", "Request did not match whenExpression"), true);
        }
        List<ResourceKey> targets;
        try
        {
            targets = await SelectAsync(action.TargetSelectionCriteria ?? [], project, environment, cancellationToken);
        }
        catch (Exception e) when (e is ExpressionException or InvalidOperationException)
        {
            return (Finish(result, "Error", "Error evaluating targetSelectionCriteria"), false);
        }
        var selected = new JsonArray();
        var refreshed = 0;
        foreach (var key in targets)
        {
            var outcome = await refresher.RefreshAsync(key, cancellationToken);
            var success = outcome is RefreshOutcome.Written or RefreshOutcome.Coalesced;
            refreshed += success ? 1 : 0;
            selected.Add(new JsonObject { ["namespace"] = key.Project, ["name"] = key.Name, ["success"] = success });
        }
        result["selectedTargets"] = selected;
        var verdict = refreshed == targets.Count ? "Success" : refreshed == 0 ? "Failure" : "PartialSuccess";
        return (Finish(result, verdict, $"Refreshed {refreshed} of {targets.Count} selected resources"), verdict == "Success");
    }

    private async Task<List<ResourceKey>> SelectAsync(List<GenericWebhookTargetSelectionCriteria> criteria, string project, Dictionary<string, object?> environment, CancellationToken cancellationToken)
    {
        var warehouses = (await store.ListAsync(ResourceQuery.OfKind("Warehouse", project), cancellationToken)).Items;
        var selected = new List<ResourceKey>();
        foreach (var criterion in criteria)
        {
            if (criterion.Kind != "Warehouse")
            {
                throw new InvalidOperationException($"target kind \"{criterion.Kind}\" is not supported (only Warehouse is)");
            }
            var name = string.IsNullOrEmpty(criterion.Name) ? null : Text(criterion.Name, environment);
            var labels = Labels(criterion.LabelSelector, environment);
            var indices = Indices(criterion.IndexSelector, environment);
            foreach (var warehouse in warehouses)
            {
                if ((name is null || warehouse.Key.Name == name)
                    && labels(warehouse.Labels)
                    && indices.All(i => i(warehouse))
                    && !selected.Contains(warehouse.Key))
                {
                    selected.Add(warehouse.Key);
                }
            }
        }
        return selected;
    }

    private static Func<IReadOnlyDictionary<string, string>, bool> Labels(LabelSelector? selector, Dictionary<string, object?> environment)
    {
        if (selector is null)
        {
            return _ => true;
        }
        var equal = (selector.MatchLabels ?? []).ToDictionary(p => p.Key, p => Text(p.Value, environment), StringComparer.Ordinal);
        var expressions = (selector.MatchExpressions ?? []).Select(r => (r.Key ?? "", r.Operator ?? "", Values: (r.Values ?? []).Select(v => Text(v, environment)).ToList())).ToList();
        return labels => equal.All(p => labels.TryGetValue(p.Key, out var v) && v == p.Value)
            && expressions.All(r => r.Item2 switch
            {
                "In" => labels.TryGetValue(r.Item1, out var v) && r.Values.Contains(v),
                "NotIn" => !labels.TryGetValue(r.Item1, out var v) || !r.Values.Contains(v),
                "Exists" => labels.ContainsKey(r.Item1),
                "DoesNotExist" => !labels.ContainsKey(r.Item1),
                _ => throw new InvalidOperationException($"label selector operator \"{r.Item2}\" is not supported"),
            });
    }

    private static List<Func<StoredResource, bool>> Indices(JsonNode? selector, Dictionary<string, object?> environment)
    {
        var predicates = new List<Func<StoredResource, bool>>();
        if (selector?["matchIndices"] is not JsonArray indices)
        {
            return predicates;
        }
        foreach (var index in indices)
        {
            var key = index?["key"]?.GetValue<string>();
            var op = index?["operator"]?.GetValue<string>() ?? "Equals";
            var value = Text(index?["value"]?.GetValue<string>() ?? "", environment);
            if (key != "subscribedURLs")
            {
                throw new InvalidOperationException($"index \"{key}\" is not supported (only subscribedURLs is)");
            }
            predicates.Add(op switch
            {
                "Equals" => w => SubscribedUrls(w).Contains(value),
                "NotEquals" => w => !SubscribedUrls(w).Contains(value),
                _ => throw new InvalidOperationException($"index operator \"{op}\" is not supported"),
            });
        }
        return predicates;
    }

    private static HashSet<string> SubscribedUrls(StoredResource warehouse)
    {
        var spec = Barge.Resources.Serialization.ResourceSerializer.FromJson<WarehouseSpec>(warehouse.Spec.GetRawText());
        var urls = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in spec?.Subscriptions ?? [])
        {
            if (s.Git?.RepoURL is { } g)
            {
                urls.Add(RepoUrls.NormalizeGit(g));
            }
            if (s.Image?.RepoURL is { } i)
            {
                urls.Add(RepoUrls.NormalizeImage(i));
            }
            if (s.Chart?.RepoURL is { } c)
            {
                urls.Add(RepoUrls.NormalizeChart(c));
            }
        }
        return urls;
    }

    private static string Text(string template, Dictionary<string, object?> environment) =>
        Templates.Evaluate(template, environment) switch
        {
            null => "",
            string s => s,
            var other => ExprJson.Format(other),
        };

    private static string Unwrap(string expression)
    {
        var trimmed = expression.Trim();
        return trimmed.StartsWith("${{", StringComparison.Ordinal) && trimmed.EndsWith("}}", StringComparison.Ordinal) ? trimmed[3..^2] : trimmed;
    }

    private static JsonNode? Json<T>(T value) => value is null ? null : Barge.Resources.Serialization.ResourceSerializer.ToJsonNode(value);

    private static JsonObject Finish(JsonObject result, string verdict, string summary)
    {
        result["result"] = verdict;
        result["summary"] = summary;
        return result;
    }
}
