using System.Text.Json.Nodes;
using Barge.Engine.Git;

namespace Barge.Engine.Promotion;

/// <summary>
/// Collects the diffs a dry run produced: for every checkout a <c>git-clone</c> step made, the unified
/// diff between the commit it checked out and the work tree (commits made since and uncommitted
/// changes, new files included), computed in the scratch clone.
/// </summary>
internal static class DryRun
{
    public static async Task<IReadOnlyList<RepositoryDiff>> CollectDiffsAsync(
        string workDirectory,
        IReadOnlyList<Barge.Resources.Model.PromotionStep> steps,
        IReadOnlyDictionary<int, JsonObject> configs,
        JsonObject state,
        CancellationToken cancellationToken)
    {
        var git = new GitCli();
        var diffs = new List<RepositoryDiff>();
        foreach (var (index, config) in configs.OrderBy(p => p.Key))
        {
            if (steps[index].Uses != "git-clone" || state[steps[index].As ?? ""]?["commits"] is not JsonObject commits)
            {
                continue;
            }
            var repoURL = config["repoURL"]?.GetValue<string>() ?? "";
            foreach (var checkout in config["checkout"] as JsonArray ?? [])
            {
                var path = checkout?["path"]?.GetValue<string>() ?? "";
                var key = checkout?["as"]?.GetValue<string>() is { Length: > 0 } alias ? alias : path;
                if (commits[key]?.GetValue<string>() is not { Length: > 0 } baseCommit)
                {
                    continue;
                }
                var directory = SafePath.Join(workDirectory, path);
                var run = new GitRunOptions(WorkingDirectory: directory);
                await git.RunAsync(["add", "--all", "--intent-to-add"], run, cancellationToken);
                var diff = await git.RunAsync(["diff", "--no-color", "--no-ext-diff", baseCommit], run, cancellationToken);
                diffs.Add(new RepositoryDiff(repoURL, path, baseCommit, diff.Succeeded ? diff.StandardOutput : "error: " + diff.Describe()));
            }
        }
        return diffs;
    }
}
