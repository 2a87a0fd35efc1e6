using System.Text.Json;
using System.Text.Json.Nodes;
using Barge.Storage;
using Barge.Testing;
using Xunit;

namespace Barge.Cli.Tests.Get;

public sealed class GetCommandTests : IDisposable
{
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private readonly TempDirectory _home = new("cli");
    private readonly TempDirectory _work = new("cli-work");
    private readonly BargeRun _run;

    public GetCommandTests()
    {
        _run = new BargeRun(_home.Path);
    }

    public void Dispose()
    {
        _home.Dispose();
        _work.Dispose();
    }

    [Fact]
    public async Task Get_FreshHome_PrintsNothingAndCreatesNoStore()
    {
        var result = await _run.RunAsync("get", "projects");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.False(File.Exists(Path.Combine(_home.Path, "barge.db")));
    }

    [Fact]
    public async Task Get_Stages_ShowsKargoColumnsWithStatus()
    {
        await ApplyPipelineAsync();
        await WriteStatusAsync("Stage", "dev", """
            {"freightSummary":"0/2 Fulfilled","health":{"status":"Healthy"},
             "conditions":[{"type":"Ready","status":"True","message":"Stage is ready"}]}
            """);

        var result = await _run.RunAsync("get", "stages", "-p", "grommet");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            "NAME      SHARD     CURRENT FREIGHT   HEALTH    READY     STATUS           AGE\n" +
            "dev                 0/2 Fulfilled     Healthy   True      Stage is ready   0s\n" +
            "prod                                            Unknown                    0s\n",
            result.Output);
    }

    [Fact]
    public async Task Get_StagesWide_AddsOrigins()
    {
        await ApplyPipelineAsync();

        var result = await _run.RunAsync("get", "stages", "-p", "grommet", "-o", "wide", "--no-headers");

        Assert.StartsWith("dev ", result.Output, StringComparison.Ordinal);
        Assert.Contains("grommet-dev,grommet-release", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("NAME", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Freight_ShowsAliasOriginAndAgeOldestFirst()
    {
        await ApplyPipelineAsync();
        await ApplyFreightAsync("grommet-dev", "dev-1", "2026-01-02T02:00:00Z", "older-otter");
        await ApplyFreightAsync("grommet-release", "v1.0.0", "2026-01-02T03:00:00Z", "newer-newt");

        var result = await _run.RunAsync("get", "freight", "-p", "grommet");

        var lines = result.Output.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Matches("^NAME +ALIAS +ORIGIN +AGE$", lines[0]);
        Assert.Matches("^[0-9a-f]{40} +older-otter +Warehouse/grommet-dev +64m$", lines[1]);
        Assert.Matches("^[0-9a-f]{40} +newer-newt +Warehouse/grommet-release +4m5s$", lines[2]);
    }

    [Fact]
    public async Task Get_FreightWithOrigin_FiltersByWarehouse()
    {
        await ApplyPipelineAsync();
        await ApplyFreightAsync("grommet-dev", "dev-1", "2026-01-02T02:00:00Z", "older-otter");
        await ApplyFreightAsync("grommet-release", "v1.0.0", "2026-01-02T03:00:00Z", "newer-newt");

        var result = await _run.RunAsync("get", "freight", "-p", "grommet", "--origin", "grommet-release", "-o", "json");

        var freight = JsonNode.Parse(result.Output)!;
        Assert.Equal("newer-newt", freight["alias"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_FreightWithStage_ShowsWhatIsAvailableToIt()
    {
        await ApplyPipelineAsync();
        await ApplyFreightAsync("grommet-dev", "dev-1", "2026-01-02T02:00:00Z", "dev-build");
        var verified = await ApplyFreightAsync("grommet-release", "v1.0.0", "2026-01-02T02:00:00Z", "soaked-release");
        var fresh = await ApplyFreightAsync("grommet-release", "v1.1.0", "2026-01-02T03:00:00Z", "fresh-release");
        await WriteStatusAsync("Freight", verified, """{"verifiedIn":{"dev":{}},"currentlyIn":{"dev":{"since":"2026-01-02T03:00:00Z"}}}""");
        await WriteStatusAsync("Freight", fresh, """{"verifiedIn":{"dev":{}},"currentlyIn":{"dev":{"since":"2026-01-02T03:04:03Z"}}}""");

        var prod = await _run.RunAsync("get", "freight", "-p", "grommet", "--stage", "prod", "--no-headers");
        var dev = await _run.RunAsync("get", "freight", "-p", "grommet", "--stage", "dev", "--no-headers");

        // prod takes releases verified in dev that soaked 5s there: the fresh one has been there 2s.
        Assert.True(prod.ExitCode == 0, prod.ToString());
        Assert.Single(prod.Output.TrimEnd('\n').Split('\n'));
        Assert.Contains("soaked-release", prod.Output, StringComparison.Ordinal);
        Assert.Equal(3, dev.Output.TrimEnd('\n').Split('\n').Length);
    }

    [Fact]
    public async Task Get_FreightByAlias_FindsIt()
    {
        await ApplyPipelineAsync();
        var name = await ApplyFreightAsync("grommet-dev", "dev-1", "2026-01-02T02:00:00Z", "older-otter");

        var result = await _run.RunAsync("get", "freight", "older-otter", "-p", "grommet", "-o", "yaml");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"  name: {name}\n", result.Output, StringComparison.Ordinal);
        Assert.Contains("alias: older-otter\n", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_SeveralAsJson_PrintsAListWithKargoManifests()
    {
        await ApplyPipelineAsync();

        var result = await _run.RunAsync("get", "warehouses", "-p", "grommet", "-o", "json");

        var list = JsonNode.Parse(result.Output)!.AsObject();
        Assert.Equal("List", list["kind"]!.GetValue<string>());
        var items = list["items"]!.AsArray();
        Assert.Equal(2, items.Count);
        Assert.Equal("kargo.akuity.io/v1alpha1", items[0]!["apiVersion"]!.GetValue<string>());
        Assert.Equal("Warehouse", items[0]!["kind"]!.GetValue<string>());
        Assert.Equal("grommet", items[0]!["metadata"]!["namespace"]!.GetValue<string>());
        Assert.Equal("1m0s", items[0]!["spec"]!["interval"]!.GetValue<string>());
        Assert.Contains("\n    \"items\": [", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_MissingName_PrintsTheOthersAndExitsOne()
    {
        await ApplyPipelineAsync();

        var result = await _run.RunAsync("get", "stages", "dev", "nope", "-p", "grommet", "--no-headers");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("dev ", result.Output, StringComparison.Ordinal);
        Assert.Contains("Stage \"nope\" not found in project \"grommet\"", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unknown-kind", new[] { "get", "widgets" }, 2, "unknown kind \"widgets\"")]
    [InlineData("unknown-format", new[] { "get", "stages", "-p", "grommet", "-o", "xml" }, 2, "unknown output format")]
    [InlineData("no-project", new[] { "get", "stages" }, 2, "project is required")]
    [InlineData("missing-project", new[] { "get", "stages", "-p", "nope" }, 1, "project \"nope\" not found")]
    [InlineData("stage-filter-on-stages", new[] { "get", "stages", "-p", "grommet", "--stage", "dev" }, 2, "freight only")]
    [InlineData("secrets-are-not-shown", new[] { "get", "secrets", "-p", "grommet" }, 2, "unknown kind")]
    public async Task Get_BadRequest_FailsWithClearError(string row, string[] args, int exitCode, string expected)
    {
        await ApplyPipelineAsync();

        var result = await _run.RunAsync(args);

        Assert.True(result.ExitCode == exitCode, row + ": " + result);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ShortNames_ResolveToTheKind()
    {
        await ApplyPipelineAsync();

        var full = await _run.RunAsync("get", "promotiontasks", "-p", "grommet");
        var alias = await _run.RunAsync("get", "promotask", "-p", "grommet");

        Assert.Equal(full.Output, alias.Output);
        Assert.Contains("deploy ", full.Output, StringComparison.Ordinal);
    }

    private async Task ApplyPipelineAsync()
    {
        var result = await _run.RunAsync("apply", "-f", ExamplePipeline.WriteTo(_work.Path));
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    /// <summary>Applies a Freight of the grommet Warehouses; returns its ID.</summary>
    private async Task<string> ApplyFreightAsync(string warehouse, string tag, string discoveredAt, string alias)
    {
        var file = Path.Combine(_work.Path, $"freight-{alias}.yaml");
        await File.WriteAllTextAsync(file, $"""
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Freight
            metadata:
              namespace: grommet
              name: ignored
            alias: {alias}
            discoveredAt: "{discoveredAt}"
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
              digest: {Digest}
            """);
        var result = await _run.RunAsync("apply", "-f", file);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Output.Split('/', ' ')[1];
    }

    private async Task WriteStatusAsync(string kind, string name, string statusJson)
    {
        await using var store = await StoreProbe.OpenAsync(_home.Path);
        var current = await store.GetAsync(new ResourceKey(kind, "grommet", name));
        await store.UpdateStatusAsync(current!.Key, current.ResourceVersion, JsonDocument.Parse(statusJson).RootElement.Clone());
    }
}
