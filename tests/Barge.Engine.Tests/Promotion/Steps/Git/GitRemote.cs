using Barge.Engine.Tests.Git;
using Barge.Testing;

namespace Barge.Engine.Tests.Promotion.Steps.Git;

/// <summary>
/// A bare "remote" repository for the git step tests, seeded from a source repository with a
/// <c>main</c> branch holding <c>env/dev/values.yaml</c>, a <c>v1.0.0</c> annotated tag and a
/// <c>stage/prod</c> branch. Pushes land here; it can also be served by <c>git daemon</c>.
/// </summary>
internal sealed class GitRemote : IDisposable
{
    private readonly TempDirectory folder = new("remote");

    public GitRemote()
    {
        using var source = new SourceRepo();
        source.Commit("first", ("env/dev/values.yaml", "image:\n  tag: 1.0.0 # pinned\n"), ("README.md", "grommet\n"), ("app/main.txt", "main\n"));
        source.Tag("v1.0.0", "release v1.0.0");
        FirstCommit = source.Head();
        source.Commit("second", ("env/prod/values.yaml", "image:\n  tag: 0.9.0\n"));
        TestGit.Run(source.Path, "branch", "stage/prod", FirstCommit);
        Path = folder.Combine("config.git");
        TestGit.Run(folder.Path, "clone", "--quiet", "--bare", source.Path, Path);
        // git daemon serves pushes only to repositories that allow them.
        TestGit.Run(Path, "config", "daemon.receivepack", "true");
    }

    public string Path { get; }

    public string FirstCommit { get; }

    public string FileUrl => new Uri(Path).AbsoluteUri;

    public string Folder => folder.Path;

    public string Head(string branch = "main") => TestGit.Run(Path, "rev-parse", "refs/heads/" + branch).Trim();

    public bool HasBranch(string branch) =>
        TestGit.Run(Path, "for-each-ref", "--format=%(refname)", "refs/heads/" + branch).Trim().Length > 0;

    /// <summary>Subjects of the branch's commits, newest first.</summary>
    public IReadOnlyList<string> Subjects(string branch = "main") =>
        TestGit.Run(Path, "log", "--format=%s", "refs/heads/" + branch).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string Show(string revisionAndPath) => TestGit.Run(Path, "show", revisionAndPath);

    /// <summary>A commit made on the remote's branch by somebody else (through a scratch clone).</summary>
    public string CommitElsewhere(string message, string path, string content, string branch = "main")
    {
        using var scratch = new TempDirectory("other");
        var clone = scratch.Combine("c");
        TestGit.Run(scratch.Path, "clone", "--quiet", "--branch", branch, Path, clone);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.Combine(clone, path))!);
        File.WriteAllText(System.IO.Path.Combine(clone, path), content);
        TestGit.Run(clone, "add", "--all");
        TestGit.Run(clone, "commit", "--quiet", "-m", message);
        TestGit.Run(clone, "push", "--quiet", "origin", "HEAD:refs/heads/" + branch);
        return TestGit.Run(clone, "rev-parse", "HEAD").Trim();
    }

    /// <summary>
    /// Installs an <c>update</c> hook that moves <paramref name="branch"/> under an incoming push, so the
    /// push is rejected with <c>cannot lock ref</c> (a non-fast-forward): every time, or only the first
    /// <paramref name="times"/> times.
    /// </summary>
    public void RaceEveryPush(string branch = "main", int times = int.MaxValue)
    {
        var hooks = System.IO.Path.Combine(Path, "hooks");
        Directory.CreateDirectory(hooks);
        var counter = System.IO.Path.Combine(Path, "race-count");
        var hook = System.IO.Path.Combine(hooks, "update");
        File.WriteAllText(hook, $$"""
            #!/bin/sh
            [ "$1" = "refs/heads/{{branch}}" ] || exit 0
            n=$(cat '{{counter}}' 2>/dev/null || echo 0)
            [ "$n" -lt {{Math.Min(times, 1_000_000)}} ] || exit 0
            echo $((n + 1)) > '{{counter}}'
            export GIT_AUTHOR_NAME=Racer GIT_AUTHOR_EMAIL=racer@example.com GIT_COMMITTER_NAME=Racer GIT_COMMITTER_EMAIL=racer@example.com
            new=$(git commit-tree "$2^{tree}" -p "$2" -m "racing commit $n") || exit 1
            git update-ref "$1" "$new" "$2"
            exit 0

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public void Dispose() => folder.Dispose();
}
