using System.Diagnostics;
using System.Globalization;
using Xunit;

namespace Barge.Testing;

/// <summary>
/// Runs the git CLI for a test fixture: no system or global configuration, a fixed identity set on the child only
/// (never the machine's git config), optional commit dates; a non-zero exit fails the test with git's error.
/// </summary>
public static class FixtureGit
{
    /// <summary>Runs git in <paramref name="directory"/> and returns its standard output.</summary>
    public static string Run(string directory, params string[] arguments) => Run(directory, null, arguments);

    /// <summary>As <see cref="Run(string, string[])"/>, with author and committer dates set to <paramref name="date"/>.</summary>
    public static string Run(string directory, DateTimeOffset? date, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_AUTHOR_NAME"] = "Ada";
        start.Environment["GIT_AUTHOR_EMAIL"] = "ada@example.com";
        start.Environment["GIT_COMMITTER_NAME"] = "Ada";
        start.Environment["GIT_COMMITTER_EMAIL"] = "ada@example.com";
        if (date is { } when)
        {
            var text = when.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + " +0000";
            start.Environment["GIT_AUTHOR_DATE"] = text;
            start.Environment["GIT_COMMITTER_DATE"] = text;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("git did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)}: {stderr.Result}");
        return stdout;
    }
}
