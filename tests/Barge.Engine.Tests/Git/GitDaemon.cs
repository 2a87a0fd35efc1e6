using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Barge.Engine.Tests.Git;

/// <summary>
/// A <c>git daemon</c> on a free loopback port serving every repository under a base folder,
/// started for a test and killed on dispose. Fails (never skips) when git is missing.
/// </summary>
internal sealed class GitDaemon : IDisposable
{
    private readonly Process process;

    private GitDaemon(Process process, int port, string basePath)
    {
        this.process = process;
        Port = port;
        BasePath = basePath;
    }

    public int Port { get; }

    public string BasePath { get; }

    /// <summary>The git:// URL of a repository folder under <see cref="BasePath"/>.</summary>
    public string UrlOf(string repositoryPath)
    {
        var relative = Path.GetRelativePath(BasePath, repositoryPath).Replace('\\', '/');
        return string.Create(CultureInfo.InvariantCulture, $"git://127.0.0.1:{Port}/{relative}");
    }

    public static GitDaemon Start(string basePath)
    {
        var port = FreePort();
        var startInfo = new ProcessStartInfo("git")
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var argument in new[]
        {
            "daemon", "--reuseaddr", "--export-all", "--informative-errors",
            "--base-path=" + basePath, "--listen=127.0.0.1", "--port=" + port.ToString(CultureInfo.InvariantCulture), basePath,
        })
        {
            startInfo.ArgumentList.Add(argument);
        }
        startInfo.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        startInfo.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("git daemon did not start");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"git daemon exited with code {process.ExitCode}");
            }
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return new GitDaemon(process, port, basePath);
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }
        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("git daemon did not listen within 15 s");
    }

    public void Dispose()
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
