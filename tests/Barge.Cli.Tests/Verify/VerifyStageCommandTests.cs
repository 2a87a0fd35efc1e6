using Barge.Cli.Tests.Approve;
using Barge.Engine.Pipeline;
using Xunit;

namespace Barge.Cli.Tests.Verify;

public sealed class VerifyStageCommandTests : IDisposable
{
    private readonly PipelineHome _home = new();

    public void Dispose() => _home.Dispose();

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
        var dev = await _home.GetAsync("Stage", "dev");
        Assert.Equal(new VerificationRequest("v-1", "subject:jane", false), VerificationRequest.Parse(dev!.Annotations[PipelineAnnotations.Reverify]));
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
    public async Task Verify_BadRequest_Fails(string scenario, string stage, int exitCode, string expected)
    {
        await DevVerificationAsync("Failed");

        var result = await _home.Run.RunAsync("verify", "stage", stage, "-p", "grommet");

        Assert.True(result.ExitCode == exitCode, scenario + ": " + result);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }
}
