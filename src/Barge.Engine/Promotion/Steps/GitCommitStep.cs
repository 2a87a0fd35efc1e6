using System.Text.Json.Nodes;
using Barge.Engine.Git;

namespace Barge.Engine.Promotion.Steps;

/// <summary>
/// <c>git-commit</c>: stages every change of a work tree made by <c>git-clone</c> (additions,
/// modifications, deletions) and commits it with <c>message</c>. With nothing to commit the step is
/// <c>Skipped</c> and reports the existing HEAD, as Kargo does. The deprecated <c>author</c> overrides the
/// clone's identity for this one commit.
/// </summary>
internal sealed class GitCommitStep(GitCli? git = null) : IPromotionStep
{
    private readonly GitCli git = git ?? new GitCli();

    public string Kind => "git-commit";

    public bool HasSideEffects => false;

    public async Task<StepResult> RunAsync(StepContext context, JsonObject config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new StepConfigErrors(Kind);
        var root = errors.Root(config);
        root.AllowOnly("path", "message", "author");
        root.Require("path", "message");
        var path = root.String("path", minLength: 1);
        var message = root.String("message", minLength: 1);
        var author = GitAuthor.Bind(root, "author");
        if (errors.Any)
        {
            return errors.ToResult();
        }
        var loaded = await GitWorkTree.LoadAsync(git, context.WorkDirectory, path!, cancellationToken);
        if (!loaded.Succeeded)
        {
            return StepResult.Errored(loaded.Error);
        }
        var tree = loaded.Value;
        var added = await tree.RunAsync(git, null, cancellationToken, "add", "--all", ".");
        if (!added.Succeeded)
        {
            return StepResult.Errored("error adding all changes to working tree: " + added.Describe());
        }
        // Exit code 1: the index differs from HEAD (or HEAD is unborn and files are staged).
        var diff = await tree.RunAsync(git, null, cancellationToken, "diff", "--cached", "--quiet", "--exit-code");
        if (diff.ExitCode is not (0 or 1) || diff.TimedOut)
        {
            return StepResult.Errored("error checking for diffs in working tree: " + diff.Describe());
        }
        var committed = diff.ExitCode == 1;
        if (committed)
        {
            string[] identity = author is null ? [] : ["-c", "user.name=" + author.Name, "-c", "user.email=" + author.Email];
            var commit = await tree.RunAsync(git, null, cancellationToken, [.. identity, "commit", "--quiet", "--no-verify", "-m", message!]);
            if (!commit.Succeeded)
            {
                return StepResult.Errored("error committing to working tree: error committing changes: " + commit.Describe());
            }
        }
        var head = await tree.RunAsync(git, null, cancellationToken, "rev-parse", "--verify", "HEAD");
        if (!head.Succeeded)
        {
            return StepResult.Errored("error getting last commit ID: " + head.Describe());
        }
        var output = new Dictionary<string, JsonNode?>(StringComparer.Ordinal) { ["commit"] = head.StandardOutput.Trim() };
        return committed ? StepResult.Succeeded(output) : StepResult.Skipped(output);
    }
}
