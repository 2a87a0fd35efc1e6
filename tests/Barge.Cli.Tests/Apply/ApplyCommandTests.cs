using System.Text.Json.Nodes;
using Barge.Testing;
using Xunit;

namespace Barge.Cli.Tests.Apply;

/// <summary>
/// <c>barge apply</c> on a real home. <see cref="Remote.ApplyCommandRemoteTests"/> runs every test again
/// through a <c>barge serve</c> over this home's store (<c>PUT /v1beta1/resources?upsert=true</c>).
/// </summary>
public class ApplyCommandTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _home = new("cli");
    private readonly TempDirectory _work = new("cli-work");

    private Remote.ServedHome? _server;

    /// <summary>True when the commands go through a server (the derived remote test class in Remote/).</summary>
    protected virtual bool Served => false;

    public async Task InitializeAsync()
    {
        if (Served)
        {
            _server = await Remote.ServedHome.StartAsync(_home.Path, TimeProvider.System);
        }
    }

    public Task DisposeAsync() => _server?.DisposeAsync().AsTask() ?? Task.CompletedTask;

    public void Dispose()
    {
        _home.Dispose();
        _work.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A CLI run on this home: embedded, or through the server over its store.</summary>
    private BargeRun Run() =>
        _server is null ? new BargeRun(_home.Path) : new BargeRun(_home.Path).With("BARGE_SERVER", _server.Url).With("BARGE_TOKEN", Remote.ServedHome.AdminToken);

    [Fact]
    public async Task Apply_ExamplePipeline_CreatesEveryDocumentInKargoOrder()
    {
        var result = await Run().RunAsync("apply", "-f", ExamplePipeline.WriteTo(_work.Path));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            """
            project.kargo.akuity.io/grommet created
            warehouse.kargo.akuity.io/grommet-dev created
            warehouse.kargo.akuity.io/grommet-release created
            promotiontask.kargo.akuity.io/deploy created
            stage.kargo.akuity.io/dev created
            stage.kargo.akuity.io/prod created
            projectconfig.kargo.akuity.io/grommet created

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            result.Output);
        Assert.Equal(7, await StoreProbe.CountAllAsync(_home.Path));
    }

    [Fact]
    public async Task Apply_SameFileTwice_PrintsUnchangedAndKeepsVersions()
    {
        var run = Run();
        var file = ExamplePipeline.WriteTo(_work.Path);
        await run.RunAsync("apply", "-f", file);
        var before = await StoreProbe.GetAsync(_home.Path, "Stage", "grommet", "dev");

        var again = await run.RunAsync("apply", "-f", file);

        Assert.True(again.ExitCode == 0, again.ToString());
        var lines = again.Output.TrimEnd('\n').Split('\n');
        Assert.Equal(7, lines.Length);
        Assert.All(lines, line => Assert.EndsWith(" unchanged", line, StringComparison.Ordinal));
        var after = await StoreProbe.GetAsync(_home.Path, "Stage", "grommet", "dev");
        Assert.Equal(before!.ResourceVersion, after!.ResourceVersion);
    }

    [Fact]
    public async Task Apply_ChangedSpec_PrintsConfiguredAndBumpsGeneration()
    {
        var run = Run();
        await run.RunAsync("apply", "-f", ExamplePipeline.WriteTo(_work.Path));
        var changed = ExamplePipeline.Text().Replace("requiredSoakTime: 5s", "requiredSoakTime: 1h", StringComparison.Ordinal);

        var result = await run.RunAsync("apply", "-f", ExamplePipeline.WriteTo(_work.Path, changed));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("stage.kargo.akuity.io/prod configured\n", result.Output, StringComparison.Ordinal);
        Assert.Contains("stage.kargo.akuity.io/dev unchanged\n", result.Output, StringComparison.Ordinal);
        var prod = await StoreProbe.GetAsync(_home.Path, "Stage", "grommet", "prod");
        Assert.Equal(2, prod!.Generation);
        var dev = await StoreProbe.GetAsync(_home.Path, "Stage", "grommet", "dev");
        Assert.Equal(1, dev!.Generation);
    }

    [Fact]
    public async Task Apply_ChangedLabelOnly_ConfiguredWithoutGenerationBump()
    {
        var run = Run();
        await run.RunAsync("apply", "-f", ExamplePipeline.WriteTo(_work.Path));
        var labelled = ExamplePipeline.Text().Replace("  name: prod\n  namespace: grommet\n", "  name: prod\n  namespace: grommet\n  labels:\n    tier: production\n", StringComparison.Ordinal);

        var result = await run.RunAsync("apply", "-f", ExamplePipeline.WriteTo(_work.Path, labelled));

        Assert.Contains("stage.kargo.akuity.io/prod configured\n", result.Output, StringComparison.Ordinal);
        var prod = await StoreProbe.GetAsync(_home.Path, "Stage", "grommet", "prod");
        Assert.Equal("production", prod!.Labels["tier"]);
        Assert.Equal(1, prod.Generation);
    }

    [Fact]
    public async Task Apply_StatusWriteAfterApply_DoesNotBumpGenerationAndReapplyIsUnchanged()
    {
        var run = Run();
        var file = ExamplePipeline.WriteTo(_work.Path);
        await run.RunAsync("apply", "-f", file);
        await using (var store = await StoreProbe.OpenAsync(_home.Path))
        {
            var dev = await store.GetAsync(new Storage.ResourceKey("Stage", "grommet", "dev"));
            await store.UpdateStatusAsync(dev!.Key, dev.ResourceVersion, System.Text.Json.JsonSerializer.SerializeToElement(new JsonObject { ["freightSummary"] = "0/2 Fulfilled" }));
        }

        var again = await run.RunAsync("apply", "-f", file);

        Assert.Contains("stage.kargo.akuity.io/dev unchanged\n", again.Output, StringComparison.Ordinal);
        var after = await StoreProbe.GetAsync(_home.Path, "Stage", "grommet", "dev");
        Assert.Equal(1, after!.Generation);
        Assert.Equal("0/2 Fulfilled", after.Status!.Value.GetProperty("freightSummary").GetString());
    }

    [Fact]
    public async Task Apply_FromStdin_ReadsTheDocuments()
    {
        var result = await Run().RunWithInputAsync(ExamplePipeline.Text(), "apply", "-f", "-");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(7, await StoreProbe.CountAllAsync(_home.Path));
    }

    [Fact]
    public async Task Apply_Directory_ReadsEveryManifestFile()
    {
        var documents = ExamplePipeline.Text().Split("\n---\n");
        for (var i = 0; i < documents.Length; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(_work.Path, $"{i:D2}.yaml"), documents[i]);
        }

        var result = await Run().RunAsync("apply", "-f", _work.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(7, await StoreProbe.CountAllAsync(_home.Path));
    }

    [Theory]
    [InlineData("flag", true)]
    [InlineData("config", false)]
    public async Task Apply_DocumentWithoutNamespace_GoesToTheDefaultProject(string row, bool useFlag)
    {
        var run = Run();
        await run.RunAsync("create", "project", "grommet");
        var file = Path.Combine(_work.Path, "cm.yaml");
        await File.WriteAllTextAsync(file, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  colour: blue\n");
        if (!useFlag)
        {
            await run.RunAsync("config", "set-project", "grommet");
        }

        var result = useFlag ? await run.RunAsync("apply", "-f", file, "-p", "grommet") : await run.RunAsync("apply", "-f", file);

        Assert.True(result.ExitCode == 0, row + ": " + result);
        Assert.Equal("configmap/settings created\n", result.Output);
        Assert.NotNull(await StoreProbe.GetAsync(_home.Path, "ConfigMap", "grommet", "settings"));
    }

    [Fact]
    public async Task Apply_StageOfMissingProject_ExitsTwoNamingTheField()
    {
        var file = Path.Combine(_work.Path, "stage.yaml");
        await File.WriteAllTextAsync(file, """
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Warehouse
            metadata:
              name: w
              namespace: nowhere
            spec:
              subscriptions:
              - git:
                  repoURL: https://git.example.com/app.git
            """);

        var result = await Run().RunAsync("apply", "-f", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("stage.yaml:", result.Error, StringComparison.Ordinal);
        Assert.Contains("(Warehouse \"w\") metadata.namespace: project \"nowhere\" not found", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, await StoreProbe.CountAllAsync(_home.Path));
    }

    [Fact]
    public async Task Apply_ProjectFlagDisagreesWithDocument_ExitsTwoAndStoresNothing()
    {
        var result = await Run().RunAsync("apply", "-f", ExamplePipeline.WriteTo(_work.Path), "-p", "other");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("(Stage \"dev\") metadata.namespace: the document's project \"grommet\" does not match -p \"other\"", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, await StoreProbe.CountAllAsync(_home.Path));
    }

    [Fact]
    public async Task Apply_FreightWithoutAlias_GetsOneThatSurvivesReapply()
    {
        var run = Run();
        await run.RunAsync("apply", "-f", ExamplePipeline.WriteTo(_work.Path));
        var freight = Path.Combine(_work.Path, "freight.yaml");
        await File.WriteAllTextAsync(freight, """
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Freight
            metadata:
              namespace: grommet
            origin: {kind: Warehouse, name: grommet-dev}
            commits:
            - {repoURL: "https://git.example.com/grommet/source.git", id: 0123456789abcdef0123456789abcdef01234567, tag: dev-1}
            images:
            - {repoURL: registry.example.com/grommet/app, tag: dev-1}
            """);

        var first = await run.RunAsync("apply", "-f", freight);
        var stored = (await StoreProbe.GetAsync(_home.Path, "Freight", "grommet", first.Output.Split('/', ' ')[1]))!;
        var again = await run.RunAsync("apply", "-f", freight);
        var after = (await StoreProbe.GetAsync(_home.Path, "Freight", "grommet", stored.Key.Name))!;

        Assert.Matches("^[a-z]+-[a-z]+$", stored.Labels["kargo.akuity.io/alias"]);
        Assert.Equal(stored.Spec.GetProperty("alias").GetString(), stored.Labels["kargo.akuity.io/alias"]);
        Assert.EndsWith(" unchanged\n", again.Output, StringComparison.Ordinal);
        Assert.Equal(stored.ResourceVersion, after.ResourceVersion);
    }

    [Fact]
    public async Task Apply_FreightWithChangedArtifacts_IsANewFreightNotAnUpdate()
    {
        var run = Run();
        await run.RunAsync("apply", "-f", ExamplePipeline.WriteTo(_work.Path));
        var text = """
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Freight
            metadata:
              namespace: grommet
            alias: first-one
            origin: {kind: Warehouse, name: grommet-dev}
            commits:
            - {repoURL: "https://git.example.com/grommet/source.git", id: 0123456789abcdef0123456789abcdef01234567, tag: dev-1}
            images:
            - {repoURL: registry.example.com/grommet/app, tag: dev-1}
            """;
        var file = Path.Combine(_work.Path, "freight.yaml");
        await File.WriteAllTextAsync(file, text);
        await run.RunAsync("apply", "-f", file);
        await File.WriteAllTextAsync(file, text.Replace("tag: dev-1}\n", "tag: dev-2}\n", StringComparison.Ordinal).Replace("first-one", "second-one", StringComparison.Ordinal));

        var result = await run.RunAsync("apply", "-f", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.EndsWith(" created\n", result.Output, StringComparison.Ordinal);
        Assert.Equal(2, (await run.RunAsync("get", "freight", "-p", "grommet", "--no-headers")).Output.TrimEnd('\n').Split('\n').Length);
    }

    [Fact]
    public async Task Apply_FreightAliasTakenByAnother_ExitsTwo()
    {
        var run = Run();
        await run.RunAsync("apply", "-f", ExamplePipeline.WriteTo(_work.Path));
        var file = Path.Combine(_work.Path, "freight.yaml");
        string Freight(string tag) => $$"""
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Freight
            metadata:
              namespace: grommet
            alias: same-alias
            origin: {kind: Warehouse, name: grommet-dev}
            commits:
            - {repoURL: "https://git.example.com/grommet/source.git", id: 0123456789abcdef0123456789abcdef01234567, tag: {{tag}}}
            images:
            - {repoURL: registry.example.com/grommet/app, tag: {{tag}}}
            """;
        await File.WriteAllTextAsync(file, Freight("dev-1"));
        await run.RunAsync("apply", "-f", file);
        await File.WriteAllTextAsync(file, Freight("dev-2"));

        var result = await run.RunAsync("apply", "-f", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("alias \"same-alias\" already used", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_NoFile_ExitsTwo()
    {
        var result = await Run().RunAsync("apply");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("-f", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_EmptyFile_ExitsTwoNoResources()
    {
        var file = Path.Combine(_work.Path, "empty.yaml");
        await File.WriteAllTextAsync(file, "# nothing here\n");

        var result = await Run().RunAsync("apply", "-f", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no resources found", result.Error, StringComparison.Ordinal);
    }
}
