using System.Text.Json.Nodes;
using Barge.Engine.Promotion;
using Barge.Resources.Model;
using Xunit;
using static Barge.Engine.Tests.Promotion.PromotionScenario;
using ModelStepStatus = Barge.Resources.Model.StepStatus;

namespace Barge.Engine.Tests.Promotion;

public sealed class PromotionEngineTests
{
    private static async Task<(EngineFixture Fixture, string Name, ScriptedStep Scripted)> StartAsync(params PromotionStep[] steps)
    {
        var fixture = await EngineFixture.CreateAsync();
        await SetUpAsync(fixture, Stage(steps));
        var name = await CreateAsync(fixture);
        return (fixture, name, new ScriptedStep(fixture.Time));
    }

    private static async Task<PromotionRunOutcome> RunAsync(EngineFixture fixture, string name, ScriptedStep scripted) =>
        await fixture.Engine(EngineFixture.Registry(scripted)).RunOnceAsync("p", name);

    private static JsonObject Json(string json) => JsonNode.Parse(json)!.AsObject();

    [Fact]
    public async Task RunOnce_AllStepsSucceed_SucceededWithStateAndMetadata()
    {
        var (fixture, name, scripted) = await StartAsync(Scripted("a", extra: Json("""{"output":{"x":1}}""")), Scripted("b"));
        await using var _ = fixture;
        var outcome = await RunAsync(fixture, name, scripted);
        Assert.Equal(PromotionPhase.Succeeded, outcome.Phase);
        var stored = await fixture.GetPromotionAsync(name);
        Assert.Equal(["step-1", "step-2"], stored.Status!.StepExecutionMetadata!.Select(m => m.Alias));
        Assert.All(stored.Status.StepExecutionMetadata!, m => Assert.Equal(ModelStepStatus.Succeeded, m.Status));
        Assert.Equal(1, stored.Status.State!["step-1"]!["x"]!.GetValue<double>());
        Assert.NotNull(stored.Status.FinishedAt);
    }

    [Fact]
    public async Task RunOnce_StepWithoutIfAfterFailure_IsSkippedAndPhaseFailed()
    {
        var (fixture, name, scripted) = await StartAsync(
            Scripted("a", extra: Json("""{"status":"Failed","terminal":true,"message":"bad"}""")), Scripted("b"));
        await using var _ = fixture;
        var outcome = await RunAsync(fixture, name, scripted);
        Assert.Equal(PromotionPhase.Failed, outcome.Phase);
        Assert.Equal("bad", outcome.Message);
        Assert.Equal(ModelStepStatus.Skipped, outcome.Status.StepExecutionMetadata![1].Status);
        Assert.False(scripted.Runs.ContainsKey("b"));
    }

    [Theory]
    [InlineData("always", "${{ always() }}", true)]
    [InlineData("failure", "${{ failure() }}", true)]
    [InlineData("success", "${{ success() }}", false)]
    [InlineData("statusOfFailedStep", "${{ status('first') == 'Failed' }}", true)]
    [InlineData("statusOfUnknownAlias", "${{ status('nope') == '' }}", true)]
    public async Task RunOnce_IfAfterFailure_RunsPerExpression(string row, string condition, bool runs)
    {
        Assert.NotEmpty(row);
        var (fixture, name, scripted) = await StartAsync(
            Scripted("a", alias: "first", extra: Json("""{"status":"Failed","terminal":true}""")), Scripted("b", @if: condition));
        await using var _f = fixture;
        await RunAsync(fixture, name, scripted);
        Assert.Equal(runs, scripted.Runs.ContainsKey("b"));
    }

    [Fact]
    public async Task RunOnce_IfNotBool_StepErroredAndLaterAlwaysStepRuns()
    {
        var (fixture, name, scripted) = await StartAsync(Scripted("a", @if: "${{ 'yes' }}"), Scripted("b", @if: "${{ always() }}"));
        await using var _ = fixture;
        var outcome = await RunAsync(fixture, name, scripted);
        Assert.Equal(PromotionPhase.Errored, outcome.Phase);
        Assert.Contains("expression must evaluate to a boolean, got string", outcome.Message, StringComparison.Ordinal);
        Assert.True(scripted.Runs.ContainsKey("b"));
    }

    [Fact]
    public async Task RunOnce_ContinueOnError_FailureIgnoredByFinalPhaseAndSkipRule()
    {
        var (fixture, name, scripted) = await StartAsync(
            Scripted("a", continueOnError: true, extra: Json("""{"status":"Errored","terminal":true}""")), Scripted("b"));
        await using var _ = fixture;
        var outcome = await RunAsync(fixture, name, scripted);
        Assert.Equal(PromotionPhase.Succeeded, outcome.Phase);
        Assert.True(scripted.Runs.ContainsKey("b"));
        Assert.Equal(ModelStepStatus.Errored, outcome.Status.StepExecutionMetadata![0].Status);
    }

    [Fact]
    public async Task RunOnce_RetryableErrorsBelowThreshold_RetriedUntilSuccess()
    {
        var (fixture, name, scripted) = await StartAsync(
            Scripted("a", retry: new PromotionStepRetry { ErrorThreshold = 3 }, extra: Json("""{"failTimes":2,"message":"flaky"}""")));
        await using var _ = fixture;
        var first = await RunAsync(fixture, name, scripted);
        Assert.Equal(PromotionPhase.Running, first.Phase);
        Assert.Equal("flaky; step will be retried", first.Status.StepExecutionMetadata![0].Message);
        Assert.NotNull(first.RequeueAfter);
        await RunAsync(fixture, name, scripted);
        var third = await RunAsync(fixture, name, scripted);
        Assert.Equal(PromotionPhase.Succeeded, third.Phase);
        Assert.Equal(3, scripted.Runs["a"]);
    }

    [Fact]
    public async Task RunOnce_ErrorThresholdReached_ErroredWithKargoMessage()
    {
        var (fixture, name, scripted) = await StartAsync(Scripted("a", extra: Json("""{"status":"Errored","message":"boom"}""")));
        await using var _ = fixture;
        var outcome = await RunAsync(fixture, name, scripted);
        Assert.Equal(PromotionPhase.Errored, outcome.Phase);
        Assert.Equal("step \"step-1\" met error threshold of 1: boom", outcome.Message);
    }

    [Fact]
    public async Task RunOnce_TerminalError_UnrecoverableMessage()
    {
        var (fixture, name, scripted) = await StartAsync(Scripted("a", extra: Json("""{"status":"Errored","terminal":true,"message":"broken"}""")));
        await using var _ = fixture;
        var outcome = await RunAsync(fixture, name, scripted);
        Assert.Equal("an unrecoverable error occurred: broken", outcome.Message);
    }

    [Fact]
    public async Task RunOnce_RunningPastTimeout_ErroredTimedOut()
    {
        var (fixture, name, scripted) = await StartAsync(
            Scripted("a", retry: new PromotionStepRetry { Timeout = "1m" }, extra: Json("""{"status":"Running","retryAfterSeconds":30}""")));
        await using var _ = fixture;
        var first = await RunAsync(fixture, name, scripted);
        Assert.Equal(PromotionPhase.Running, first.Phase);
        Assert.Equal(TimeSpan.FromSeconds(30), first.RequeueAfter);
        fixture.Time.Advance(TimeSpan.FromSeconds(61));
        var second = await RunAsync(fixture, name, scripted);
        Assert.Equal(PromotionPhase.Errored, second.Phase);
        Assert.Equal("step \"step-1\" timed out after 1m0s", second.Message);
    }

    [Fact]
    public async Task RunOnce_RunningStep_RequeueClampedToTenSeconds()
    {
        var (fixture, name, scripted) = await StartAsync(Scripted("a", extra: Json("""{"status":"Running","retryAfterSeconds":1}""")));
        await using var _ = fixture;
        var outcome = await RunAsync(fixture, name, scripted);
        Assert.Equal(TimeSpan.FromSeconds(10), outcome.RequeueAfter);
    }

    [Fact]
    public async Task RunOnce_UnregisteredUses_ErroredAndLaterAlwaysStepRuns()
    {
        var (fixture, name, scripted) = await StartAsync(Step("no-such-step"), Scripted("b", @if: "${{ always() }}"));
        await using var _ = fixture;
        var outcome = await RunAsync(fixture, name, scripted);
        Assert.Equal(PromotionPhase.Errored, outcome.Phase);
        Assert.Equal("step kind \"no-such-step\" is not registered", outcome.Message);
        Assert.True(scripted.Runs.ContainsKey("b"));
    }

    [Theory]
    [InlineData("erroredBeatsFailed", "Errored", "Failed", PromotionPhase.Errored)]
    [InlineData("failedBeatsSkipped", "Failed", "Succeeded", PromotionPhase.Failed)]
    public async Task RunOnce_FinalPhase_MostSevereStep(string row, string first, string second, PromotionPhase expected)
    {
        Assert.NotEmpty(row);
        var (fixture, name, scripted) = await StartAsync(
            Scripted("a", extra: Json($$"""{"status":"{{first}}","terminal":true}""")),
            Scripted("b", @if: "${{ always() }}", extra: Json($$"""{"status":"{{second}}","terminal":true}""")));
        await using var _ = fixture;
        Assert.Equal(expected, (await RunAsync(fixture, name, scripted)).Phase);
    }

    [Fact]
    public async Task RunOnce_AfterRestartMidPromotion_ResumesAtRunningStepWithoutRepeatingFinishedOnes()
    {
        var (fixture, name, scripted) = await StartAsync(
            Scripted("push", extra: Json("""{"output":{"pushed":true}}""")),
            Scripted("wait", extra: Json("""{"status":"Running","retryAfterSeconds":30}""")));
        await using var _ = fixture;
        var first = await RunAsync(fixture, name, scripted);
        Assert.Equal(PromotionPhase.Running, first.Phase);
        // A new process: new engine, new step instances; only the store and the work directory survive.
        var restarted = new ScriptedStep(fixture.Time);
        var stored = await fixture.GetPromotionAsync(name);
        Assert.Equal(1, stored.Status!.CurrentStep);
        await RunAsync(fixture, name, restarted);
        Assert.False(restarted.Runs.ContainsKey("push"));
        Assert.Equal(1, restarted.Runs["wait"]);
    }

    [Fact]
    public async Task RequestAbort_RunningPromotion_AbortedWithActorMessage()
    {
        var (fixture, name, scripted) = await StartAsync(Scripted("a", extra: Json("""{"status":"Running"}""")), Scripted("b"));
        await using var _ = fixture;
        await RunAsync(fixture, name, scripted);
        var engine = fixture.Engine(EngineFixture.Registry(scripted));
        Assert.True(await engine.RequestAbortAsync("p", name, "alice"));
        var outcome = await engine.RunOnceAsync("p", name);
        Assert.Equal(PromotionPhase.Aborted, outcome.Phase);
        Assert.Equal("Promotion terminated by alice", outcome.Message);
        Assert.Equal(ModelStepStatus.Aborted, outcome.Status.StepExecutionMetadata![0].Status);
        Assert.False(scripted.Runs.ContainsKey("b"));
        Assert.False(await engine.RequestAbortAsync("p", name, "alice"));
    }

    [Fact]
    public async Task RunOnce_Terminal_WorkDirectoryRemoved()
    {
        var (fixture, name, scripted) = await StartAsync(Step("compose-output", config: new { x = "1" }));
        await using var _ = fixture;
        await RunAsync(fixture, name, scripted);
        Assert.Empty(Directory.Exists(fixture.WorkRoot) ? Directory.GetDirectories(fixture.WorkRoot) : []);
    }

    [Fact]
    public async Task RunOnce_WorkDirectoryWithLinkOutside_RemovalDoesNotFollowIt()
    {
        using var outside = new Barge.Testing.TempDirectory("barge-outside");
        File.WriteAllText(outside.Combine("keep.txt"), "keep");
        var (fixture, name, scripted) = await StartAsync(Scripted("a", extra: Json("""{"status":"Running"}""")));
        await using var _ = fixture;
        await RunAsync(fixture, name, scripted);
        var work = Directory.GetDirectories(fixture.WorkRoot).Single();
        Directory.CreateSymbolicLink(Path.Combine(work, "link"), outside.Path);
        await fixture.Engine().RequestAbortAsync("p", name, "");
        await RunAsync(fixture, name, scripted);
        Assert.False(Directory.Exists(work));
        Assert.True(File.Exists(outside.Combine("keep.txt")));
    }

    [Fact]
    public async Task RunOnce_WorkDirectoryLost_RestartsFromFirstStepKeepingState()
    {
        var (fixture, name, scripted) = await StartAsync(
            Scripted("a", extra: Json("""{"output":{"x":"kept"}}""")),
            Scripted("b", extra: Json("""{"status":"Running"}""")));
        await using var _ = fixture;
        await RunAsync(fixture, name, scripted);
        Directory.Delete(Directory.GetDirectories(fixture.WorkRoot).Single(), recursive: true);
        var outcome = await RunAsync(fixture, name, scripted);
        Assert.Equal(2, scripted.Runs["a"]);
        Assert.Equal(PromotionPhase.Running, outcome.Phase);
        Assert.Equal("kept", outcome.Status.State!["step-1"]!["x"]!.GetValue<string>());
    }
}
