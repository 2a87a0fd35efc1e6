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
        if (!File.Exists(System.IO.Path.Combine(full, ".git")))
        {
            return GitOutcome<GitWorkTree>.Failure(prefix + $"error reading repo dir from config: {path} is not a working tree made by git-clone");
        }
        var run = new GitRunOptions(WorkingDirectory: full);
        var repoDir = await git.RunAsync(["config", "--get", RepoDirKey], run, cancellationToken);
        if (!repoDir.Succeeded)
        {
            return GitOutcome<GitWorkTree>.Failure(prefix + "error reading repo dir from config: " + repoDir.Describe());
        }
        var repo = repoDir.StandardOutput.Trim();
        if (!SafePath.IsInside(root, repo))
        {
            return GitOutcome<GitWorkTree>.Failure(prefix + $"error reading repo dir from config: {path} belongs to a repository outside the work directory");
        }
        var top = await git.RunAsync(["rev-parse", "--show-toplevel"], run, cancellationToken);
        if (!top.Succeeded || SafePath.RealPath(top.StandardOutput.Trim()) != SafePath.RealPath(full))
        {
            return GitOutcome<GitWorkTree>.Failure(prefix + $"{path} is not the top directory of a working tree");
        }
        var url = await git.RunAsync(["config", "--get", RepoUrlKey], run, cancellationToken);
        if (!url.Succeeded)
        {
            return GitOutcome<GitWorkTree>.Failure(prefix + "error reading repo URL from config: " + url.Describe());
        }
        return GitOutcome<GitWorkTree>.Success(new GitWorkTree(full, repo, url.StandardOutput.Trim()));
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
