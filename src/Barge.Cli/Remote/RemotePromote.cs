using System.Text.Json.Nodes;
using Barge.Cli.Hosting;
using Barge.Cli.Promote;
using Barge.Engine.Promotion;
using Barge.Resources.Model;

namespace Barge.Cli.Remote;

/// <summary>
/// <c>barge promote</c> through the API: creates the Promotion (<c>POST …/stages/{s}/promotions</c>) and,
/// unless <c>--no-wait</c>, follows it over the SSE watch of the Promotion, printing each step's status
/// as it changes and then the final phase, in embedded mode's words. Exit 0 only for Succeeded.
/// </summary>
internal sealed class RemotePromote(CliContext cli, BargeClient client)
{
    public async Task<int> PromoteAsync(string project, string stage, object body, bool wait, CancellationToken cancellationToken)
    {
        var created = await client.PostJsonAsync(BargeClient.Api("projects", project, "stages", stage, "promotions"), body, cancellationToken);
        if (created.Failure is { Status: 404, Reason: null })
        {
            return MissingProject(project, stage);
        }
        if (created.Failure is { } failure)
        {
            return RemoteReport.Fail(cli, failure);
        }
        var name = Text(created.Value?["metadata"]?["name"]) ?? "";
        cli.Output.WriteLine($"promotion.kargo.akuity.io/{name} created");
        return wait ? await FollowAsync(project, name, cancellationToken) : ExitCodes.Success;
    }

    /// <summary>
    /// <c>--dry-run</c> through <c>POST …/stages/{s}/promotions/dry-run</c> (Barge extension): the server runs the
    /// steps against scratch copies and stores nothing; this prints its step changes, each repository's diff and
    /// the outcome exactly as embedded mode does. Exit 0 only when the dry run Succeeded.
    /// </summary>
    public async Task<int> DryRunAsync(string project, string stage, object body, CancellationToken cancellationToken)
    {
        var run = await client.PostJsonAsync(BargeClient.Api("projects", project, "stages", stage, "promotions", "dry-run"), body, cancellationToken);
        if (run.Failure is { Status: 404, Reason: null })
        {
            return MissingProject(project, stage);
        }
        if (run.Failure is { } failure)
        {
            return RemoteReport.Fail(cli, failure);
        }
        var report = run.Value as JsonObject ?? [];
        foreach (var step in (report["steps"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var index = step["index"] is JsonValue i && i.TryGetValue<int>(out var n) ? n : 0;
            var count = step["count"] is JsonValue c && c.TryGetValue<int>(out var m) ? m : 0;
            cli.Output.WriteLine(PromoteOutput.StepLine(index, count, Text(step["alias"]) ?? "", Text(step["uses"]) ?? "", Text(step["status"]) ?? "", Text(step["message"])));
        }
        foreach (var diff in (report["diffs"] as JsonArray ?? []).OfType<JsonObject>())
        {
            PromoteOutput.WriteDiff(cli.Output, Text(diff["repoURL"]), Text(diff["path"]), Text(diff["baseCommit"]) ?? "", Text(diff["diff"]) ?? "");
        }
        if (!Enum.TryParse<PromotionPhase>(Text(report["phase"]), out var phase))
        {
            return cli.Fail(ExitCodes.Failed, $"the server at {ServerUrl.Format(client.Server)} answered the dry run without a phase");
        }
        return PromoteOutput.Finish(cli.Output, "dry run of " + Text(report["promotion"]), phase, Text(report["message"]));
    }

    public async Task<int> AbortAsync(string project, string name, CancellationToken cancellationToken)
    {
        var sent = await client.SendAsync(HttpMethod.Post, BargeClient.Api("projects", project, "promotions", name, "abort"), null, cancellationToken);
        if (sent.Failure is { Status: 404 })
        {
            return cli.Fail(ExitCodes.BadInput, $"Promotion \"{name}\" not found in project \"{project}\"");
        }
        if (sent.Failure is { } failure)
        {
            return RemoteReport.Fail(cli, failure);
        }
        cli.Output.WriteLine($"promotion.kargo.akuity.io/{name} abort requested");
        return ExitCodes.Success;
    }

    private async Task<int> FollowAsync(string project, string name, CancellationToken cancellationToken)
    {
        var printed = new Dictionary<int, string>();
        await foreach (var change in client.WatchAsync(BargeClient.Api("projects", project, "promotions", name), cancellationToken))
        {
            if (change.Failure is { } failure)
            {
                return cli.Fail(failure.ExitCode, failure.Message + $"; Promotion \"{name}\" goes on on the server: see `barge get promotions {name}`");
            }
            var promotion = change.Value!["object"]!.AsObject();
            if (Text(change.Value["type"]) == "DELETED")
            {
                return cli.Fail(ExitCodes.Failed, $"Promotion \"{name}\" in project \"{project}\" was deleted before it finished");
            }
            PrintSteps(promotion, printed);
            if (Enum.TryParse<PromotionPhase>(Text(promotion["status"]?["phase"]), out var phase) && FinalPhase.IsTerminal(phase))
            {
                return PromoteOutput.Finish(cli.Output, name, phase, Text(promotion["status"]?["message"]));
            }
        }
        return cli.Fail(ExitCodes.Failed, $"the watch of Promotion \"{name}\" ended before it finished");
    }

    /// <summary>One line per step whose status or message changed since the last event, as embedded mode reports them.</summary>
    private void PrintSteps(JsonObject promotion, Dictionary<int, string> printed)
    {
        var steps = promotion["spec"]?["steps"] as JsonArray ?? [];
        var metadata = promotion["status"]?["stepExecutionMetadata"] as JsonArray ?? [];
        for (var i = 0; i < metadata.Count; i++)
        {
            if (Text(metadata[i]?["status"]) is not { } status)
            {
                continue;
            }
            var alias = Text(metadata[i]?["alias"]) ?? Text(steps.ElementAtOrDefault(i)?["as"]) ?? $"step-{i + 1}";
            var uses = Text(steps.ElementAtOrDefault(i)?["uses"]) ?? "";
            var line = PromoteOutput.StepLine(i, steps.Count, alias, uses, status, Text(metadata[i]?["message"]));
            if (printed.GetValueOrDefault(i) != line)
            {
                printed[i] = line;
                cli.Output.WriteLine(line);
            }
        }
    }

    /// <summary>
    /// A 404 the engine did not give (no reason): the server has no such project. Embedded mode finds no such
    /// Stage in it and refuses the request as bad input; so does this.
    /// </summary>
    private int MissingProject(string project, string stage) =>
        cli.Fail(ExitCodes.BadInput, $"Stage \"{stage}\" not found in project \"{project}\"");

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
