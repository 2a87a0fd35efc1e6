using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Barge.Cli.Demo;

/// <summary>
/// <c>git daemon</c> serving the demo's repositories read-only on a free loopback port
/// (<c>git://127.0.0.1:PORT/name.git</c>). A port taken between probing and binding is retried on a
/// new one; when git has no daemon, <see cref="TryStartAsync"/> says why and the demo uses file://.
/// </summary>
internal sealed class GitDaemon : IDisposable
{
    private const int Attempts = 3;
    private readonly Process _process;

    private GitDaemon(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string UrlOf(string repositoryName) => $"git://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/{repositoryName}";

    /// <summary>The running daemon, or null and the reason it is not available.</summary>
    public static async Task<(GitDaemon? Daemon, string? Problem)> TryStartAsync(string basePath, CancellationToken cancellationToken)
    {
        string problem = "git daemon did not start";
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var port = FreePort();
            var start = new ProcessStartInfo("git")
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "daemon", "--reuseaddr", "--export-all", "--listen=127.0.0.1", "--port=" + port.ToString(CultureInfo.InvariantCulture),
                "--base-path=" + basePath, basePath,
            })
            {
                start.ArgumentList.Add(argument);
            }
            start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
            start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
            Process process;
            try
            {
                process = Process.Start(start) ?? throw new InvalidOperationException("no process");
            }
            catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
            {
                return (null, "git daemon could not be started: " + ex.Message);
            }
            var errors = new System.Text.StringBuilder();
            process.ErrorDataReceived += (_, e) =>
            {
                lock (errors)
                {
                    errors.AppendLine(e.Data);
                }
            };
            process.OutputDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            if (await AnswersAsync(process, port, cancellationToken))
            {
                return (new GitDaemon(process, port), null);
            }
            Stop(process);
            lock (errors)
            {
                problem = $"git daemon did not listen on 127.0.0.1:{port}: {errors.ToString().Trim()}";
            }
            process.Dispose();
        }
        return (null, problem);
    }

    public void Dispose()
    {
        Stop(_process);
        _process.Dispose();
    }

    private static async Task<bool> AnswersAsync(Process process, int port, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 100 && !process.HasExited; i++)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(30), cancellationToken);
            }
        }
        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
