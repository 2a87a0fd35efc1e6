using System.Diagnostics;
using System.Globalization;
using Barge.Testing;

namespace Barge.Engine.Tests.Git;

/// <summary>
/// Runs git for test setup (building source repositories): a fixed identity, no user or system
/// configuration, and explicit dates so creator-date order never depends on the clock.
/// </summary>
internal static class TestGit
{
    public static string Run(string workingDirectory, params string[] arguments) => Run(workingDirectory, null, arguments);

    public static string Run(string workingDirectory, DateTimeOffset? date, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        var env = startInfo.Environment;
        env["GIT_CONFIG_NOSYSTEM"] = "1";
        env["GIT_CONFIG_GLOBAL"] = "/dev/null";
        env["GIT_AUTHOR_NAME"] = "Ada Author";
        env["GIT_AUTHOR_EMAIL"] = "ada@example.com";
        env["GIT_COMMITTER_NAME"] = "Cy Committer";
        env["GIT_COMMITTER_EMAIL"] = "cy@example.com";
        env["GIT_TERMINAL_PROMPT"] = "0";
        if (date is { } d)
        {
            var text = d.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + " +0000";
            env["GIT_AUTHOR_DATE"] = text;
            env["GIT_COMMITTER_DATE"] = text;
        }
        Process process;
        try
        {
            process = Process.Start(startInfo)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("git is not installed; the git tests need it (scripts/test.sh installs it)", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed ({process.ExitCode}): {stderr}");
            }
            return stdout.Result;
        }
    }
}

/// <summary>A source repository built by a test: commits with files and dates, lightweight and annotated tags.</summary>
internal sealed class SourceRepo : IDisposable
{
    private readonly TempDirectory folder = new("src");
    private DateTimeOffset clock = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public SourceRepo(string defaultBranch = "main")
    {
        Path = folder.Combine("repo");
        Directory.CreateDirectory(Path);
        TestGit.Run(Path, "init", "--quiet", "--initial-branch=" + defaultBranch);
    }

    public string Path { get; }

    public string FileUrl => new Uri(Path).AbsoluteUri;

    /// <summary>Each operation moves the clock a minute on, so dates are distinct and increasing.</summary>
    public DateTimeOffset Tick() => clock = clock.AddMinutes(1);

    public string Commit(string message, params (string Path, string? Content)[] files)
    {
        foreach (var (path, content) in files)
        {
            var full = System.IO.Path.Combine(Path, path);
            if (content is null)
            {
                TestGit.Run(Path, "rm", "--quiet", path);
                continue;
            }
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
            TestGit.Run(Path, "add", path);
        }
        TestGit.Run(Path, Tick(), "commit", "--quiet", "--allow-empty", "-m", message);
        return Head();
    }

    public string Head(string rev = "HEAD") => TestGit.Run(Path, "rev-parse", rev).Trim();

    public void Tag(string name, string? annotation = null, string rev = "HEAD")
    {
        if (annotation is null)
        {
            TestGit.Run(Path, "tag", name, rev);
        }
        else
        {
            TestGit.Run(Path, Tick(), "tag", "-a", name, "-m", annotation, rev);
        }
    }

    public void Dispose() => folder.Dispose();
}
