using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Barge.Engine.Git;
using Xunit;

namespace Barge.Engine.Tests.Git;

public sealed class GitCliTests
{
    private readonly GitCli git = new();

    [Fact]
    public async Task RunAsync_Version_SucceedsAndCounts()
    {
        var result = await git.RunAsync(["--version"]);

        Assert.True(result.Succeeded, result.Describe());
        Assert.StartsWith("git version", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(1, git.Stats.Total);
    }

    [Fact]
    public async Task RunAsync_FailureWithCredentialsInUrl_RedactsCommandAndError()
    {
        var result = await git.RunAsync(["ls-remote", "http://bob:hunter2@127.0.0.1:9/x.git"]);

        Assert.False(result.Succeeded);
        Assert.NotEqual(0, result.ExitCode);
        Assert.DoesNotContain("hunter2", result.Describe(), StringComparison.Ordinal);
        Assert.Contains("http://***@127.0.0.1:9/x.git", result.CommandLine, StringComparison.Ordinal);
        Assert.Equal(1, git.Stats.Count("ls-remote"));
    }

    [Fact]
    public async Task RunAsync_ServerThatStalls_TimesOutAndKillsTheProcess()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var accepted = listener.AcceptTcpClientAsync();

        var result = await git.RunAsync(
            ["ls-remote", string.Create(CultureInfo.InvariantCulture, $"git://127.0.0.1:{port}/stall.git")],
            new GitRunOptions(Timeout: TimeSpan.FromSeconds(1)));

        Assert.True(result.TimedOut);
        Assert.False(result.Succeeded);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(10), $"took {result.Elapsed}");
        Assert.Contains("stall.git timed out after ", result.Describe(), StringComparison.Ordinal);
        (await accepted).Dispose();
    }

    [Fact]
    public async Task RunAsync_CallerCancels_Throws()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => git.RunAsync(
            ["ls-remote", string.Create(CultureInfo.InvariantCulture, $"git://127.0.0.1:{port}/stall.git")],
            cancellationToken: cancel.Token));
    }

    [Fact]
    public async Task RunAsync_MissingExecutable_ReturnsFailureNotException()
    {
        var missing = new GitCli(new GitCliOptions(Executable: "/nonexistent/git"));

        var result = await missing.RunAsync(["--version"]);

        Assert.False(result.Succeeded);
        Assert.Contains("cannot start /nonexistent/git", result.StandardError, StringComparison.Ordinal);
    }
}
