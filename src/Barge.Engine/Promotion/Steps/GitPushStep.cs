using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Barge.Engine.Git;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Barge.Engine.Promotion.Steps;

/// <summary>
/// <c>git-push</c>: pushes the HEAD of a work tree made by <c>git-clone</c> to <c>targetBranch</c> (default:
/// the checked-out branch), to <c>kargo/promotion/&lt;Promotion&gt;</c> with <c>generateTargetBranch</c>
/// (forced, so a restarted Promotion can push it again), or pushes <c>tag</c>. A branch push integrates
/// what reached the remote first with the integration policy and retries a non-fast-forward rejection up
/// to <c>maxAttempts</c> times with back-off. Pushes of one repository branch by this step instance are
/// serialised, so retries are only needed against other processes.
/// </summary>
internal sealed partial class GitPushStep(GitCli? git = null, GitPushSettings? settings = null, ILogger<GitPushStep>? logger = null) : IPromotionStep
{
    private readonly ILogger logger = logger ?? NullLogger<GitPushStep>.Instance;
    private readonly GitCli git = git ?? new GitCli();
    private readonly GitPushSettings settings = settings ?? new GitPushSettings();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> locks = new(StringComparer.Ordinal);

    public string Kind => "git-push";

    private sealed record Config(string Path, string? TargetBranch, bool GenerateTargetBranch, string? Tag, bool Force, int MaxAttempts, string? Provider);

    private enum Failure
    {
        None,
        NonFastForward,
        MergeConflict,
        RebaseUnsafe,
        Other,
    }

    private sealed record Attempt(Failure Failure, string Message = "")
    {
        public static Attempt Done { get; } = new(Failure.None);
    }

    public async Task<StepResult> RunAsync(StepContext context, JsonObject config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new StepConfigErrors(Kind);
        var cfg = Bind(errors, config);
        if (cfg is null)
        {
            return errors.ToResult();
        }
        var loaded = await GitWorkTree.LoadAsync(git, context.WorkDirectory, cfg.Path, cancellationToken);
        if (!loaded.Succeeded)
        {
            return StepResult.Errored(loaded.Error);
        }
        var tree = loaded.Value;
        var credentials = await GitWorkTree.CredentialsAsync(context, tree.RepoUrl, cancellationToken);
        if (!credentials.Succeeded)
        {
            return StepResult.Errored(credentials.Error);
        }

        var target = cfg.TargetBranch ?? "";
        var force = cfg.Force;
        var policy = settings.Policy;
        if (cfg.GenerateTargetBranch)
        {
            if (context.Promotion.Length == 0)
            {
                return StepResult.Errored("error pushing commits to remote: generateTargetBranch needs the Promotion's name, and this step runs outside a Promotion", terminal: true);
            }
            target = "kargo/promotion/" + context.Promotion;
            force = true;
        }
        if (!string.IsNullOrEmpty(cfg.Tag) || force)
        {
            policy = GitPushIntegrationPolicy.None;
        }
        if (target.Length == 0)
        {
            target = tree.CurrentBranch();
        }
        if (string.IsNullOrEmpty(cfg.Tag) && target.Length == 0)
        {
            return StepResult.Errored(
                $"error pushing commits to remote: error pushing branch: the work tree at {cfg.Path} has a detached HEAD (a commit or tag checkout); set targetBranch or generateTargetBranch",
                terminal: true);
        }
        if (!GitWorkTree.IsSafeRefName(target.Length == 0 ? "x" : target) || !GitWorkTree.IsSafeRefName(cfg.Tag ?? "x"))
        {
            return StepResult.Failed("invalid git-push config: a branch or tag name may not start with '-'");
        }

        var last = Attempt.Done;
        for (var attempt = 1; attempt <= cfg.MaxAttempts; attempt++)
        {
            last = await PushOnceAsync(tree, credentials.Value, cfg.Tag, target, force, policy, cancellationToken);
            if (last.Failure != Failure.NonFastForward || attempt == cfg.MaxAttempts)
            {
                break;
            }
            var delay = settings.DelayBefore(attempt);
            LogRetry(logger, target, UrlRedaction.Redact(tree.RepoUrl), attempt, cfg.MaxAttempts, (long)delay.TotalMilliseconds);
            await Task.Delay(delay, settings.Time ?? TimeProvider.System, cancellationToken);
        }
        switch (last.Failure)
        {
            case Failure.MergeConflict:
            case Failure.RebaseUnsafe:
                return StepResult.Failed(last.Message);
            case Failure.NonFastForward:
            case Failure.Other:
                return StepResult.Errored("error pushing commits to remote: " + last.Message);
        }

        var head = await tree.RunAsync(git, null, cancellationToken, "rev-parse", "--verify", "HEAD");
        if (!head.Succeeded)
        {
            return StepResult.Errored("error getting last commit ID: " + head.Describe());
        }
        var commit = head.StandardOutput.Trim();
        var output = new Dictionary<string, JsonNode?>(StringComparer.Ordinal) { ["commit"] = commit };
        if (target.Length > 0)
        {
            output["branch"] = target;
        }
        if (GitCommitUrl.Build(tree.RepoUrl, cfg.Provider, commit) is { } url)
        {
            output["commitURL"] = url;
        }
        return StepResult.Succeeded(output);
    }

    private async Task<Attempt> PushOnceAsync(
        GitWorkTree tree, GitCredentials? credentials, string? tag, string branch, bool force, GitPushIntegrationPolicy policy, CancellationToken cancellationToken)
    {
        var key = tree.RepoUrl + ":" + (string.IsNullOrEmpty(tag) ? branch : "refs/tags/" + tag);
        var gate = locks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!string.IsNullOrEmpty(tag))
            {
                var pushedTag = await tree.RunAsync(git, credentials, cancellationToken, "push", "origin", "refs/tags/" + tag);
                return pushedTag.Succeeded ? Attempt.Done : new Attempt(Failure.Other, "error pushing tag: " + pushedTag.Describe());
            }
            if (policy != GitPushIntegrationPolicy.None)
            {
                var integrated = await IntegrateAsync(tree, credentials, branch, policy, cancellationToken);
                if (integrated.Failure != Failure.None)
                {
                    return integrated;
                }
            }
            string[] push = force
                ? ["push", "--force", "origin", "HEAD:refs/heads/" + branch]
                : ["push", "origin", "HEAD:refs/heads/" + branch];
            var pushed = await tree.RunAsync(git, credentials, cancellationToken, push);
            if (pushed.Succeeded)
            {
                return Attempt.Done;
            }
            return IsNonFastForward(pushed.StandardError + "\n" + pushed.StandardOutput)
                ? new Attempt(Failure.NonFastForward, "error pushing branch: non-fast-forward")
                : new Attempt(Failure.Other, "error pushing branch: " + pushed.Describe());
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Brings the remote branch's new commits in before a push. A branch that does not exist remotely yet
    /// has nothing to integrate: git's "couldn't find remote ref" answer says so without an extra
    /// <c>ls-remote</c> round trip.
    /// </summary>
    private async Task<Attempt> IntegrateAsync(
        GitWorkTree tree, GitCredentials? credentials, string branch, GitPushIntegrationPolicy policy, CancellationToken cancellationToken)
    {
        var rebase = policy != GitPushIntegrationPolicy.AlwaysMerge;
        if (policy is GitPushIntegrationPolicy.RebaseOrMerge or GitPushIntegrationPolicy.RebaseOrFail)
        {
            var safety = await RebaseSafetyAsync(tree, credentials, branch, cancellationToken);
            if (safety.Failure != Failure.None)
            {
                return safety;
            }
            rebase = safety.Message == "safe";
            if (!rebase && policy == GitPushIntegrationPolicy.RebaseOrFail)
            {
                return new Attempt(Failure.RebaseUnsafe, "rebase is unsafe and policy prohibits merge fallback");
            }
        }
        return rebase ? await RebaseAsync(tree, credentials, branch, cancellationToken) : await MergeAsync(tree, credentials, branch, cancellationToken);
    }

    private async Task<Attempt> RebaseAsync(GitWorkTree tree, GitCredentials? credentials, string branch, CancellationToken cancellationToken)
    {
        var pulled = await tree.RunAsync(git, credentials, cancellationToken, "pull", "--quiet", "--rebase", "origin", branch);
        if (pulled.Succeeded || IsMissingRemoteBranch(pulled))
        {
            return Attempt.Done;
        }
        if (await GitPathExistsAsync(tree, "rebase-merge", cancellationToken) || await GitPathExistsAsync(tree, "rebase-apply", cancellationToken))
        {
            await tree.RunAsync(git, null, cancellationToken, "rebase", "--abort");
            return new Attempt(Failure.MergeConflict, "merge conflict");
        }
        return new Attempt(Failure.Other, "error pulling and rebasing branch: " + pulled.Describe());
    }

    private async Task<Attempt> MergeAsync(GitWorkTree tree, GitCredentials? credentials, string branch, CancellationToken cancellationToken)
    {
        var pulled = await tree.RunAsync(git, credentials, cancellationToken, "pull", "--quiet", "--no-rebase", "--no-edit", "origin", branch);
        if (pulled.Succeeded || IsMissingRemoteBranch(pulled))
        {
            return Attempt.Done;
        }
        var merging = await tree.RunAsync(git, null, cancellationToken, "rev-parse", "--quiet", "--verify", "MERGE_HEAD");
        if (merging.Succeeded)
        {
            await tree.RunAsync(git, null, cancellationToken, "merge", "--abort");
            return new Attempt(Failure.MergeConflict, "merge conflict");
        }
        return new Attempt(Failure.Other, "error pulling and merging branch: " + pulled.Describe());
    }

    /// <summary>
    /// Kargo's rebase safety: rebasing rewrites the commits to replay, which would drop a trusted
    /// signature when signing is off (or keep an untrusted one when it is on). Message <c>safe</c> or <c>unsafe</c>.
    /// </summary>
    private async Task<Attempt> RebaseSafetyAsync(GitWorkTree tree, GitCredentials? credentials, string branch, CancellationToken cancellationToken)
    {
        var tracking = "refs/remotes/origin/" + branch;
        var fetched = await tree.RunAsync(git, credentials, cancellationToken, "fetch", "--quiet", "origin", $"+refs/heads/{branch}:{tracking}");
        if (IsMissingRemoteBranch(fetched))
        {
            return new Attempt(Failure.None, "safe");
        }
        if (!fetched.Succeeded)
        {
            return new Attempt(Failure.Other, "error fetching remote branch: " + fetched.Describe());
        }
        var log = await tree.RunAsync(git, null, cancellationToken, "log", "--format=%H %G?", tracking + "..HEAD", "--");
        if (!log.Succeeded)
        {
            return new Attempt(Failure.Other, "error listing commits to rebase: " + log.Describe());
        }
        var signing = (await tree.RunAsync(git, null, cancellationToken, "config", "--get", "commit.gpgSign")).StandardOutput.Trim() == "true";
        foreach (var line in log.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var mark = line.Length > 41 ? line[41..].Trim() : "";
            var safe = mark switch
            {
                "G" => signing,
                "N" or "" => !signing,
                _ => false,
            };
            if (!safe)
            {
                return new Attempt(Failure.None, "unsafe");
            }
        }
        return new Attempt(Failure.None, "safe");
    }

    private static bool IsMissingRemoteBranch(GitProcessResult result) =>
        !result.Succeeded && !result.TimedOut && result.StandardError.Contains("couldn't find remote ref", StringComparison.Ordinal);

    private async Task<bool> GitPathExistsAsync(GitWorkTree tree, string name, CancellationToken cancellationToken)
    {
        var path = await tree.RunAsync(git, null, cancellationToken, "rev-parse", "--git-path", name);
        return path.Succeeded && Directory.Exists(Path.Combine(tree.Path, path.StandardOutput.Trim()));
    }

    private static Config? Bind(StepConfigErrors errors, JsonObject json)
    {
        var root = errors.Root(json);
        root.AllowOnly("path", "targetBranch", "generateTargetBranch", "tag", "force", "maxAttempts", "provider");
        root.Require("path");
        var path = root.String("path", minLength: 1);
        var targetBranch = root.String("targetBranch");
        var generate = root.Bool("generateTargetBranch") ?? false;
        var tag = root.String("tag");
        var force = root.Bool("force") ?? false;
        var maxAttempts = MaxAttempts(root);
        var provider = root.String("provider");
        if (provider is not null && Array.IndexOf(GitCommitUrl.Providers, provider) < 0)
        {
            errors.Add("provider", "provider must be one of the following: " + string.Join(", ", GitCommitUrl.Providers.Select(p => "\"" + p + "\"")));
        }
        var hasBranch = !string.IsNullOrEmpty(targetBranch);
        var hasTag = !string.IsNullOrEmpty(tag);
        var branches = new[]
        {
            generate && !hasBranch && !hasTag,
            !generate && hasBranch && !hasTag,
            !generate && !hasBranch && hasTag && !force,
            !generate && !hasBranch && !hasTag,
        };
        if (branches.Count(b => b) != 1)
        {
            root.Add("Must validate one and only one schema (oneOf)");
        }
        return errors.Any
            ? null
            : new Config(path!, hasBranch ? targetBranch : null, generate, hasTag ? tag : null, force, maxAttempts ?? 10, provider);
    }

    private static int? MaxAttempts(ConfigObject root)
    {
        if (!root.Json.TryGetPropertyValue("maxAttempts", out var node))
        {
            return null;
        }
        if (node is null || node.GetValueKind() != JsonValueKind.Number || ConfigObject.TypeName(node) != "integer")
        {
            root.Errors.Add("maxAttempts", "Invalid type. Expected: integer, given: " + ConfigObject.TypeName(node));
            return null;
        }
        var value = Formats.GoFormat.ToDouble(node);
        if (value < 1)
        {
            root.Errors.Add("maxAttempts", "Must be greater than or equal to 1");
            return null;
        }
        if (value > int.MaxValue)
        {
            root.Errors.Add("maxAttempts", "Must be less than or equal to " + int.MaxValue.ToString("0.#########e+00", CultureInfo.InvariantCulture));
            return null;
        }
        return (int)value;
    }

    /// <summary>
    /// Kargo's recognition of a rejection that a retry can cure, plus one git reports for a lost
    /// compare-and-swap when two pushes race (git 2.39: <c>remote: error: cannot lock ref '…': is at X but
    /// expected Y</c> with <c>[remote rejected] … (failed to update ref)</c>), which Kargo's pattern misses.
    /// </summary>
    private static bool IsNonFastForward(string output) =>
        NonFastForward().IsMatch(output)
        || (LostRace().IsMatch(output) && output.Contains("cannot lock ref", StringComparison.Ordinal) && output.Contains("but expected", StringComparison.Ordinal));

    [LoggerMessage(Level = LogLevel.Information, Message = "push to branch {Branch} of {RepoUrl} was rejected as non-fast-forward (attempt {Attempt} of {MaxAttempts}); integrating and retrying in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, string branch, string repoUrl, int attempt, int maxAttempts, long delayMs);

    [GeneratedRegex(@"^\s*!\s+\[remote rejected].+\(failed to update ref\)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex LostRace();

    [GeneratedRegex(@"^\s*!\s+\[(remote )?rejected].+\((non-fast-forward|fetch first|cannot lock ref.*|incorrect old value provided)\)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex NonFastForward();
}
