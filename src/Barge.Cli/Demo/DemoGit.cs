using System.Diagnostics;
using System.Globalization;

namespace Barge.Cli.Demo;

/// <summary>
/// The git CLI as the demo's setup uses it to build its repositories: an argument list (never a shell),
/// the demo's own identity and dates in the child's environment only, no system or global config.
/// </summary>
internal sealed class DemoGit
{
    public const string AuthorName = "Grommet Developer";
    public const string AuthorEmail = "dev@grommet.example.com";

    /// <summary>Runs git in <paramref name="directory"/>, dated <paramref name="date"/>; returns stdout or throws <see cref="DemoFailureException"/>.</summary>
    public static async Task<string> RunAsync(string directory, DateTimeOffset date, CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_AUTHOR_NAME"] = AuthorName;
        start.Environment["GIT_AUTHOR_EMAIL"] = AuthorEmail;
        start.Environment["GIT_COMMITTER_NAME"] = AuthorName;
        start.Environment["GIT_COMMITTER_EMAIL"] = AuthorEmail;
        var stamp = date.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + " +0000";
        start.Environment["GIT_AUTHOR_DATE"] = stamp;
        start.Environment["GIT_COMMITTER_DATE"] = stamp;
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new DemoFailureException("git did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new DemoFailureException("git is needed by the demo and could not be started: " + ex.Message);
        }
        using (process)
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new DemoFailureException($"git {string.Join(' ', arguments)} (in {directory}) failed with exit code {process.ExitCode}: {(await stderr).Trim()}");
            }
            return await stdout;
        }
    }
}
