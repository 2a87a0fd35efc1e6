using System.Globalization;

namespace Barge.Engine.Git;

/// <summary>
/// A bare mirror of one remote, synced by <see cref="GitMirrorCache"/>, read with local git
/// commands. <see cref="Refs"/> is what the remote advertised at the sync that produced this value.
/// </summary>
internal sealed class GitMirror : IGitHistory
{
    private const char FieldSeparator = '\u001f';
    private const char RecordSeparator = '\u001e';

    // Annotated tags are peeled (*field) to their commit; lightweight ones point at it directly.
    private const string AnnotatedTagFormat =
        "%(refname:lstrip=2)%1f%(*objectname)%1f%(*contents:subject)%1f%(*authorname) %(*authoremail)%1f" +
        "%(*committername) %(*committeremail)%1f%(creatordate:iso-strict)%1f%(taggername) %(taggeremail)%1f%(contents:subject)%1e";

    private const string LightweightTagFormat =
        "%(refname:lstrip=2)%1f%(objectname)%1f%(contents:subject)%1f%(authorname) %(authoremail)%1f" +
        "%(committername) %(committeremail)%1f%(creatordate:iso-strict)%1f%1f%1e";

    private const string TagFormat = "%(if)%(*objectname)%(then)" + AnnotatedTagFormat + "%(else)" + LightweightTagFormat + "%(end)";

    private const string CommitFormat = "%H%x1f%cI%x1f%an <%ae>%x1f%cn <%ce>%x1f%s%x1f%B%x1e";

    private readonly GitCli git;

    internal GitMirror(string directory, string url, RemoteRefSnapshot refs, GitCli git)
    {
        Directory = directory;
        Url = url;
        Refs = refs;
        this.git = git;
    }

    /// <summary>The bare repository's folder.</summary>
    public string Directory { get; }

    /// <summary>The remote URL, redacted of any credentials.</summary>
    public string Url { get; }

    public RemoteRefSnapshot Refs { get; }

    public string? DefaultBranch => Refs.DefaultBranch;

    public async Task<GitOutcome<IReadOnlyList<GitTag>>> ListTagsAsync(CancellationToken cancellationToken)
    {
        var result = await RunAsync(["for-each-ref", "--sort=-creatordate", "--format=" + TagFormat, "refs/tags"], cancellationToken);
        if (!result.Succeeded)
        {
            return GitOutcome<IReadOnlyList<GitTag>>.Failure($"listing tags of git repository \"{Url}\": {result.Describe()}");
        }
        var tags = new List<GitTag>();
        foreach (var record in Records(result.StandardOutput))
        {
            var f = record.Split(FieldSeparator);
            if (f.Length != 8 || !TryParseDate(f[5], out var creatorDate))
            {
                return GitOutcome<IReadOnlyList<GitTag>>.Failure($"listing tags of git repository \"{Url}\": unexpected line {record}");
            }
            tags.Add(new GitTag(f[0], f[1], f[2], f[3], f[4], creatorDate, f[6].Trim(), f[7]));
        }
        return GitOutcome<IReadOnlyList<GitTag>>.Success(tags);
    }

    public async Task<GitOutcome<IReadOnlyList<GitCommit>>> ListCommitsAsync(
        string branch, int skip, int limit, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(branch);
        if (Refs.BranchHead(branch) is null)
        {
            return GitOutcome<IReadOnlyList<GitCommit>>.Failure($"branch \"{branch}\" does not exist in git repository \"{Url}\"");
        }
        List<string> arguments = ["log", "--first-parent", "--format=" + CommitFormat];
        if (limit > 0)
        {
            arguments.Add(string.Create(CultureInfo.InvariantCulture, $"--max-count={limit}"));
        }
        if (skip > 0)
        {
            arguments.Add(string.Create(CultureInfo.InvariantCulture, $"--skip={skip}"));
        }
        if (since is { } sinceDate)
        {
            arguments.Add("--since=" + sinceDate.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }
        arguments.Add("refs/heads/" + branch);
        arguments.Add("--");
        var result = await RunAsync(arguments, cancellationToken);
        if (!result.Succeeded)
        {
            return GitOutcome<IReadOnlyList<GitCommit>>.Failure($"listing commits of branch \"{branch}\" in git repository \"{Url}\": {result.Describe()}");
        }
        var commits = new List<GitCommit>();
        foreach (var record in Records(result.StandardOutput))
        {
            var f = record.TrimStart('\n').Split(FieldSeparator, 6);
            if (f.Length != 6 || !TryParseDate(f[1], out var commitDate))
            {
                return GitOutcome<IReadOnlyList<GitCommit>>.Failure($"listing commits of git repository \"{Url}\": unexpected record {record}");
            }
            commits.Add(new GitCommit(f[0], commitDate, f[2], f[3], f[4], f[5].TrimEnd('\n')));
        }
        return GitOutcome<IReadOnlyList<GitCommit>>.Success(commits);
    }

    public async Task<GitOutcome<IReadOnlyList<string>>> GetChangedPathsAsync(string commitId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(commitId);
        if (!commitId.All(char.IsAsciiHexDigit))
        {
            return GitOutcome<IReadOnlyList<string>>.Failure($"\"{commitId}\" is not a commit ID");
        }
        var result = await RunAsync(
            ["show", "--pretty=", "--name-status", "--no-renames", "--first-parent", "-z", commitId, "--"],
            cancellationToken);
        if (!result.Succeeded)
        {
            return GitOutcome<IReadOnlyList<string>>.Failure($"getting the paths changed by commit {commitId} in git repository \"{Url}\": {result.Describe()}");
        }
        // -z output alternates a status and a path, each NUL-terminated; no quoting to undo.
        var fields = result.StandardOutput.TrimStart('\n').Split('\0', StringSplitOptions.None);
        var paths = new List<string>();
        for (var i = 0; i + 1 < fields.Length; i += 2)
        {
            paths.Add(fields[i + 1]);
        }
        return GitOutcome<IReadOnlyList<string>>.Success(paths);
    }

    private Task<GitProcessResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        git.RunAsync(["--git-dir=" + Directory, .. arguments], new GitRunOptions(WorkingDirectory: Directory), cancellationToken);

    private static IEnumerable<string> Records(string output) =>
        output.Split(RecordSeparator).Select(r => r.Trim('\n')).Where(r => r.Length > 0);

    private static bool TryParseDate(string text, out DateTimeOffset date) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
