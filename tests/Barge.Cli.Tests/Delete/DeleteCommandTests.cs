using System.Text.Json;
using Barge.Storage;
using Barge.Testing;
using Xunit;

namespace Barge.Cli.Tests.Delete;

/// <summary>
/// <c>barge delete</c> on a real home. <see cref="Remote.DeleteCommandRemoteTests"/> runs every test again
/// in remote mode: the same commands through a <c>barge serve</c> over this home's store.
/// </summary>
public class DeleteCommandTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _home = new("cli");
    private readonly TempDirectory _work = new("cli-work");
    private readonly BargeRun _run;

    public DeleteCommandTests()
    {
        _run = new BargeRun(_home.Path);
    }

    private Remote.ServedHome? _server;

    /// <summary>True when the commands go through a server (the derived remote test class).</summary>
    protected virtual bool Served => false;

    public async Task InitializeAsync() => _server = await Remote.ServedHome.ServeIfAsync(Served, _home.Path, _run);

    public Task DisposeAsync() => _server?.DisposeAsync().AsTask() ?? Task.CompletedTask;

    public void Dispose()
    {
        _home.Dispose();
        _work.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Delete_ByKindAndName_RemovesOnlyThat()
    {
        await ApplyPipelineAsync();

        var result = await _run.RunAsync("delete", "stage", "prod", "-p", "grommet");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("stage.kargo.akuity.io/prod deleted\n", result.Output);
        Assert.Null(await StoreProbe.GetAsync(_home.Path, "Stage", "grommet", "prod"));
        Assert.NotNull(await StoreProbe.GetAsync(_home.Path, "Stage", "grommet", "dev"));
    }

    [Fact]
    public async Task Delete_OneNameMissing_DeletesNothingAndExitsOne()
    {
        await ApplyPipelineAsync();

        var result = await _run.RunAsync("delete", "stages", "prod", "nope", "-p", "grommet");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Stage \"nope\" not found in project \"grommet\"", result.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was deleted", result.Error, StringComparison.Ordinal);
        Assert.NotNull(await StoreProbe.GetAsync(_home.Path, "Stage", "grommet", "prod"));
    }

    [Fact]
    public async Task Delete_FromFile_RemovesEverythingItDescribes()
    {
        var file = await ApplyPipelineAsync();

        var result = await _run.RunAsync("delete", "-f", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(7, result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("promotiontask.kargo.akuity.io/deploy deleted\n", result.Output, StringComparison.Ordinal);
        Assert.EndsWith("project.kargo.akuity.io/grommet deleted\n", result.Output, StringComparison.Ordinal);
        Assert.Equal(0, await StoreProbe.CountAllAsync(_home.Path));
    }

    [Fact]
    public async Task Delete_Project_DeletesWhatIsInIt()
    {
        await ApplyPipelineAsync();

        var result = await _run.RunAsync("delete", "project", "grommet");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("project.kargo.akuity.io/grommet deleted\n", result.Output);
        Assert.Equal(0, await StoreProbe.CountAllAsync(_home.Path));
    }

    [Fact]
    public async Task Delete_Project_DeletesItsAnalysisRuns()
    {
        await ApplyPipelineAsync();
        await using (var store = await StoreProbe.OpenAsync(_home.Path))
        {
            using var spec = JsonDocument.Parse("{}");
            await store.CreateAsync(new NewResource(new ResourceKey(Barge.Engine.Verification.HttpAnalysisRunner.RunKind, "grommet", "dev.run-1"), "argoproj.io/v1alpha1", spec.RootElement));
        }

        var result = await _run.RunAsync("delete", "project", "grommet");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("project.kargo.akuity.io/grommet deleted\n", result.Output);
        Assert.Null(await StoreProbe.GetAsync(_home.Path, Barge.Engine.Verification.HttpAnalysisRunner.RunKind, "grommet", "dev.run-1"));
    }

    [Fact]
    public async Task Delete_FreightInUse_IsRefused()
    {
        await ApplyPipelineAsync();
        var freight = Path.Combine(_work.Path, "freight.yaml");
        await File.WriteAllTextAsync(freight, """
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Freight
            metadata:
              namespace: grommet
            alias: busy-beaver
            origin: {kind: Warehouse, name: grommet-dev}
            commits:
            - {repoURL: "https://git.example.com/grommet/source.git", id: 0123456789abcdef0123456789abcdef01234567, tag: dev-1}
            images:
            - {repoURL: registry.example.com/grommet/app, tag: dev-1}
            """);
        Assert.Equal(0, (await _run.RunAsync("apply", "-f", freight)).ExitCode);
        await using (var store = await StoreProbe.OpenAsync(_home.Path))
        {
            var stored = (await store.ListAsync(ResourceQuery.OfKind("Freight", "grommet"))).Items[0];
            await store.UpdateStatusAsync(stored.Key, stored.ResourceVersion, JsonDocument.Parse("""{"currentlyIn":{"dev":{}}}""").RootElement.Clone());
        }

        var result = await _run.RunAsync("delete", "freight", "busy-beaver", "-p", "grommet");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is in use by Stage \"dev\"", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_ConfigMapSecretAndPromotionTask_ByKindAndName()
    {
        await ApplyPipelineAsync();
        await ApplyConfigAsync();

        var configMap = await _run.RunAsync("delete", "configmap", "settings", "-p", "grommet");
        var secret = await _run.RunAsync("delete", "secret", "repo-creds", "-p", "grommet");
        var task = await _run.RunAsync("delete", "promotiontask", "deploy", "-p", "grommet");

        Assert.True(configMap.ExitCode == 0, configMap.ToString());
        Assert.Equal("configmap/settings deleted\n", configMap.Output);
        Assert.True(secret.ExitCode == 0, secret.ToString());
        Assert.Equal("secret/repo-creds deleted\n", secret.Output);
        Assert.True(task.ExitCode == 0, task.ToString());
        Assert.Equal("promotiontask.kargo.akuity.io/deploy deleted\n", task.Output);
        Assert.Null(await StoreProbe.GetAsync(_home.Path, "ConfigMap", "grommet", "settings"));
        Assert.Null(await StoreProbe.GetAsync(_home.Path, "Secret", "grommet", "repo-creds"));
        Assert.Null(await StoreProbe.GetAsync(_home.Path, "PromotionTask", "grommet", "deploy"));
    }

    [Fact]
    public async Task Delete_FileWithAMissingConfigMap_DeletesNothing()
    {
        await ApplyPipelineAsync();
        await ApplyConfigAsync();
        var file = Path.Combine(_work.Path, "delete.yaml");
        await File.WriteAllTextAsync(file, """
            apiVersion: v1
            kind: Secret
            metadata:
              name: repo-creds
              namespace: grommet
            ---
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Stage
            metadata:
              name: prod
              namespace: grommet
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: nope
              namespace: grommet
            """);

        var result = await _run.RunAsync("delete", "-f", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: ConfigMap \"nope\" not found in project \"grommet\"\nerror: nothing was deleted\n", result.Error);
        Assert.Empty(result.Output);
        Assert.NotNull(await StoreProbe.GetAsync(_home.Path, "Secret", "grommet", "repo-creds"));
        Assert.NotNull(await StoreProbe.GetAsync(_home.Path, "Stage", "grommet", "prod"));
    }

    [Fact]
    public async Task Delete_NoArguments_ExitsTwo()
    {
        var result = await _run.RunAsync("delete");

        Assert.Equal(2, result.ExitCode);
    }

    /// <summary>A ConfigMap <c>settings</c> and a repository credential Secret <c>repo-creds</c> in grommet.</summary>
    private async Task ApplyConfigAsync()
    {
        var file = Path.Combine(_work.Path, "config.yaml");
        await File.WriteAllTextAsync(file, """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              namespace: grommet
            data:
              gitRepo: https://git.example.com/grommet/config.git
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: repo-creds
              namespace: grommet
              labels:
                kargo.akuity.io/cred-type: git
            stringData:
              repoURL: https://git.example.com/grommet/config.git
              username: bot
              password: hunter2
            """);
        var result = await _run.RunAsync("apply", "-f", file);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    private async Task<string> ApplyPipelineAsync()
    {
        var file = ExamplePipeline.WriteTo(_work.Path);
        var result = await _run.RunAsync("apply", "-f", file);
        Assert.True(result.ExitCode == 0, result.ToString());
        return file;
    }
}
