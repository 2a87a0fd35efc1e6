using System.Text.Json;
using System.Text.Json.Nodes;
using Barge.Storage;
using Barge.Testing;
using Xunit;

namespace Barge.Cli.Tests.Get;

/// <summary>
/// <c>barge get</c> on a real home. <see cref="Remote.GetCommandRemoteTests"/> runs every test again in
/// remote mode: the same commands (apply included) through a <c>barge serve</c> over this home's store.
/// </summary>
public class GetCommandTests : IAsyncLifetime, IDisposable
{
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private readonly TempDirectory _home = new("cli");
    private readonly TempDirectory _work = new("cli-work");
    private readonly BargeRun _run;

    public GetCommandTests()
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
    public async Task Get_FreshHome_PrintsNothingAndCreatesNoStore()
    {
        var result = await _run.RunAsync("get", "projects");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Output);
        // In remote mode the server, not the command, has opened the store.
        Assert.Equal(Served, File.Exists(Path.Combine(_home.Path, "barge.db")));
    }

    [Fact]
    public async Task Get_Stages_ShowsCurrentFreightPerOriginVerificationAndLastPromotion()
    {
        await ApplyPipelineAsync();
        var name = await ApplyFreightAsync("grommet-dev", "dev-1", "2026-01-02T02:00:00Z", "older-otter");
        await WriteStatusAsync("Stage", "dev", $$"""
            {"freightSummary":"1/2 Fulfilled","health":{"status":"Healthy"},
             "freightHistory":[{"id":"c1","items":{"Warehouse/grommet-dev":{"name":"{{name}}","origin":{"kind":"Warehouse","name":"grommet-dev"} } },
                                "verificationHistory":[{"id":"v1","phase":"Running"}]}],
             "lastPromotion":{"name":"dev.01abc.{{name[..7]}}","finishedAt":"2026-01-02T03:02:05Z","status":{"phase":"Succeeded"} },
             "conditions":[{"type":"Ready","status":"True","message":"Stage is ready"}]}
            """);

        var result = await _run.RunAsync("get", "stages", "-p", "grommet");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            "NAME      SHARD     CURRENT FREIGHT           HEALTH    VERIFICATION   LAST PROMOTION     READY     STATUS           AGE\n" +
            "dev                 grommet-dev:older-otter   Healthy   Running        Succeeded 2m ago   True      Stage is ready   0s\n" +
            "prod                                                                                      Unknown                    0s\n",
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
    public async Task Get_FreightWithStageWide_ShowsEveryFreightOfItsOriginsWithWhyNot()
    {
        await ApplyPipelineAsync();
        var verified = await ApplyFreightAsync("grommet-release", "v1.0.0", "2026-01-02T02:00:00Z", "soaked-release");
        var fresh = await ApplyFreightAsync("grommet-release", "v1.1.0", "2026-01-02T03:00:00Z", "fresh-release");
        await ApplyFreightAsync("grommet-release", "v1.2.0", "2026-01-02T03:01:00Z", "unverified-release");
        await WriteStatusAsync("Freight", verified, """{"verifiedIn":{"dev":{}},"currentlyIn":{"dev":{"since":"2026-01-02T03:00:00Z"}}}""");
        await WriteStatusAsync("Freight", fresh, """{"verifiedIn":{"dev":{}},"currentlyIn":{"dev":{"since":"2026-01-02T03:04:03Z"}}}""");

        var result = await _run.RunAsync("get", "freight", "-p", "grommet", "--stage", "prod", "-o", "wide");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Output.TrimEnd('\n').Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.Contains("AVAILABLE", lines[0], StringComparison.Ordinal);
        Assert.Contains("WHY NOT", lines[0], StringComparison.Ordinal);
        Assert.Matches("soaked-release .* verified-upstream ", lines.Single(l => l.Contains("soaked-release", StringComparison.Ordinal)));
        Assert.Matches("fresh-release .* no +.*soak", lines.Single(l => l.Contains("fresh-release", StringComparison.Ordinal)));
        Assert.Matches("unverified-release .* no +.*dev", lines.Single(l => l.Contains("unverified-release", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Get_PromotionsWithStage_ShowsOnlyThatStagesPromotions()
    {
        await ApplyPipelineAsync();
        await using (var store = await StoreProbe.OpenAsync(_home.Path))
        {
            foreach (var (name, stage) in new[] { ("dev.a", "dev"), ("dev.b", "dev"), ("prod.a", "prod") })
            {
                await store.CreateAsync(new NewResource(new ResourceKey("Promotion", "grommet", name), "kargo.akuity.io/v1alpha1",
                    JsonDocument.Parse($$"""{"stage":"{{stage}}","freight":"f1","steps":[{"uses":"git-clone"}]}""").RootElement.Clone()));
            }
        }

        var result = await _run.RunAsync("get", "promotions", "-p", "grommet", "--stage", "dev", "--no-headers");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["dev.a", "dev.b"], result.Output.TrimEnd('\n').Split('\n').Select(l => l.Split(' ')[0]));
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
    [InlineData("stage-filter-on-stages", new[] { "get", "stages", "-p", "grommet", "--stage", "dev" }, 2, "--stage filters freight")]
    [InlineData("origin-filter-on-promotions", new[] { "get", "promotions", "-p", "grommet", "--origin", "grommet-dev" }, 2, "--origin filters freight only")]
    [InlineData("promotions-of-unknown-stage", new[] { "get", "promotions", "-p", "grommet", "--stage", "qa" }, 1, "Stage \"qa\" not found in project \"grommet\"")]
    [InlineData("freight-for-unknown-stage", new[] { "get", "freight", "-p", "grommet", "--stage", "qa" }, 1, "Stage \"qa\" not found in project \"grommet\"")]
    [InlineData("freight-for-unrequested-origin", new[] { "get", "freight", "-p", "grommet", "--stage", "prod", "--origin", "grommet-dev" }, 1, "does not request Freight from Warehouse \"grommet-dev\"")]
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
