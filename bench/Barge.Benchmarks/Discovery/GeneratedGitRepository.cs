using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Barge.Benchmarks.Discovery;

/// <summary>
/// A bare source repository generated with <c>git fast-import</c>: a linear main branch of
/// <c>commits</c> commits, a lightweight <c>v1.N.0</c> tag on every n-th so there are
/// <c>tags</c> tags, each commit one minute after the previous. New tags can be added later.
/// </summary>
internal sealed class GeneratedGitRepository : IDisposable
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private int commitCount;
    private int tagCount;

    public GeneratedGitRepository(int commits, int tags)
    {
        Root = Path.Combine(Path.GetTempPath(), "barge-gitbench-" + Guid.NewGuid().ToString("N")[..10]);
        Path_ = Path.Combine(Root, "source.git");
        Directory.CreateDirectory(Root);
        Git(Root, null, "init", "--quiet", "--bare", "--initial-branch=main", Path_);
        var every = Math.Max(1, commits / Math.Max(1, tags));
        var stream = new StringBuilder();
        for (var i = 1; i <= commits; i++)
        {
            AppendCommit(stream, i, i == 1 ? null : i - 1);
            if (i % every == 0 && tagCount < tags)
            {
                stream.Append(CultureInfo.InvariantCulture, $"reset refs/tags/v1.{tagCount}.0\nfrom :{i}\n\n");
                tagCount++;
            }
        }
        commitCount = commits;
        Git(Path_, stream.ToString(), "fast-import", "--quiet");
    }

    public string Root { get; }

    public string Path_ { get; }

    public string Url => new Uri(Path_).AbsoluteUri;

    /// <summary>One more commit on main with a new tag: what a release pipeline pushes.</summary>
    public void PushNewTag()
    {
        var stream = new StringBuilder();
        commitCount++;
        AppendCommit(stream, commitCount, null, fromBranch: true);
        stream.Append(CultureInfo.InvariantCulture, $"reset refs/tags/v1.{tagCount}.0\nfrom :{commitCount}\n\n");
        tagCount++;
        Git(Path_, stream.ToString(), "fast-import", "--quiet");
    }

    public static string Git(string directory, string? input, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        startInfo.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        startInfo.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            process.StandardInput.Write(input);
        }
        process.StandardInput.Close();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)}: {stderr.Result}");
        }
        return stdout.Result;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Temp leftovers are harmless.
        }
    }

    private static void AppendCommit(StringBuilder stream, int mark, int? parent, bool fromBranch = false)
    {
        var when = Start.AddMinutes(mark).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var message = $"change {mark}";
        var content = $"{mark}\n";
        stream.Append("commit refs/heads/main\n")
            .Append(CultureInfo.InvariantCulture, $"mark :{mark}\n")
            .Append(CultureInfo.InvariantCulture, $"author Ada <ada@example.com> {when} +0000\n")
            .Append(CultureInfo.InvariantCulture, $"committer Ada <ada@example.com> {when} +0000\n")
            .Append(CultureInfo.InvariantCulture, $"data {Encoding.UTF8.GetByteCount(message)}\n{message}\n");
        if (parent is { } p)
        {
            stream.Append(CultureInfo.InvariantCulture, $"from :{p}\n");
        }
        else if (fromBranch)
        {
            stream.Append("from refs/heads/main^0\n");
        }
        stream.Append(CultureInfo.InvariantCulture, $"M 644 inline dir{mark % 10}/file.txt\ndata {Encoding.UTF8.GetByteCount(content)}\n{content}\n");
    }
}
