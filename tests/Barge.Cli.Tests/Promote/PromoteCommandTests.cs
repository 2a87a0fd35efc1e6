using Barge.Testing;
using Xunit;

namespace Barge.Cli.Tests.Promote;

/// <summary>
/// <c>barge promote</c> on a real home. <see cref="Remote.PromoteCommandRemoteTests"/> runs every test again
/// through a <c>barge serve</c> over this home's store, whose controllers run the Promotions.
/// </summary>
public class PromoteCommandTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _home = new("cli-promote");
    private readonly BargeRun _run;
    private Remote.ServedHome? _server;

    public PromoteCommandTests() => _run = new BargeRun(_home.Path);

    /// <summary>True when the commands go through a server (the derived remote test class).</summary>
    protected virtual bool Served => false;

    public async Task InitializeAsync() => _server = await Remote.ServedHome.ServeIfAsync(Served, _home.Path, _run, controllers: true);

    public Task DisposeAsync() => _server?.DisposeAsync().AsTask() ?? Task.CompletedTask;

    public void Dispose()
    {
        _home.Dispose();
        GC.SuppressFinalize(this);
    }

    private static string Manifests(string lastStep) => $$$"""
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Project
        metadata:
          name: grommet
        ---
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Warehouse
        metadata:
          name: grommet-release
          namespace: grommet
        spec:
          subscriptions:
          - image:
              repoURL: registry.example.com/grommet
        ---
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Freight
        metadata:
          namespace: grommet
        alias: first-release
        origin:
          kind: Warehouse
          name: grommet-release
        images:
        - repoURL: registry.example.com/grommet
          tag: v1.4.0
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
              name: grommet-release
            sources:
              direct: true
          promotionTemplate:
            spec:
              steps:
              - uses: compose-output
                as: info
                config:
                  tag: ${{ imageFrom('registry.example.com/grommet').Tag }}
                  origin: ${{ ctx.targetFreight.origin.name }}
              - uses: {{{lastStep}}}
                config:
                  message: release ${{ outputs.info.tag }} from ${{ outputs.info.origin }}
        """;

    [Fact]
    public async Task Promote_ByWarehouse_RunsStepsAndExitsZeroOnSucceeded()
    {
        Assert.Equal(0, (await _run.RunWithInputAsync(Manifests("compose-output"), "apply", "-f", "-")).ExitCode);
        var result = await _run.RunAsync("promote", "-p", "grommet", "--stage", "dev", "--warehouse", "grommet-release", "--wait");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("[1/2] info (compose-output): Succeeded", result.Output, StringComparison.Ordinal);
        Assert.Matches(@": Succeeded\n$", result.Output);
        var promotions = await _run.RunAsync("get", "promotions", "-p", "grommet");
        Assert.Contains("Succeeded", promotions.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promote_FailStep_ExitsOneWithMessage()
    {
        Assert.Equal(0, (await _run.RunWithInputAsync(Manifests("fail"), "apply", "-f", "-")).ExitCode);
        var result = await _run.RunAsync("promote", "-p", "grommet", "--stage", "dev", "--freight-alias", "first-release", "--wait");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Failed: failed: release v1.4.0 from grommet-release", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promote_DryRun_StoresNoPromotion()
    {
        Assert.Equal(0, (await _run.RunWithInputAsync(Manifests("compose-output"), "apply", "-f", "-")).ExitCode);
        var result = await _run.RunAsync("promote", "-p", "grommet", "--stage", "dev", "--warehouse", "grommet-release", "--dry-run");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("[1/2] info (compose-output): Running\n[1/2] info (compose-output): Succeeded\n", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"\ndry run of dev\.[0-9a-z]+\.[0-9a-f]{7}: Succeeded\n$", result.Output);
        Assert.Empty(result.Error);
        var promotions = await _run.RunAsync("get", "promotions", "-p", "grommet", "-o", "json");
        Assert.DoesNotContain("\"kind\": \"Promotion\"", promotions.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("noStage", new[] { "--freight", "x" }, "--stage is required")]
    [InlineData("twoChoices", new[] { "--stage", "dev", "--freight", "x", "--warehouse", "w" }, "exactly one of")]
    [InlineData("unknownStage", new[] { "--stage", "nope", "--warehouse", "grommet-release" }, "Stage \"nope\" not found in project \"grommet\"")]
    [InlineData("unknownStage dry run", new[] { "--stage", "nope", "--warehouse", "grommet-release", "--dry-run" }, "Stage \"nope\" not found in project \"grommet\"")]
    [InlineData("unknownAlias dry run", new[] { "--stage", "dev", "--freight-alias", "nope", "--dry-run" }, "nope")]
    [InlineData("downstream with dry run", new[] { "--downstream-from", "dev", "--freight-alias", "first-release", "--dry-run" }, "cannot be combined")]
    [InlineData("wait and no-wait", new[] { "--stage", "dev", "--freight-alias", "first-release", "--wait", "--no-wait" }, "--wait and --no-wait exclude each other")]
    public async Task Promote_BadInput_ExitsTwo(string row, string[] args, string expected)
    {
        Assert.NotEmpty(row);
        Assert.Equal(0, (await _run.RunWithInputAsync(Manifests("compose-output"), "apply", "-f", "-")).ExitCode);
        var result = await _run.RunAsync(["promote", "-p", "grommet", .. args]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }
}
