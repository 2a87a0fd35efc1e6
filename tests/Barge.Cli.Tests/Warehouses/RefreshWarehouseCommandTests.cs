using System.Diagnostics;
using Barge.Storage;
using Barge.Storage.Sqlite;
using Barge.Testing;
using Xunit;

namespace Barge.Cli.Tests.Warehouses;

/// <summary>
/// <c>barge refresh warehouse</c>, <c>barge reconcile --until-idle</c> and <c>barge create credentials</c>
/// in-process against a real home, a real git repository (file://) and the real store.
/// <see cref="Remote.RefreshWarehouseCommandRemoteTests"/> runs every test again through a <c>barge serve</c>
/// over this home's store, whose controllers do the discovery.
/// </summary>
public class RefreshWarehouseCommandTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _home = new("cli");
    private readonly TempDirectory _work = new("cli-work");
    private readonly BargeRun _run;
    private readonly string _repo;
    private long _clock = 1_700_000_000;
    private Remote.ServedHome? _server;

    public RefreshWarehouseCommandTests()
    {
        _run = new BargeRun(_home.Path);
        _repo = Path.Combine(_work.Path, "source");
        Directory.CreateDirectory(_repo);
        Git("init", "--quiet", "--initial-branch=main");
        Commit("first");
        Git("tag", "dev-1");
    }

    /// <summary>True when the commands go through a server (the derived remote test class).</summary>
    protected virtual bool Served => false;

    public async Task InitializeAsync() => _server = await Remote.ServedHome.ServeIfAsync(Served, _home.Path, _run, controllers: true);

    public Task DisposeAsync() => _server?.DisposeAsync().AsTask() ?? Task.CompletedTask;

    public void Dispose()
    {
        _home.Dispose();
        _work.Dispose();
        GC.SuppressFinalize(this);
    }

    private string RepoUrl => new Uri(_repo).AbsoluteUri;

    [Fact]
    public async Task Refresh_ReachableRepo_Exit0WithLatestFreight()
    {
        await ApplyAsync(RepoUrl);

        var result = await _run.RunAsync("refresh", "warehouse", "grommet-dev", "-p", "grommet", "--wait");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches("^warehouse/grommet-dev refreshed; latest Freight [0-9a-f]{40}\n$", result.Output);
        var freight = await _run.RunAsync("get", "freight", "-p", "grommet");
        Assert.Contains(result.Output[^41..^1], freight.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetWarehouses_AfterRefresh_ShowsReadyLastDiscoveryAndLatestFreight()
    {
        await ApplyAsync(RepoUrl);
        var refreshed = await _run.RunAsync("refresh", "warehouse", "grommet-dev", "-p", "grommet");
        if (Served)
        {
            // The server discovered on the wall clock: the CLI's clock catches up with it first.
            _run.Time.SetUtcNow(TimeProvider.System.GetUtcNow());
        }
        _run.Time.Advance(TimeSpan.FromMinutes(3));

        var result = await _run.RunAsync("get", "warehouses", "-p", "grommet");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["NAME", "SHARD", "READY", "LAST", "DISCOVERY", "LATEST", "FREIGHT", "STATUS", "AGE"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("grommet-dev", lines[1], StringComparison.Ordinal);
        Assert.Contains("True", lines[1], StringComparison.Ordinal);
        Assert.Contains("3m ago", lines[1], StringComparison.Ordinal);
        Assert.Contains(refreshed.Output[^41..^1], lines[1], StringComparison.Ordinal);
        Assert.Contains("Discovery succeeded", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_NewTag_ExactlyOneNewFreight()
    {
        await ApplyAsync(RepoUrl);
        await _run.RunAsync("refresh", "warehouse", "grommet-dev", "-p", "grommet");
        Commit("second");
        Git("tag", "dev-2");
        _run.Time.Advance(TimeSpan.FromSeconds(1));

        var result = await _run.RunAsync("refresh", "warehouse", "grommet-dev", "-p", "grommet");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, await CountAsync("Freight"));
    }

    [Fact]
    public async Task Refresh_UnreachableRepo_Exit1WithDiscoveryError()
    {
        var missing = new Uri(Path.Combine(_work.Path, "missing")).AbsoluteUri;
        await ApplyAsync(missing);

        var result = await _run.RunAsync("refresh", "warehouse", "grommet-dev", "-p", "grommet");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"error: Warehouse \"grommet-dev\" in project \"grommet\": discovery failed: Unable to discover artifacts: git subscription \"{missing}\"", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("Freight"));
    }

    [Fact]
    public async Task Refresh_MissingWarehouse_Exit1()
    {
        await ApplyAsync(RepoUrl);

        var result = await _run.RunAsync("refresh", "warehouse", "nope", "-p", "grommet");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: Warehouse \"nope\" in project \"grommet\" not found\n", result.Error);
    }

    [Fact]
    public async Task Reconcile_UntilIdle_DiscoversEveryWarehouse()
    {
        await ApplyAsync(RepoUrl);

        var result = await _run.RunAsync("reconcile", "--until-idle", "--idle-window", "200");

        if (Served)
        {
            // The server's controllers reconcile continuously; `reconcile` runs controllers on this machine only.
            Assert.Equal(2, result.ExitCode);
            Assert.StartsWith("error: `reconcile` runs on this machine only; it does not take --server (unset $BARGE_SERVER); the server's controllers reconcile continuously", result.Error, StringComparison.Ordinal);
            Assert.Empty(result.Output);
            return;
        }
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches("^idle after [0-9]+ reconcile\\(s\\)\n$", result.Output);
        Assert.Equal(1, await CountAsync("Freight"));
    }

    [Fact]
    public async Task CreateCredentials_PasswordStdin_StoredSealedAndNotPrinted()
    {
        await ApplyAsync(RepoUrl);

        var result = await _run.RunWithInputAsync("pa55-from-stdin\n",
            "create", "credentials", "source-creds", "-p", "grommet", "--git", "--repo-url", "https://git.example.com/grommet", "--username", "bot", "--password-stdin");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("secret/source-creds created (git credentials for https://git.example.com/grommet)\n", result.Output);
        await using var store = await SqliteResourceStore.OpenAsync(new SqliteStoreOptions(Path.Combine(_home.Path, "barge.db")));
        var secret = await store.GetAsync(new ResourceKey("Secret", "grommet", "source-creds"));
        Assert.Equal("git", secret!.Labels["kargo.akuity.io/cred-type"]);
        Assert.DoesNotContain("pa55", secret.Spec.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("pa55", result.Output + result.Error, StringComparison.Ordinal);
        var again = await _run.RunWithInputAsync("x\n",
            "create", "credentials", "source-creds", "-p", "grommet", "--git", "--repo-url", "https://git.example.com/grommet", "--username", "bot", "--password-stdin");
        Assert.Equal(1, again.ExitCode);
        Assert.Equal("error: Secret \"source-creds\" in project \"grommet\" already exists\n", again.Error);
    }

    [Fact]
    public async Task CreateCredentials_MissingProject_Exit1SayingHowToCreateIt()
    {
        await ApplyAsync(RepoUrl);

        var result = await _run.RunWithInputAsync("pw\n",
            "create", "credentials", "c", "-p", "nowhere", "--image", "--repo-url", "registry.example.com/x", "--username", "u", "--password-stdin");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: project \"nowhere\" not found (create it with `barge create project nowhere`)\n", result.Error);
        Assert.Empty(result.Output);
    }

    [Theory]
    [InlineData("no type", new[] { "--repo-url", "https://x.example.com/r", "--username", "u", "--password-stdin" }, "exactly one of --git, --image or --helm")]
    [InlineData("two types", new[] { "--git", "--helm", "--repo-url", "https://x.example.com/r", "--username", "u", "--password-stdin" }, "exactly one of --git, --image or --helm")]
    [InlineData("no password source", new[] { "--git", "--repo-url", "https://x.example.com/r", "--username", "u" }, "exactly one of --password-stdin or --password")]
    [InlineData("bad regex", new[] { "--git", "--repo-url", "(x", "--repo-url-is-regex", "--username", "u", "--password-stdin" }, "--repo-url is not a valid regular expression")]
    [InlineData("empty password", new[] { "--git", "--repo-url", "https://x.example.com/r", "--username", "u", "--password", "" }, "the password is empty")]
    public async Task CreateCredentials_BadUsage_Exit2(string scenario, string[] options, string message)
    {
        await ApplyAsync(RepoUrl);

        var result = await _run.RunWithInputAsync("pw\n", ["create", "credentials", "c", "-p", "grommet", .. options]);

        Assert.True(result.ExitCode == 2, scenario + ": " + result);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    private async Task ApplyAsync(string url)
    {
        var file = Path.Combine(_work.Path, "warehouse.yaml");
        await File.WriteAllTextAsync(file, $"""
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Project
            metadata:
              name: grommet
            ---
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Warehouse
            metadata:
              name: grommet-dev
              namespace: grommet
            spec:
              interval: 1m0s
              subscriptions:
              - git:
                  repoURL: "{url}"
                  commitSelectionStrategy: NewestTag
                  allowTagsRegexes:
                  - ^dev
            """);
        var applied = await _run.RunAsync("apply", "-f", file);
        Assert.True(applied.ExitCode == 0, applied.ToString());
    }

    private async Task<int> CountAsync(string kind)
    {
        await using var store = await SqliteResourceStore.OpenAsync(new SqliteStoreOptions(Path.Combine(_home.Path, "barge.db")));
        return (await store.ListAsync(ResourceQuery.OfKind(kind, "grommet"))).Items.Count;
    }

    private void Commit(string message)
    {
        File.WriteAllText(Path.Combine(_repo, message + ".txt"), message);
        Git("add", ".");
        Git("commit", "--quiet", "-m", message);
    }

    private void Git(params string[] arguments) =>
        // Distinct, increasing dates: NewestTag orders by creator date.
        FixtureGit.Run(_repo, DateTimeOffset.FromUnixTimeSeconds(_clock += 60), arguments);
}
