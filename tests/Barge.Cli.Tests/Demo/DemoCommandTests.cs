using System.Diagnostics;
using Barge.Cli.Hosting;
using Barge.Cli.Tests.EndToEnd;
using Barge.Testing;
using Xunit;
using Barge.Testing.Grommet;

namespace Barge.Cli.Tests.Demo;

/// <summary>
/// Issue 8's acceptance: <c>barge demo</c> run in-process through <see cref="BargeApp"/> with the real
/// clock, real git repositories, the real store and (when asked) a real docker-registry.
/// </summary>
public sealed class DemoCommandTests : IDisposable
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _folder = new("cli-demo");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Run_GitOnlyWithKeep_ValuesFilesHistoryAndOriginsAsThePipelineSays()
    {
        var dir = _folder.Combine("demo");
        var watch = Stopwatch.StartNew();
        var result = await RunAsync("demo", "--dir", dir, "--keep");
        watch.Stop();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(watch.Elapsed < Budget, $"the demo took {watch.Elapsed}");
        Assert.Contains("git subscriptions only", result.Output, StringComparison.Ordinal);
        Assert.Contains("grommet-dev: git [NewestTag ^dev] matched dev-2, dev-1, ignored v1.0.0, v1.1.0", result.Output, StringComparison.Ordinal);
        Assert.Contains("grommet-release: git [SemVer] matched v1.1.0, v1.0.0, ignored dev-1, dev-2", result.Output, StringComparison.Ordinal);
        Assert.Contains("dev: Freight from grommet-release waits for a person (not auto-promoted)", result.Output, StringComparison.Ordinal);
        Assert.Contains("dev runs dev-3 from grommet-dev and v1.1.0 from grommet-release", result.Output, StringComparison.Ordinal);
        var release = RevParse(dir, "v1.1.0");
        foreach (var (env, replicas) in new[] { ("dev", 1), ("prod", 3) })
        {
            Assert.Equal($"replicas: {replicas}\ndesiredRevision: {release}\nimageTag: \"\"\nsource: grommet-release\n", ShowValues(dir, env));
        }
        var history = HistoryRows(result.Output);
        Assert.Equal(
            [
                ("dev", "grommet-dev", "controller:stage-controller"),
                ("dev", "grommet-dev", "controller:stage-controller"),
                ("dev", "grommet-release", "admin"),
                ("prod", "grommet-release", "admin"),
            ],
            history.Select(r => (r.Stage, r.Origin, r.Actor)));
        Assert.All(history, r => Assert.Equal("Succeeded", r.Result));
        // Each row's config commit is the one the config repository has for that promotion, newest on top.
        var log = Git(dir, "--git-dir", Path.Combine(dir, "repos", "grommet-config.git"), "log", "main", "--format=%h %s").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, log.Length);
        Assert.Equal(history.Select(r => r.Commit).Reverse(), log.Take(4).Select(l => l.Split(' ')[0][..7]));
        Assert.Equal("Release", log[0].Split(' ')[1]);
        Assert.Equal("Dev", log[3].Split(' ')[1]);
        Assert.Contains($"export BARGE_HOME={Path.Combine(dir, "home")}", result.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir, "home", "barge.db")));
    }

    [Fact]
    public async Task Run_KeptState_OtherCommandsSeeTheStagesAndPromotions()
    {
        var dir = _folder.Combine("kept");
        Assert.Equal(0, (await RunAsync("demo", "--dir", dir, "--keep")).ExitCode);

        var run = new BargeRun(Path.Combine(dir, "home"));
        var stages = await run.RunAsync("get", "stages", "-p", "grommet", "-o", "wide");
        Assert.Equal(0, stages.ExitCode);
        var dev = stages.Output.Split('\n').Single(l => l.StartsWith("dev ", StringComparison.Ordinal));
        Assert.Contains("2/2 Fulfilled", dev, StringComparison.Ordinal);
        Assert.Contains("grommet-dev:", dev, StringComparison.Ordinal);
        Assert.Contains("grommet-release:", dev, StringComparison.Ordinal);
        var promotions = await run.RunAsync("get", "promotions", "-p", "grommet");
        Assert.Equal(4, promotions.Output.Split('\n').Count(l => l.Contains("Succeeded", StringComparison.Ordinal)));
        var history = await run.RunAsync("history", "-p", "grommet", "--type", "PromotionFinished");
        Assert.True(history.ExitCode == 0, history.ToString());
        var finished = history.Output.Split('\n').Where(l => l.Contains("PromotionFinished", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, finished.Count);
        Assert.Equal(2, finished.Count(l => l.Contains(" grommet-dev ", StringComparison.Ordinal) && l.Contains("controller:stage-controller", StringComparison.Ordinal)));
        Assert.Equal(2, finished.Count(l => l.Contains(" grommet-release ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Run_WithRegistry_ImagesFlowIntoTheValuesFiles()
    {
        using var world = new GrommetWorld();
        var dir = _folder.Combine("with-registry");
        var result = await RunAsync("demo", "--dir", dir, "--keep", "--registry", world.RegistryHost);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"registry {world.RegistryHost}: pushed", result.Output, StringComparison.Ordinal);
        Assert.Contains("grommet-dev: image [Lexical ^dev] matched dev-2, dev-1", result.Output, StringComparison.Ordinal);
        Assert.Contains("grommet-release: image [SemVer] matched v1.1.0, v1.0.0", result.Output, StringComparison.Ordinal);
        Assert.Contains("imageTag: v1.1.0", ShowValues(dir, "prod"), StringComparison.Ordinal);
        Assert.Contains("imageTag: v1.1.0", ShowValues(dir, "dev"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_RegistryNotAnsweringWithoutKeep_GitOnlyOverHttpAndFolderRemoved()
    {
        var dir = _folder.Combine("silent-registry");
        var result = await RunAsync("demo", "--dir", dir, "--registry", "127.0.0.1:1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("no registry answers at 127.0.0.1:1", result.Output, StringComparison.Ordinal);
        Assert.Contains("git http-backend) serves grommet read-only at http://127.0.0.1:", result.Output, StringComparison.Ordinal);
        Assert.Equal(4, HistoryRows(result.Output).Count);
        Assert.False(Directory.Exists(dir));
    }

    [Theory]
    [InlineData("remote-registry", "--registry", "registry.example.com:5000", "not a loopback address")]
    [InlineData("registry-without-port", "--registry", "127.0.0.1", "is not HOST:PORT")]
    public async Task Run_BadRegistry_ExitTwoNamingIt(string row, string option, string value, string expected)
    {
        Assert.NotEmpty(row);
        var result = await RunAsync("demo", "--dir", _folder.Combine(row), option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error + result.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder.Combine(row)));
    }

    [Fact]
    public async Task Run_DirNotEmpty_ExitTwoAndNothingTouched()
    {
        var dir = _folder.Combine("busy");
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "mine.txt"), "keep me");

        var result = await RunAsync("demo", "--dir", dir);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not empty", result.Error, StringComparison.Ordinal);
        Assert.Equal(["mine.txt"], Directory.GetFileSystemEntries(dir).Select(Path.GetFileName));
    }

    private async Task<BargeResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["HOME"] = _folder.Path };
        var code = await BargeApp.RunAsync(args, Stream.Null, output, error, name => environment.GetValueOrDefault(name));
        return new BargeResult(code, output.ToString(), error.ToString());
    }

    /// <summary>The rows of the history table: STAGE FREIGHT ORIGIN ACTOR RESULT COMMIT.</summary>
    private static List<(string Stage, string Freight, string Origin, string Actor, string Result, string Commit)> HistoryRows(string output)
    {
        var section = output[output.IndexOf("== History", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n==", 5, StringComparison.Ordinal)];
        return section.Split('\n')
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(cells => cells.Length == 6 && cells[0] is "dev" or "prod")
            .Select(c => (c[0], c[1], c[2], c[3], c[4], c[5]))
            .ToList();
    }

    private static string RevParse(string dir, string tag) =>
        Git(dir, "--git-dir", Path.Combine(dir, "repos", "grommet.git"), "rev-parse", tag + "^{commit}").Trim();

    private static string ShowValues(string dir, string env) =>
        Git(dir, "--git-dir", Path.Combine(dir, "repos", "grommet-config.git"), "show", $"main:env/{env}/values.yaml");

    private static string Git(string directory, params string[] arguments) => FixtureGit.Run(directory, arguments);
}
