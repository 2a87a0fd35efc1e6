using Barge.Cli.Tests.Approve;
using Barge.Engine.Pipeline;
using Xunit;

namespace Barge.Cli.Tests.Verify;

/// <summary>
/// <c>barge verify stage</c> on a real home. <see cref="Remote.VerifyStageCommandRemoteTests"/> runs every test
/// again through a <c>barge serve</c> over this home's store.
/// </summary>
public class VerifyStageCommandTests : IAsyncLifetime, IDisposable
{
    private readonly PipelineHome _home = new();
    private Remote.ServedHome? _server;

    /// <summary>True when the commands go through a server (the derived remote test class).</summary>
    protected virtual bool Served => false;

    /// <summary>Who asks: the local user in embedded mode, the token's identity through a server.</summary>
    private string Actor => Served ? "admin" : "subject:jane";

    public async Task InitializeAsync() => _server = await Remote.ServedHome.ServeIfAsync(Served, _home.Path, _home.Run);

    public Task DisposeAsync() => _server?.DisposeAsync().AsTask() ?? Task.CompletedTask;

    public void Dispose()
    {
        _home.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task DevVerificationAsync(string phase)
    {
        await _home.ApplyPipelineAsync();
        var id = await _home.ApplyFreightAsync("grommet-dev", "dev-1", "dev-build");
        await _home.WriteStatusAsync("Stage", "dev", $$"""
            {"freightHistory":[{"id":"c1","items":{"Warehouse/grommet-dev":{"name":"{{id}}","origin":{"kind":"Warehouse","name":"grommet-dev"} } },
              "verificationHistory":[{"id":"v-1","phase":"{{phase}}"}]}]}
            """);
    }

    [Fact]
    public async Task Verify_Stage_RequestsReverifyOfTheCurrentVerification()
    {
        await DevVerificationAsync("Failed");

        var result = await _home.Run.RunAsync("verify", "stage", "dev", "-p", "grommet");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Stage \"dev\" in project \"grommet\": re-verification of verification \"v-1\" requested\n", result.Output);
        var dev = await _home.GetAsync("Stage", "dev");
        Assert.Equal(new VerificationRequest("v-1", Actor, false), VerificationRequest.Parse(dev!.Annotations[PipelineAnnotations.Reverify]));
    }

    [Fact]
    public async Task Verify_StageAbort_RequestsAbortOfTheRunningVerification()
    {
        await DevVerificationAsync("Running");

        var result = await _home.Run.RunAsync("verify", "stage", "dev", "--abort", "-p", "grommet");

        Assert.True(result.ExitCode == 0, result.ToString());
        var dev = await _home.GetAsync("Stage", "dev");
        Assert.True(VerificationRequest.Parse(dev!.Annotations[PipelineAnnotations.Abort])!.IsFor("v-1"));
    }

    [Fact]
    public async Task Verify_StageTwice_SecondSaysAlreadyRequested()
    {
        await DevVerificationAsync("Failed");
        await _home.Run.RunAsync("verify", "stage", "dev", "-p", "grommet");

        var result = await _home.Run.RunAsync("verify", "stage", "dev", "-p", "grommet");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Stage \"dev\" in project \"grommet\": re-verification of \"v-1\" is already requested\n", result.Output);
    }

    [Fact]
    public async Task Verify_StageAbortWhenFinished_SaysSoAndWritesNothing()
    {
        await DevVerificationAsync("Successful");

        var result = await _home.Run.RunAsync("verify", "stage", "dev", "--abort", "-p", "grommet");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("already finished", result.Output, StringComparison.Ordinal);
        Assert.False((await _home.GetAsync("Stage", "dev"))!.Annotations.ContainsKey(PipelineAnnotations.Abort));
    }

    [Theory]
    [InlineData("unknown stage", "qa", 1, "Stage \"qa\" not found in project \"grommet\"")]
    [InlineData("no current freight", "prod", 1, "Stage \"prod\" in project \"grommet\" has no current Freight")]
    [InlineData("unknown project", "dev", 1, "Stage \"dev\" not found in project \"nowhere\"")]
    public async Task Verify_BadRequest_Fails(string scenario, string stage, int exitCode, string expected)
    {
        await DevVerificationAsync("Failed");

        var project = scenario == "unknown project" ? "nowhere" : "grommet";

        var result = await _home.Run.RunAsync("verify", "stage", stage, "-p", project);

        Assert.True(result.ExitCode == exitCode, scenario + ": " + result);
        Assert.Equal("error: " + expected + "\n", result.Error);
        Assert.Empty(result.Output);
    }
}
