using System.Globalization;
using System.Text.Json.Nodes;
using Barge.Engine.Git;

namespace Barge.Engine.Promotion.Steps;

/// <summary>
/// <c>git-clone</c>: a bare clone of <c>repoURL</c> in the work directory and one work tree per
/// <c>checkout</c> entry (a branch, optionally created as an orphan when missing remotely; a commit or
/// tag, detached; or, with none of them, the remote's default branch — where Kargo errors, §8 item 1).
/// The identity later commits use is fixed here: <c>author</c>, else the system identity. Credentials
/// come from the context's provider and reach git through askpass only.
/// </summary>
internal sealed class GitCloneStep(GitCli? git = null, GitAuthor? systemAuthor = null, Random? random = null) : IPromotionStep
{
    private readonly GitCli git = git ?? new GitCli();
    private readonly GitAuthor systemAuthor = systemAuthor ?? GitAuthor.Default;
    private readonly Random random = random ?? Random.Shared;

    public string Kind => "git-clone";

    public bool HasSideEffects => false;

    private sealed record Checkout(int Index, string Path, string? Branch, string? Commit, string? Tag, bool Create, string? As, IReadOnlyList<string>? Sparse);

    private sealed record Config(string RepoUrl, bool InsecureSkipTlsVerify, bool Blobless, bool RecurseSubmodules, GitAuthor? Author, IReadOnlyList<Checkout> Checkouts);

    public async Task<StepResult> RunAsync(StepContext context, JsonObject config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new StepConfigErrors(Kind);
        var cfg = Bind(errors, config);
        if (cfg is null)
        {
            return errors.ToResult();
        }
        var aliases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var checkout in cfg.Checkouts.Where(c => !string.IsNullOrEmpty(c.As)))
        {
            if (!aliases.Add(checkout.As!))
            {
                return StepResult.Failed($"duplicate checkout alias \"{checkout.As}\" at checkout[{checkout.Index.ToString(CultureInfo.InvariantCulture)}]");
            }
        }
        foreach (var checkout in cfg.Checkouts)
        {
            if (SparseError(checkout) is { } sparseError)
            {
                return StepResult.Failed($"invalid git-clone config: checkout.{checkout.Index.ToString(CultureInfo.InvariantCulture)}.sparse: {sparseError}");
            }
            if (FirstUnsafeRef(checkout) is { } name)
            {
                return StepResult.Failed($"invalid git-clone config: checkout.{checkout.Index.ToString(CultureInfo.InvariantCulture)}: ref \"{name}\" may not start with '-'");
            }
        }

        var credentials = await GitWorkTree.CredentialsAsync(context, cfg.RepoUrl, cancellationToken);
        if (!credentials.Succeeded)
        {
            return StepResult.Errored(credentials.Error);
        }
        var author = cfg.Author ?? systemAuthor;
        var root = GitWorkTree.WorkRoot(context.WorkDirectory);
        var repoDir = Path.Combine(root, "repo-" + random.Next().ToString("x8", CultureInfo.InvariantCulture), ".git");
        var cloned = await CloneAsync(cfg, author, repoDir, credentials.Value, cancellationToken);
        if (cloned is not null)
        {
            return StepResult.Errored(cloned);
        }

        var commits = new JsonObject();
        foreach (var checkout in cfg.Checkouts)
        {
            var added = await AddWorkTreeAsync(cfg, checkout, root, repoDir, credentials.Value, cancellationToken);
            if (!added.Succeeded)
            {
                return StepResult.Errored(added.Error);
            }
            commits[checkout.As is { Length: > 0 } alias ? alias : checkout.Path] = added.Value;
        }
        return StepResult.Succeeded(new Dictionary<string, JsonNode?>(StringComparer.Ordinal) { ["commits"] = commits });
    }

    private async Task<string?> CloneAsync(Config cfg, GitAuthor author, string repoDir, GitCredentials? credentials, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(repoDir)!);
        List<string> arguments =
        [
            "clone", "--bare", "--quiet",
            "-c", "user.name=" + author.Name,
            "-c", "user.email=" + author.Email,
            "-c", GitWorkTree.RepoDirKey + "=" + repoDir,
            "-c", GitWorkTree.RepoUrlKey + "=" + cfg.RepoUrl,
            // Abort a transfer that stays under 1 KiB/s for 30 s, as Kargo does.
            "-c", "http.lowSpeedLimit=1024",
            "-c", "http.lowSpeedTime=30",
        ];
        if (cfg.InsecureSkipTlsVerify)
        {
            arguments.AddRange(["-c", "http.sslVerify=false"]);
        }
        if (cfg.Blobless)
        {
            arguments.Add("--filter=blob:none");
        }
        arguments.AddRange(["--", cfg.RepoUrl, repoDir]);
        var result = await git.RunAsync(arguments, new GitRunOptions(Credentials: credentials), cancellationToken);
        return result.Succeeded
            ? null
            : UrlRedaction.Redact($"error cloning {cfg.RepoUrl}: error cloning repo \"{cfg.RepoUrl}\" into \"{repoDir}\": {result.Describe()}");
    }

    private async Task<GitOutcome<string>> AddWorkTreeAsync(
        Config cfg, Checkout checkout, string root, string repoDir, GitCredentials? credentials, CancellationToken cancellationToken)
    {
        var path = SafePath.Join(root, checkout.Path);
        var failure = $"error adding work tree {checkout.Path} to repo {cfg.RepoUrl}: ";
        if (StepFiles.IsInGitMetadata(root, path) || path == root)
        {
            return GitOutcome<string>.Failure(failure + $"path \"{checkout.Path}\" is the work directory itself or inside git metadata (.git)");
        }
        if (SafePath.EntryExists(Path.Combine(path, ".git")))
        {
            return GitOutcome<string>.Failure(failure + $"working tree already exists at \"{path}\"");
        }
        var bare = new GitRunOptions(Credentials: credentials);
        List<string> add = ["--git-dir=" + repoDir, "worktree", "add", "--quiet"];
        if (!string.IsNullOrEmpty(checkout.Branch))
        {
            var ensured = await EnsureBranchAsync(cfg, checkout, repoDir, bare, cancellationToken);
            if (ensured is not null)
            {
                return GitOutcome<string>.Failure(ensured);
            }
            add.AddRange(["--", path, checkout.Branch]);
        }
        else if (!string.IsNullOrEmpty(checkout.Commit))
        {
            add.AddRange(["--detach", "--", path, checkout.Commit]);
        }
        else if (!string.IsNullOrEmpty(checkout.Tag))
        {
            add.AddRange(["--detach", "--", path, "refs/tags/" + checkout.Tag]);
        }
        else
        {
            var head = await git.RunAsync(["--git-dir=" + repoDir, "symbolic-ref", "--quiet", "--short", "HEAD"], bare, cancellationToken);
            if (!head.Succeeded)
            {
                return GitOutcome<string>.Failure(failure + "error finding the default branch: " + head.Describe());
            }
            add.AddRange(["--", path, head.StandardOutput.Trim()]);
        }
        var added = await git.RunAsync(add, bare, cancellationToken);
        if (!added.Succeeded)
        {
            return GitOutcome<string>.Failure(failure + added.Describe());
        }
        var inTree = bare with { WorkingDirectory = path };
        if (checkout.Sparse is { Count: > 0 } sparse)
        {
            var init = await git.RunAsync(["sparse-checkout", "init", "--cone"], inTree, cancellationToken);
            var set = init.Succeeded ? await git.RunAsync(["sparse-checkout", "set", "--", .. sparse], inTree, cancellationToken) : init;
            if (!set.Succeeded)
            {
                await git.RunAsync(["--git-dir=" + repoDir, "worktree", "remove", "--force", path], bare, cancellationToken);
                return GitOutcome<string>.Failure(failure + $"error configuring sparse checkout for \"{path}\": " + set.Describe());
            }
        }
        if (cfg.RecurseSubmodules)
        {
            // Without the repository's credentials: .gitmodules may name any host, and the askpass helper
            // would hand the credentials to whichever host asks.
            var submodules = await git.RunAsync(["submodule", "update", "--init", "--recursive"], inTree with { Credentials = null }, cancellationToken);
            if (!submodules.Succeeded)
            {
                return GitOutcome<string>.Failure($"error updating submodules for worktree at {path}: " + submodules.Describe());
            }
        }
        var headCommit = await git.RunAsync(["rev-parse", "HEAD"], inTree, cancellationToken);
        return headCommit.Succeeded
            ? GitOutcome<string>.Success(headCommit.StandardOutput.Trim())
            : GitOutcome<string>.Failure(failure + "error reading HEAD: " + headCommit.Describe());
    }

    /// <summary>
    /// Makes sure the branch exists: the bare clone holds every remote branch, so a missing local branch
    /// is a missing remote one. With <c>create</c>, an orphan branch with one empty <c>Initial commit</c>
    /// is pushed at once, so it exists remotely as soon as this step ran (as in Kargo).
    /// </summary>
    private async Task<string?> EnsureBranchAsync(Config cfg, Checkout checkout, string repoDir, GitRunOptions bare, CancellationToken cancellationToken)
    {
        var branch = checkout.Branch!;
        var exists = await git.RunAsync(["--git-dir=" + repoDir, "rev-parse", "--verify", "--quiet", "refs/heads/" + branch + "^{commit}"], bare, cancellationToken);
        if (exists.Succeeded)
        {
            return null;
        }
        var failure = $"error ensuring existence of remote branch {branch}: ";
        if (!checkout.Create)
        {
            return failure + $"remote branch \"{branch}\" of repo {cfg.RepoUrl} does not exist; set create=true if you'd like a non-existent remote branch to be automatically created at checkout";
        }
        var tree = await git.RunAsync(["--git-dir=" + repoDir, "hash-object", "-w", "-t", "tree", "--stdin"], bare, cancellationToken);
        var commit = tree.Succeeded
            ? await git.RunAsync(["--git-dir=" + repoDir, "commit-tree", tree.StandardOutput.Trim(), "-m", "Initial commit"], bare, cancellationToken)
            : tree;
        if (!commit.Succeeded)
        {
            return failure + "error creating the initial commit: " + commit.Describe();
        }
        var sha = commit.StandardOutput.Trim();
        var pushed = await git.RunAsync(["--git-dir=" + repoDir, "push", "--quiet", "origin", sha + ":refs/heads/" + branch], bare, cancellationToken);
        if (!pushed.Succeeded)
        {
            return failure + $"error pushing new branch \"{branch}\": " + pushed.Describe();
        }
        var updated = await git.RunAsync(["--git-dir=" + repoDir, "update-ref", "refs/heads/" + branch, sha], bare, cancellationToken);
        return updated.Succeeded ? null : failure + updated.Describe();
    }

    private static string? SparseError(Checkout checkout)
    {
        foreach (var pattern in checkout.Sparse ?? [])
        {
            if (Path.IsPathRooted(pattern))
            {
                return "sparse checkout pattern must be relative: " + pattern;
            }
            if (pattern.StartsWith("..", StringComparison.Ordinal))
            {
                return "sparse checkout pattern cannot escape repository: " + pattern;
            }
            if (pattern.IndexOfAny(['*', '?', '[']) >= 0)
            {
                return $"sparse checkout pattern cannot contain glob characters (*, ?, [): {pattern}; use directory paths like 'src/app' instead";
            }
            if (pattern.StartsWith('-'))
            {
                return "sparse checkout pattern may not start with '-': " + pattern;
            }
        }
        return null;
    }

    private static string? FirstUnsafeRef(Checkout checkout) =>
        new[] { checkout.Branch, checkout.Commit, checkout.Tag }.FirstOrDefault(r => !string.IsNullOrEmpty(r) && !GitWorkTree.IsSafeRefName(r));

    private static Config? Bind(StepConfigErrors errors, JsonObject json)
    {
        var root = errors.Root(json);
        root.AllowOnly("repoURL", "insecureSkipTLSVerify", "blobless", "recurseSubmodules", "author", "checkout");
        root.Require("repoURL", "checkout");
        var repoUrl = root.String("repoURL", minLength: 1);
        var insecure = root.Bool("insecureSkipTLSVerify") ?? false;
        var blobless = root.Bool("blobless") ?? false;
        var submodules = root.Bool("recurseSubmodules") ?? false;
        var author = GitAuthor.Bind(root, "author");
        var items = root.ObjectArray("checkout", minItems: 1) ?? [];
        var checkouts = new List<Checkout>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            item.AllowOnly("path", "branch", "commit", "tag", "create", "as", "sparse");
            item.Require("path");
            var path = item.String("path", minLength: 1);
            var branch = item.String("branch");
            var commit = item.String("commit");
            var tag = item.String("tag");
            var create = item.Bool("create") ?? false;
            var alias = item.String("as");
            var sparse = item.StringArray("sparse", minItems: 1, minLength: 1);
            if (new[] { branch, commit, tag }.Count(r => !string.IsNullOrEmpty(r)) > 1)
            {
                item.Add("Must validate one and only one schema (oneOf)");
            }
            if (path is not null)
            {
                checkouts.Add(new Checkout(i, path, branch, commit, tag, create, alias, sparse));
            }
        }
        return errors.Any ? null : new Config(repoUrl!, insecure, blobless, submodules, author, checkouts);
    }
}
