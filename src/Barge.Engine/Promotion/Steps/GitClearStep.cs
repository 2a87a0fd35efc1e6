using System.Text.Json.Nodes;
using Barge.Engine.Git;

namespace Barge.Engine.Promotion.Steps;

/// <summary>
/// <c>git-clear</c>: deletes every tracked and every untracked, non-ignored file of a work tree made by
/// <c>git-clone</c> and stages the deletions (<c>git add .</c>, then <c>git rm -rf .</c>). Ignored files
/// and the <c>.git</c> link survive. No output.
/// </summary>
internal sealed class GitClearStep(GitCli? git = null) : IPromotionStep
{
    private readonly GitCli git = git ?? new GitCli();

    public string Kind => "git-clear";

    public bool HasSideEffects => false;

    public async Task<StepResult> RunAsync(StepContext context, JsonObject config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new StepConfigErrors(Kind);
        var root = errors.Root(config);
        root.AllowOnly("path");
        root.Require("path");
        var path = root.String("path", minLength: 1);
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
            return StepResult.Errored($"error adding all files to working tree at {path}: {added.Describe()}");
        }
        var removed = await tree.RunAsync(git, null, cancellationToken, "rm", "-r", "-f", "--quiet", "--ignore-unmatch", "--", ".");
        return removed.Succeeded
            ? StepResult.Succeeded()
            : StepResult.Errored($"error clearing working tree at {path}: {removed.Describe()}");
    }
}
