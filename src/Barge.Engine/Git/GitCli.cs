using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Barge.Engine.Git;

/// <summary>
/// Runs the git CLI: arguments as a list (never through a shell), no prompt of any kind, no system
/// or user configuration, a timeout that kills the whole process tree, and redacted output so a
/// URL's credentials never reach a log line or an error message.
/// </summary>
internal sealed class GitCli
{
    private const string UsernameVariable = "BARGE_GIT_USERNAME";
    private const string PasswordVariable = "BARGE_GIT_PASSWORD";

    // Variables that would point git at another repository or object store than the one asked for,
    // and the identity variables: a promotion's commits carry the author its steps configure, never
    // whatever identity happens to be in the environment of the process running Barge.
    private static readonly string[] RepositoryVariables =
    [
        "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_NAMESPACE", "GIT_COMMON_DIR", "GIT_CEILING_DIRECTORIES", "GIT_ASKPASS", "SSH_ASKPASS",
        "GIT_CONFIG", "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT",
        "GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_AUTHOR_DATE", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "GIT_COMMITTER_DATE",
    ];

    private readonly GitCliOptions options;
    private readonly ILogger logger;
    private readonly Lazy<Task<string>> askPassProgram;

    public GitCli(GitCliOptions? options = null, ILogger<GitCli>? logger = null)
    {
        this.options = options ?? new GitCliOptions();
        this.logger = logger ?? NullLogger<GitCli>.Instance;
        askPassProgram = new Lazy<Task<string>>(WriteAskPassProgramAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Counts of the processes this runner started, by subcommand.</summary>
    public GitCommandStats Stats { get; } = new();

    /// <summary>
    /// Runs <c>git</c> with <paramref name="arguments"/>. A non-zero exit and a timeout are results,
    /// not exceptions; cancellation by <paramref name="cancellationToken"/> kills the process and throws.
    /// </summary>
    public async Task<GitProcessResult> RunAsync(
        IReadOnlyList<string> arguments,
        GitRunOptions? run = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        run ??= new GitRunOptions();
        var commandLine = UrlRedaction.Redact("git " + string.Join(' ', arguments.Select(QuoteForDisplay)));
        var askPass = run.Credentials is null ? null : await askPassProgram.Value;
        var startInfo = BuildStartInfo(arguments, run, askPass);
        Stats.Record(SubcommandOf(arguments));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(run.Timeout ?? options.EffectiveTimeout);
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new GitProcessResult(commandLine, -1, string.Empty, $"cannot start {options.Executable}: {e.Message}", clock.Elapsed, TimedOut: false);
        }
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
            await ((Task)Task.WhenAll(stdout, stderr)).WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            cancellationToken.ThrowIfCancellationRequested();
            GitLog.CommandTimedOut(logger, commandLine, clock.ElapsedMilliseconds);
            return new GitProcessResult(commandLine, -1, string.Empty, UrlRedaction.Redact(TryResult(stderr)), clock.Elapsed, TimedOut: true);
        }
        var result = new GitProcessResult(
            commandLine,
            process.ExitCode,
            await stdout,
            UrlRedaction.Redact(await stderr),
            clock.Elapsed,
            TimedOut: false);
        GitLog.CommandFinished(logger, commandLine, clock.ElapsedMilliseconds, result.ExitCode);
        return result;
    }

    private ProcessStartInfo BuildStartInfo(IReadOnlyList<string> arguments, GitRunOptions run, string? askPass)
    {
        var startInfo = new ProcessStartInfo(options.Executable)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            CreateNoWindow = true,
        };
        if (run.WorkingDirectory is not null)
        {
            startInfo.WorkingDirectory = run.WorkingDirectory;
        }
        var environment = startInfo.Environment;
        foreach (var name in RepositoryVariables)
        {
            environment.Remove(name);
        }
        environment["GIT_TERMINAL_PROMPT"] = "0";
        environment["GIT_CONFIG_NOSYSTEM"] = "1";
        environment["GIT_CONFIG_GLOBAL"] = OperatingSystem.IsWindows() ? "NUL" : "/dev/null";
        environment["GCM_INTERACTIVE"] = "never";
        environment["GIT_SSH_COMMAND"] = "ssh -o BatchMode=yes";
        environment["LC_ALL"] = "C";
        environment["LANGUAGE"] = "C";

        // Credentials travel in the child's environment and are read back by a tiny askpass
        // program; a credential helper configured anywhere is switched off so nothing is stored.
        if (run.Credentials is { } credentials)
        {
            environment["GIT_ASKPASS"] = askPass;
            environment[UsernameVariable] = credentials.Username;
            environment[PasswordVariable] = credentials.Password;
            startInfo.ArgumentList.Add("-c");
            startInfo.ArgumentList.Add("credential.helper=");
        }
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        return startInfo;
    }

    private async Task<string> WriteAskPassProgramAsync()
    {
        var folder = options.ScratchDirectory
            ?? Path.Combine(Path.GetTempPath(), $"barge-git-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "askpass.sh");
        File.WriteAllText(path, $$"""
            #!/bin/sh
            case "$1" in
              Username*) printf '%s\n' "${{{UsernameVariable}}}" ;;
              *) printf '%s\n' "${{{PasswordVariable}}}" ;;
            esac

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        await SettleAsync(path);
        return path;
    }

    // A child forked by another thread while the script was being written inherits the write handle
    // until it execs; running the script then fails with ETXTBSY ("Text file busy"). Once one run of
    // it succeeds no writer is left, and none can appear, so git can use it from then on.
    private static async Task SettleAsync(string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var probe = Process.Start(new ProcessStartInfo(path, "Username") { UseShellExecute = false, RedirectStandardOutput = true })!;
                await probe.StandardOutput.ReadToEndAsync();
                await probe.WaitForExitAsync();
                return;
            }
            catch (System.ComponentModel.Win32Exception) when (attempt < 100)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10));
            }
        }
    }

    private static string SubcommandOf(IReadOnlyList<string> arguments)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] is "-c" or "-C")
            {
                i++;
                continue;
            }
            if (!arguments[i].StartsWith('-'))
            {
                return arguments[i];
            }
        }
        return "(none)";
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the timeout and the kill.
        }
    }

    private static string TryResult(Task<string> task) => task.IsCompletedSuccessfully ? task.Result : string.Empty;

    private static string QuoteForDisplay(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=+@%^,{}*".Contains(c, StringComparison.Ordinal))
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
