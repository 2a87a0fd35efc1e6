using System.Text.Json;
using Barge.Storage;
using Barge.Testing;
using Xunit;

namespace Barge.Cli.Tests.Approve;

/// <summary>A barge home with the grommet example pipeline applied, and helpers to add Freight and write status.</summary>
internal sealed class PipelineHome : IDisposable
{
    private readonly TempDirectory _home = new("cli-ops");
    private readonly TempDirectory _work = new("cli-ops-work");

    public PipelineHome()
    {
        Run = new BargeRun(_home.Path).With("USER", "jane");
    }

    public BargeRun Run { get; }

    public string Path => _home.Path;

    public async Task ApplyPipelineAsync()
    {
        var result = await Run.RunAsync("apply", "-f", ExamplePipeline.WriteTo(_work.Path));
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    /// <summary>Applies a Freight of a grommet Warehouse; returns its ID.</summary>
    public async Task<string> ApplyFreightAsync(string warehouse, string tag, string alias)
    {
        var file = System.IO.Path.Combine(_work.Path, $"freight-{alias}.yaml");
        await File.WriteAllTextAsync(file, $"""
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Freight
            metadata:
              namespace: grommet
              name: ignored
            alias: {alias}
            origin:
              kind: Warehouse
              name: {warehouse}
            commits:
            - repoURL: https://git.example.com/grommet/source.git
              id: {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(tag)))[..40]}
              tag: {tag}
            images:
            - repoURL: registry.example.com/grommet/app
              tag: {tag}
              digest: sha256:{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(tag)))}
            """);
        var result = await Run.RunAsync("apply", "-f", file);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Output.Split('/', ' ')[1];
    }

    public async Task WriteStatusAsync(string kind, string name, string statusJson)
    {
        await using var store = await StoreProbe.OpenAsync(_home.Path);
        var current = await store.GetAsync(new ResourceKey(kind, "grommet", name));
        await store.UpdateStatusAsync(current!.Key, current.ResourceVersion, JsonDocument.Parse(statusJson).RootElement.Clone());
    }

    public Task<StoredResource?> GetAsync(string kind, string name) => StoreProbe.GetAsync(_home.Path, kind, "grommet", name);

    public void Dispose()
    {
        _home.Dispose();
        _work.Dispose();
    }
}
