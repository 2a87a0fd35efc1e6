using Barge.Engine.Credentials;
using Barge.Engine.Git;

namespace Barge.Engine.Promotion.Steps;

/// <summary>
/// A work tree made by <c>git-clone</c>: a <c>git worktree</c> of a bare clone that lives in the
/// Promotion's work directory at <c>repo-&lt;random&gt;/.git</c> (so the rule that no step writes into
/// <c>.git</c> protects it too). The bare clone's configuration records where it is and the URL it
/// was cloned from; later steps are given only the work tree's path and reload the rest from there.
/// </summary>
internal sealed record GitWorkTree(string Path, string RepoDir, string RepoUrl)
{
    public const string RepoDirKey = "barge.repoDir";
    public const string RepoUrlKey = "barge.repoOriginalURL";

    /// <summary>
    /// Loads the work tree at <paramref name="path"/> (resolved inside the work directory). Anything
    /// else — a missing folder, a plain directory, a repository not made by <c>git-clone</c>, a
    /// subdirectory of a work tree — fails with Kargo's <c>error loading working tree from …</c>.
    /// </summary>
    public static async Task<GitOutcome<GitWorkTree>> LoadAsync(GitCli git, string workDirectory, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(git);
        var root = WorkRoot(workDirectory);
        var full = SafePath.Join(root, path);
        var prefix = $"error loading working tree from {path}: ";
        // The links between a work tree and its repository are plain files; reading them costs no process.
        var gitDir = ReadLink(System.IO.Path.Combine(full, ".git"), "gitdir: ") is { } link ? System.IO.Path.GetFullPath(link, full) : null;
        if (gitDir is null || !SafePath.IsInside(root, gitDir))
        {
            return GitOutcome<GitWorkTree>.Failure(prefix + $"error reading repo dir from config: {path} is not a working tree made by git-clone");
        }
        var backLink = ReadLink(System.IO.Path.Combine(gitDir, "gitdir"), "") is { } back ? System.IO.Path.GetFullPath(back, gitDir) : null;
        if (backLink is null || System.IO.Path.GetDirectoryName(backLink) != System.IO.Path.TrimEndingDirectorySeparator(full))
        {
            return GitOutcome<GitWorkTree>.Failure(prefix + $"{path} is not the top directory of a working tree");
        }
        var config = await git.RunAsync(["config", "--get-regexp", @"^barge\."], new GitRunOptions(WorkingDirectory: full), cancellationToken);
        if (!config.Succeeded)
        {
            return GitOutcome<GitWorkTree>.Failure(prefix + "error reading repo dir from config: " + config.Describe());
        }
        var values = config.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.OrdinalIgnoreCase);
        var common = ReadLink(System.IO.Path.Combine(gitDir, "commondir"), "") is { } relative
            ? System.IO.Path.GetFullPath(System.IO.Path.Combine(gitDir, relative))
            : null;
        if (!values.TryGetValue(RepoDirKey, out var repo) || common is null
            || System.IO.Path.TrimEndingDirectorySeparator(repo) != System.IO.Path.TrimEndingDirectorySeparator(common)
            || !SafePath.IsInside(root, repo))
        {
            return GitOutcome<GitWorkTree>.Failure(prefix + $"error reading repo dir from config: {path} does not belong to a repository cloned by git-clone in this work directory");
        }
        if (!values.TryGetValue(RepoUrlKey, out var url))
        {
            return GitOutcome<GitWorkTree>.Failure(prefix + "error reading repo URL from config: " + RepoUrlKey + " is not set");
        }
        return GitOutcome<GitWorkTree>.Success(new GitWorkTree(full, repo, url) { GitDir = gitDir });
    }

    /// <summary>The work tree's private git directory (<c>&lt;repo&gt;/worktrees/&lt;name&gt;</c>).</summary>
    public string GitDir { get; init; } = "";

    /// <summary>The checked-out branch, read from the work tree's HEAD; empty when HEAD is detached.</summary>
    public string CurrentBranch()
    {
        var head = ReadLink(System.IO.Path.Combine(GitDir, "HEAD"), "ref: ");
        return head is not null && head.StartsWith("refs/heads/", StringComparison.Ordinal) ? head["refs/heads/".Length..] : "";
    }

    /// <summary>The one-line content of a small git link file after <paramref name="prefix"/>, or null.</summary>
    private static string? ReadLink(string file, string prefix)
    {
        try
        {
            var info = new FileInfo(file);
            if (!info.Exists || info.LinkTarget is not null || info.Length > 4096)
            {
                return null;
            }
            var text = File.ReadAllText(file).TrimEnd('\n', '\r');
            if (!text.StartsWith(prefix, StringComparison.Ordinal) || text.Contains('\n', StringComparison.Ordinal))
            {
                return null;
            }
            return text[prefix.Length..];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Runs git in the work tree.</summary>
    public Task<GitProcessResult> RunAsync(GitCli git, GitCredentials? credentials, CancellationToken cancellationToken, params string[] arguments) =>
        git.RunAsync(arguments, new GitRunOptions(WorkingDirectory: Path, Credentials: credentials), cancellationToken);

    /// <summary>The work directory as git reports paths: every symlink resolved.</summary>
    public static string WorkRoot(string workDirectory) =>
        SafePath.RealPath(workDirectory) ?? System.IO.Path.GetFullPath(workDirectory);

    /// <summary>
    /// The Promotion's git credentials for <paramref name="repoUrl"/>: null (anonymous) when the
    /// context has no provider or the provider has none; a failure says so without any secret.
    /// </summary>
    public static async Task<GitOutcome<GitCredentials?>> CredentialsAsync(StepContext context, string repoUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Credentials is not { } provider)
        {
            return GitOutcome<GitCredentials?>.Success(null);
        }
        try
        {
            var found = await provider.GetCredentialsAsync(CredentialType.Git, repoUrl, cancellationToken);
            return GitOutcome<GitCredentials?>.Success(found is null ? null : new GitCredentials(found.Username, found.Password));
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException or ArgumentException)
        {
            return GitOutcome<GitCredentials?>.Failure($"error getting credentials for {repoUrl}: {e.Message}");
        }
    }

    /// <summary>True when a ref name given by a user cannot be mistaken for a command-line option.</summary>
    public static bool IsSafeRefName(string name) => name.Length > 0 && !name.StartsWith('-');
}
