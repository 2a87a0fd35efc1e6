using Barge.Testing;
using Xunit;

namespace Barge.Cli.Tests.Hosting;

public sealed class BargeAppTests : IDisposable
{
    private readonly TempDirectory _home = new("cli");

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task RunAsync_Version_PrintsVersionAndExitsZero()
    {
        var result = await new BargeRun(_home.Path).RunAsync("version");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("barge 0.1.0", result.Output, StringComparison.Ordinal);
        Assert.Empty(result.Error);
    }

    [Theory]
    [InlineData("flag", "--server", "http://127.0.0.1:8080", null)]
    [InlineData("environment", null, null, "http://127.0.0.1:8080")]
    public async Task RunAsync_RemoteModeOfLocalOnlyCommand_FailsNamingTheCommandWithExitTwo(string row, string? flag, string? flagValue, string? environment)
    {
        var run = new BargeRun(_home.Path);
        if (environment is not null)
        {
            run.With("BARGE_SERVER", environment);
        }
        string[] args = flag is null ? ["reconcile", "--until-idle"] : ["reconcile", "--until-idle", flag, flagValue!];

        var result = await run.RunAsync(args);

        Assert.True(result.ExitCode == 2, row + ": " + result);
        Assert.StartsWith("error: `reconcile` runs on this machine only; it does not take --server", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
        Assert.False(File.Exists(Path.Combine(_home.Path, "barge.db")));
    }

    [Theory]
    [InlineData("unknown-command", new[] { "frobnicate" })]
    [InlineData("unknown-option", new[] { "version", "--frobnicate" })]
    [InlineData("missing-argument", new[] { "config", "set-project" })]
    public async Task RunAsync_BadUsage_ExitsTwoWithOneErrorLine(string row, string[] args)
    {
        var result = await new BargeRun(_home.Path).RunAsync(args);

        Assert.True(result.ExitCode == 2, row + ": " + result);
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Help_ListsCommandsAndExitsZero()
    {
        var result = await new BargeRun(_home.Path).RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("version", result.Output, StringComparison.Ordinal);
        Assert.Contains("config", result.Output, StringComparison.Ordinal);
    }
}
