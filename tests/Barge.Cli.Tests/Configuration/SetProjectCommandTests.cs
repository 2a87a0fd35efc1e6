using Barge.Testing;
using Xunit;

namespace Barge.Cli.Tests.Configuration;

public sealed class SetProjectCommandTests : IDisposable
{
    private readonly TempDirectory _home = new("cli");

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task SetProject_ValidName_IsStoredAndReadBack()
    {
        var run = new BargeRun(_home.Path);

        var set = await run.RunAsync("config", "set-project", "grommet");
        var get = await run.RunAsync("config", "get-project");

        Assert.Equal(0, set.ExitCode);
        Assert.True(File.Exists(Path.Combine(_home.Path, "config.json")));
        Assert.Equal(0, get.ExitCode);
        Assert.Equal("grommet\n", get.Output);
    }

    [Theory]
    [InlineData("upper-case", "Grommet")]
    [InlineData("underscore", "grom_met")]
    [InlineData("trailing-dash", "grommet-")]
    [InlineData("too-long", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task SetProject_InvalidName_ExitsTwoAndWritesNothing(string row, string name)
    {
        var result = await new BargeRun(_home.Path).RunAsync("config", "set-project", name);

        Assert.True(result.ExitCode == 2, row + ": " + result);
        Assert.Contains("DNS-1123", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_home.Path, "config.json")));
    }

    [Fact]
    public async Task GetProject_NoneSet_ExitsOne()
    {
        var result = await new BargeRun(_home.Path).RunAsync("config", "get-project");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no default project", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetProject_BrokenConfigFile_ExitsTwoNamingTheFile()
    {
        await File.WriteAllTextAsync(Path.Combine(_home.Path, "config.json"), "{ not json");

        var result = await new BargeRun(_home.Path).RunAsync("config", "get-project");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("config.json", result.Error, StringComparison.Ordinal);
    }
}
