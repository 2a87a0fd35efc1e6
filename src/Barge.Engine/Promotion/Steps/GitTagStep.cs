using System.Text.Json.Nodes;
using Barge.Engine.Git;

namespace Barge.Engine.Promotion.Steps;

/// <summary>
/// <c>git-tag</c>: an annotated tag on the HEAD of a work tree made by <c>git-clone</c>; <c>force</c>
/// moves an existing tag. Outputs the tagged commit (not the tag object). Like Kargo's schema, unknown
/// keys are accepted (kargo-steps.md §8 item 12).
/// </summary>
internal sealed class GitTagStep(GitCli? git = null) : IPromotionStep
{
    private readonly GitCli git = git ?? new GitCli();

    public string Kind => "git-tag";

    public bool HasSideEffects => false;

    public async Task<StepResult> RunAsync(StepContext context, JsonObject config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new StepConfigErrors(Kind);
        var root = errors.Root(config);
        root.Require("path", "tag", "message");
        var path = root.String("path", minLength: 1);
        var tag = root.String("tag", minLength: 1);
        var message = root.String("message", minLength: 1);
        var force = root.Bool("force") ?? false;
        if (errors.Any)
        {
            return errors.ToResult();
        }
        if (!GitWorkTree.IsSafeRefName(tag!))
        {
            return StepResult.Failed($"invalid git-tag config: tag: tag \"{tag}\" may not start with '-'");
        }
        var loaded = await GitWorkTree.LoadAsync(git, context.WorkDirectory, path!, cancellationToken);
        if (!loaded.Succeeded)
        {
            return StepResult.Errored(loaded.Error);
        }
        var tree = loaded.Value;
        string[] arguments = force ? ["tag", "--force", "-a", "-m", message!, tag!] : ["tag", "-a", "-m", message!, tag!];
        var tagged = await tree.RunAsync(git, null, cancellationToken, arguments);
        if (!tagged.Succeeded)
        {
            return StepResult.Errored($"error creating tag {tag}: error creating annotated tag \"{tag}\": {tagged.Describe()}");
        }
        var head = await tree.RunAsync(git, null, cancellationToken, "rev-parse", "--verify", "HEAD");
        return head.Succeeded
            ? StepResult.Succeeded(new Dictionary<string, JsonNode?>(StringComparer.Ordinal) { ["commit"] = head.StandardOutput.Trim() })
            : StepResult.Errored("error getting last commit ID: " + head.Describe());
    }
}
