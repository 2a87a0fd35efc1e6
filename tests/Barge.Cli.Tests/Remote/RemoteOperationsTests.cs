using System.Diagnostics;
using Barge.Testing;
using Xunit;

namespace Barge.Cli.Tests.Remote;

/// <summary>
/// The writing commands in remote mode against a <c>barge serve</c> that runs its controllers: apply,
/// refresh (the server's Warehouse controller discovers a real file:// git repository), promote
/// followed to Succeeded over the SSE watch, history, approve and delete; and the refusals a server adds
/// (roles, revoked tokens).
/// </summary>
public sealed class RemoteOperationsTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _serverHome = new("remote-server");
    private readonly TempDirectory _clientHome = new("remote-client");
    private readonly TempDirectory _work = new("remote-work");
    private ServedHome _server = null!;
    private BargeRun _remote = null!;

    public async Task InitializeAsync()
    {
        _server = await ServedHome.StartAsync(_serverHome.Path, TimeProvider.System, controllers: true);
        _remote = _server.Client(_clientHome.Path);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _serverHome.Dispose();
        _clientHome.Dispose();
        _work.Dispose();
    }

    [Fact]
    public async Task ApplyRefreshPromote_ThroughTheServer_PromotionSucceedsAndHistoryShowsIt()
    {
        var applied = await _remote.RunAsync("apply", "-f", WritePipeline());
        Assert.True(applied.ExitCode == 0, applied.ToString());
        Assert.Equal(
            "project.kargo.akuity.io/grommet created\n" +
            "warehouse.kargo.akuity.io/source created\n" +
            "stage.kargo.akuity.io/dev created\n",
            applied.Output);

        var refreshed = await _remote.RunAsync("refresh", "warehouse", "source", "-p", "grommet");
        Assert.True(refreshed.ExitCode == 0, refreshed.ToString());
        Assert.Matches("^warehouse/source refreshed; latest Freight [0-9a-f]{40}\n$", refreshed.Output);

        var promoted = await _remote.RunAsync("promote", "-p", "grommet", "--stage", "dev", "--warehouse", "source", "--wait");
        Assert.True(promoted.ExitCode == 0, promoted.ToString());
        var lines = promoted.Output.TrimEnd('\n').Split('\n');
        Assert.Matches("^promotion.kargo.akuity.io/dev\\.\\S+ created$", lines[0]);
        Assert.Contains("[1/1] out (compose-output): Succeeded", lines);
        Assert.Matches("^dev\\.\\S+: Succeeded$", lines[^1]);

        var history = await _remote.RunAsync("history", "-p", "grommet", "--type", "PromotionFinished", "--no-headers");
        Assert.True(history.ExitCode == 0, history.ToString());
        Assert.Matches("^\\S+ +PromotionFinished +dev +\\S+ +source +\\S+ +Succeeded", history.Output);
    }

    [Fact]
    public async Task Promote_StepFails_WaitEndsWithThePhaseAndExit1()
    {
        await ApplyAndDiscoverAsync();
        var file = Path.Combine(_work.Path, "broken.yaml");
        await File.WriteAllTextAsync(file, """
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Stage
            metadata:
              name: broken
              namespace: grommet
            spec:
              requestedFreight:
              - origin:
                  kind: Warehouse
                  name: source
                sources:
                  direct: true
              promotionTemplate:
                spec:
                  steps:
                  - uses: compose-output
                    as: out
                    config:
                      hello: ${{ nowhere.at.all }}
            """);
        Assert.Equal(0, (await _remote.RunAsync("apply", "-f", file)).ExitCode);

        var result = await _remote.RunAsync("promote", "-p", "grommet", "--stage", "broken", "--warehouse", "source");

        Assert.True(result.ExitCode == 1, result.ToString());
        var lines = result.Output.TrimEnd('\n').Split('\n');
        Assert.Matches("^promotion.kargo.akuity.io/broken\\.\\S+ created$", lines[0]);
        // The final line carries the step's error, which may span lines (an expression with a caret).
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(result.Output, "(?m)^broken\\.\\S+: Errored: step \"out\" met error threshold"), result.ToString());
    }

    [Fact]
    public async Task Promote_NoWait_OnlyCreates()
    {
        await ApplyAndDiscoverAsync();

        var result = await _remote.RunAsync("promote", "-p", "grommet", "--stage", "dev", "--warehouse", "source", "--no-wait");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches("^promotion.kargo.akuity.io/dev\\.\\S+ created\n$", result.Output);
    }

    [Fact]
    public async Task Promote_AsViewer_Refused403WithTheServersText()
    {
        await ApplyAndDiscoverAsync();
        var viewer = _server.Client(_clientHome.Path, await _server.TokenAsync("watcher", "viewer@grommet"));

        var result = await viewer.RunAsync("promote", "-p", "grommet", "--stage", "dev", "--warehouse", "source");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: POST /v1beta1/projects/grommet/stages/dev/promotions is forbidden for token:watcher: promoter in project \"grommet\" is required\n", result.Error);
        Assert.Empty(result.Output);
        var promotions = await _remote.RunAsync("get", "promotions", "-p", "grommet", "--no-headers");
        Assert.Empty(promotions.Output);
    }

    [Fact]
    public async Task Apply_AsViewer_RefusedAndNothingWritten()
    {
        await ApplyAndDiscoverAsync();
        var viewer = _server.Client(_clientHome.Path, await _server.TokenAsync("watcher", "viewer@grommet"));
        var file = Path.Combine(_work.Path, "extra.yaml");
        await File.WriteAllTextAsync(file, """
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Warehouse
            metadata:
              name: extra
              namespace: grommet
            spec:
              subscriptions:
              - image:
                  repoURL: registry.example.com/extra
            """);

        var result = await viewer.RunAsync("apply", "-f", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("admin in the project is required for token:watcher", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, (await _remote.RunAsync("get", "warehouse", "extra", "-p", "grommet")).ExitCode);
    }

    [Fact]
    public async Task Get_RevokedToken_Fails401WithLoginHint()
    {
        await ApplyAndDiscoverAsync();
        var token = await _server.TokenAsync("ci", "viewer@grommet");
        var run = _server.Client(_clientHome.Path, token);
        Assert.Equal(0, (await run.RunAsync("get", "stages", "-p", "grommet")).ExitCode);
        await _server.RevokeAsync("ci");

        var result = await run.RunAsync("get", "stages", "-p", "grommet");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: invalid token (server {_server.Url}): log in again with `barge login {_server.Url}` or set $BARGE_TOKEN\n", result.Error);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Apply_ServerSideValidationProblem_ReachesTheUserWithExit2()
    {
        await ApplyAndDiscoverAsync();
        var file = Path.Combine(_work.Path, "bad-stage.yaml");
        await File.WriteAllTextAsync(file, """
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Stage
            metadata:
              name: qa
              namespace: grommet
            spec:
              requestedFreight:
              - origin:
                  kind: Warehouse
                  name: no-such-warehouse
                sources:
                  direct: true
              promotionTemplate:
                spec:
                  steps:
                  - uses: compose-output
            """);
        var good = Path.Combine(_work.Path, "good.yaml");
        await File.WriteAllTextAsync(good, """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, namespace: grommet}
            data: {a: b}
            """);
        var embeddedHome = new BargeRun(_serverHome.Path);

        var embedded = await embeddedHome.RunAsync("apply", "-f", good, "-f", file);
        var remote = await _remote.RunAsync("apply", "-f", good, "-f", file);

        Assert.Equal(2, embedded.ExitCode);
        Assert.True(remote.ExitCode == 2, remote.ToString());
        Assert.Contains("Warehouse \"no-such-warehouse\"", remote.Error, StringComparison.Ordinal);
        // The server's refusal is placed at the field's file:line:column, as embedded mode places it.
        Assert.StartsWith(file + ":", remote.Error, StringComparison.Ordinal);
        Assert.Equal(embedded.Error, remote.Error);
        Assert.EndsWith("error: 1 problem found; nothing was applied\n", remote.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_ThroughTheServer_MissingNamesStopEverythingThenDeletes()
    {
        await ApplyAndDiscoverAsync();

        var missing = await _remote.RunAsync("delete", "stage", "dev", "qa", "-p", "grommet");
        var missingSecret = await _remote.RunAsync("delete", "secret", "nope", "-p", "grommet");
        var deleted = await _remote.RunAsync("delete", "stage", "dev", "-p", "grommet");
        var after = await _remote.RunAsync("get", "stages", "-p", "grommet", "--no-headers");

        Assert.Equal(1, missing.ExitCode);
        Assert.Equal("error: Stage \"qa\" not found in project \"grommet\"\nerror: nothing was deleted\n", missing.Error);
        Assert.Equal(1, missingSecret.ExitCode);
        Assert.Equal("error: Secret \"nope\" not found in project \"grommet\"\nerror: nothing was deleted\n", missingSecret.Error);
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.Equal("stage.kargo.akuity.io/dev deleted\n", deleted.Output);
        Assert.Empty(after.Output);
    }

    [Fact]
    public async Task CreateProject_ThroughTheServer_CreatesThenSaysItExistsAndNeedsSystemAdmin()
    {
        var promoter = _server.Client(_clientHome.Path, await _server.TokenAsync("ci", "promoter@grommet"));

        var created = await _remote.RunAsync("create", "project", "widget");
        var again = await _remote.RunAsync("create", "project", "widget");
        var refused = await promoter.RunAsync("create", "project", "gadget");
        var projects = await _remote.RunAsync("get", "projects", "--no-headers");

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Equal("project.kargo.akuity.io/widget created\n", created.Output);
        Assert.Equal(1, again.ExitCode);
        Assert.Equal("error: project \"widget\" already exists\n", again.Error);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("system-admin is required for token:ci", refused.Error, StringComparison.Ordinal);
        Assert.StartsWith("widget ", projects.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("gadget", projects.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PromoteAbort_UnknownPromotion_SameAsEmbedded()
    {
        await ApplyAndDiscoverAsync();

        var embedded = await new BargeRun(_serverHome.Path).RunAsync("promote", "-p", "grommet", "--abort", "nope");
        var remote = await _remote.RunAsync("promote", "-p", "grommet", "--abort", "nope");

        Assert.Equal(embedded.ToString(), remote.ToString());
    }

    [Fact]
    public async Task RefreshWarehouse_Unknown_Exit1NamingIt()
    {
        await ApplyAndDiscoverAsync();

        var result = await _remote.RunAsync("refresh", "warehouse", "nope", "-p", "grommet");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: Warehouse \"nope\" in project \"grommet\" not found\n", result.Error);
    }

    private async Task ApplyAndDiscoverAsync()
    {
        var applied = await _remote.RunAsync("apply", "-f", WritePipeline());
        Assert.True(applied.ExitCode == 0, applied.ToString());
        var refreshed = await _remote.RunAsync("refresh", "warehouse", "source", "-p", "grommet");
        Assert.True(refreshed.ExitCode == 0, refreshed.ToString());
    }

    private string WritePipeline()
    {
        var repo = Path.Combine(_work.Path, "source");
        if (!Directory.Exists(repo))
        {
            Directory.CreateDirectory(repo);
            Git(repo, "init", "--quiet", "--initial-branch=main");
            File.WriteAllText(Path.Combine(repo, "README"), "grommet\n");
            Git(repo, "add", ".");
            Git(repo, "commit", "--quiet", "-m", "first");
            Git(repo, "tag", "dev-1");
        }
        var file = Path.Combine(_work.Path, "pipeline.yaml");
        File.WriteAllText(file, $"""
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Project
            metadata:
              name: grommet
            ---
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Warehouse
            metadata:
              name: source
              namespace: grommet
            spec:
              interval: 1h0m0s
              subscriptions:
              - git:
                  repoURL: "{new Uri(repo).AbsoluteUri}"
                  commitSelectionStrategy: NewestTag
            ---
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Stage
            metadata:
              name: dev
              namespace: grommet
            spec:
              requestedFreight:
              - origin:
                  kind: Warehouse
                  name: source
                sources:
                  direct: true
              promotionTemplate:
                spec:
                  steps:
                  - uses: compose-output
                    as: out
                    config:
                      hello: world
            """);
        return file;
    }

    private static void Git(string directory, params string[] arguments) => FixtureGit.Run(directory, arguments);
}
