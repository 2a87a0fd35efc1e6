using Barge.Engine.Tests.Promotion.Steps;
using Barge.Resources.Model;
using Xunit;
using static Barge.Engine.Tests.Verification.VerificationWorld;

namespace Barge.Engine.Tests.Verification;

public sealed class HttpAnalysisRunnerTests
{
    private static string Template(string url, string metric) => $$$"""
        apiVersion: argoproj.io/v1alpha1
        kind: AnalysisTemplate
        metadata:
          name: smoke
        spec:
          args:
          - name: token
          - name: host
            value: default-host
          metrics:
          - name: ready
        {{{metric}}}
            provider:
              web:
                url: {{{url}}}
                headers:
                - key: Authorization
                  value: Bearer {{args.token}}
                - key: X-Host
                  value: "{{args.host}}"
                jsonPath: "{$.data.ready}"
        """;

    private static async Task<(VerificationWorld World, LocalHttpServer Server)> WorldAsync(string metric, Func<RecordedRequest, HttpReply> reply, string path = "health")
    {
        var world = await VerificationWorld.CreateAsync();
        var server = new LocalHttpServer(reply);
        await world.PutTemplatesAsync(Template(server.At(path), metric));
        return (world, server);
    }

    private static HttpReply Ready(object value) =>
        new(200, "{\"data\":{\"ready\":" + System.Text.Json.JsonSerializer.Serialize(value) + "}}", "application/json");

    [Fact]
    public async Task StartAsync_ThenPoll_MeasuresWithArgsAndSucceeds()
    {
        var (world, server) = await WorldAsync("    successCondition: result == true", _ => Ready(true));
        await using var _ = world;
        await using var __ = server;
        var stage = Dev(["smoke"], ("token", "s3cret"), ("host", "${{ vars.host }}"));
        var runner = world.Runner();

        var started = await runner.StartAsync(stage, Pending(), CancellationToken.None);
        var polled = await runner.PollAsync(stage, started.Info, CancellationToken.None);

        Assert.Equal(VerificationPhase.Running, started.Info.Phase);
        Assert.Equal(TimeSpan.Zero, started.RecheckAfter);
        Assert.StartsWith("dev.", started.Info.AnalysisRun!.Name, StringComparison.Ordinal);
        Assert.Equal(VerificationPhase.Successful, polled.Info.Phase);
        Assert.Null(polled.RecheckAfter);
        Assert.Equal(world.Fixture.Time.GetUtcNow(), polled.Info.FinishTime);
        var request = Assert.Single(server.Requests);
        Assert.Equal(("GET", "/health", "Bearer s3cret", "dev-host"), (request.Method, request.Target, request.Headers["authorization"], request.Headers["x-host"]));
        Assert.Equal("Successful", polled.Info.AnalysisRun!.Phase);
    }

    [Fact]
    public async Task PollAsync_CountAndInterval_TakesOnlyTheMeasurementsThatAreDue()
    {
        var (world, server) = await WorldAsync("    interval: 10s\n    count: 3\n    successCondition: result > 0.5", _ => Ready(0.9));
        await using var _ = world;
        await using var __ = server;
        var stage = Dev(["smoke"], ("token", "t"));
        var runner = world.Runner();
        var progress = await runner.StartAsync(stage, Pending(), CancellationToken.None);

        progress = await runner.PollAsync(stage, progress.Info, CancellationToken.None);
        Assert.Equal((VerificationPhase.Running, TimeSpan.FromSeconds(10)), (progress.Info.Phase, progress.RecheckAfter));
        progress = await runner.PollAsync(stage, progress.Info, CancellationToken.None);
        world.Fixture.Time.Advance(TimeSpan.FromSeconds(4));
        progress = await runner.PollAsync(stage, progress.Info, CancellationToken.None);
        Assert.Single(server.Requests);
        Assert.Equal(TimeSpan.FromSeconds(6), progress.RecheckAfter);

        world.Fixture.Time.Advance(TimeSpan.FromSeconds(6));
        progress = await runner.PollAsync(stage, progress.Info, CancellationToken.None);
        world.Fixture.Time.Advance(TimeSpan.FromSeconds(10));
        progress = await runner.PollAsync(stage, progress.Info, CancellationToken.None);

        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(VerificationPhase.Successful, progress.Info.Phase);
    }

    [Theory]
    [InlineData("failure condition true", "    failureCondition: result == false", false, VerificationPhase.Failed)]
    [InlineData("success condition false", "    successCondition: result == true", false, VerificationPhase.Failed)]
    [InlineData("neither condition true", "    successCondition: result > 5.0\n    failureCondition: result < 1.0", 3, VerificationPhase.Inconclusive)]
    [InlineData("no condition", "    count: 1", "anything", VerificationPhase.Successful)]
    [InlineData("non-bool condition", "    successCondition: result", 3, VerificationPhase.Error)]
    [InlineData("string result", "    successCondition: result == 'ok'", "ok", VerificationPhase.Successful)]
    public async Task PollAsync_Conditions_GiveArgosPhases(string scenario, string metric, object value, VerificationPhase expected)
    {
        var (world, server) = await WorldAsync(metric + "\n    consecutiveErrorLimit: 0", _ => Ready(value));
        await using var _ = world;
        await using var __ = server;
        var stage = Dev(["smoke"], ("token", "t"));
        var runner = world.Runner();

        var started = await runner.StartAsync(stage, Pending(), CancellationToken.None);
        var polled = await runner.PollAsync(stage, started.Info, CancellationToken.None);

        Assert.True(expected == polled.Info.Phase, $"{scenario}: {polled.Info.Phase} {polled.Info.Message}");
    }

    [Fact]
    public async Task PollAsync_FailureLimit_ToleratesThatManyFailures()
    {
        var (world, server) = await WorldAsync("    interval: 1s\n    count: 5\n    failureLimit: 1\n    successCondition: result == true", _ => Ready(false));
        await using var _ = world;
        await using var __ = server;
        var stage = Dev(["smoke"], ("token", "t"));
        var runner = world.Runner();
        var progress = await runner.StartAsync(stage, Pending(), CancellationToken.None);

        progress = await runner.PollAsync(stage, progress.Info, CancellationToken.None);
        Assert.Equal(VerificationPhase.Running, progress.Info.Phase);
        world.Fixture.Time.Advance(TimeSpan.FromSeconds(1));
        progress = await runner.PollAsync(stage, progress.Info, CancellationToken.None);

        Assert.Equal(VerificationPhase.Failed, progress.Info.Phase);
        Assert.Contains("failed (2) > failureLimit (1)", progress.Info.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollAsync_ServerErrors_ErrorAfterConsecutiveErrorLimit()
    {
        var (world, server) = await WorldAsync("    interval: 1s\n    consecutiveErrorLimit: 1\n    successCondition: result == true", _ => new HttpReply(503, "down"));
        await using var _ = world;
        await using var __ = server;
        var stage = Dev(["smoke"], ("token", "t"));
        var runner = world.Runner();
        var progress = await runner.StartAsync(stage, Pending(), CancellationToken.None);

        progress = await runner.PollAsync(stage, progress.Info, CancellationToken.None);
        Assert.Equal(VerificationPhase.Running, progress.Info.Phase);
        world.Fixture.Time.Advance(TimeSpan.FromSeconds(1));
        progress = await runner.PollAsync(stage, progress.Info, CancellationToken.None);

        Assert.Equal(VerificationPhase.Error, progress.Info.Phase);
        Assert.Contains("consecutiveErrors (2) > consecutiveErrorLimit (1)", progress.Info.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not JSON", "<html>", "could not parse the response as JSON")]
    [InlineData("path missing", """{"data":{}}""", "jsonPath {$.data.ready}: ready is not found")]
    public async Task PollAsync_UnreadableResponse_MeasurementError(string scenario, string body, string message)
    {
        var (world, server) = await WorldAsync("    consecutiveErrorLimit: 0\n    successCondition: result == true", _ => new HttpReply(200, body));
        await using var _ = world;
        await using var __ = server;
        var stage = Dev(["smoke"], ("token", "t"));
        var runner = world.Runner();

        var started = await runner.StartAsync(stage, Pending(), CancellationToken.None);
        var polled = await runner.PollAsync(stage, started.Info, CancellationToken.None);

        Assert.Equal(VerificationPhase.Error, polled.Info.Phase);
        var run = Assert.Single(await world.RunsAsync());
        Assert.True(run.Status!.Value.GetRawText().Contains(message, StringComparison.Ordinal), $"{scenario}: {run.Status.Value.GetRawText()}");
    }

    [Fact]
    public async Task PollAsync_InitialDelay_NoMeasurementBeforeIt()
    {
        var (world, server) = await WorldAsync("    initialDelay: 30s\n    successCondition: result == true", _ => Ready(true));
        await using var _ = world;
        await using var __ = server;
        var stage = Dev(["smoke"], ("token", "t"));
        var runner = world.Runner();

        var progress = await runner.StartAsync(stage, Pending(), CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(30), progress.RecheckAfter);
        progress = await runner.PollAsync(stage, progress.Info, CancellationToken.None);
        Assert.Empty(server.Requests);
        world.Fixture.Time.Advance(TimeSpan.FromSeconds(30));
        progress = await runner.PollAsync(stage, progress.Info, CancellationToken.None);

        Assert.Single(server.Requests);
        Assert.Equal(VerificationPhase.Successful, progress.Info.Phase);
    }

    [Fact]
    public async Task StartAsync_AfterRestart_ResumesTheRunningRunInsteadOfStartingAnother()
    {
        var (world, server) = await WorldAsync("    interval: 10s\n    count: 2\n    successCondition: result == true", _ => Ready(true));
        await using var _ = world;
        await using var __ = server;
        var stage = Dev(["smoke"], ("token", "t"));
        var before = world.Runner();
        var first = await before.StartAsync(stage, Pending("v-1"), CancellationToken.None);
        await before.PollAsync(stage, first.Info, CancellationToken.None);

        // A new process: the reconciler lost its attempt and starts again with a new ID.
        var after = world.Runner();
        var again = await after.StartAsync(stage, Pending("v-2"), CancellationToken.None);
        var immediately = await after.PollAsync(stage, again.Info, CancellationToken.None);
        world.Fixture.Time.Advance(TimeSpan.FromSeconds(10));
        var done = await after.PollAsync(stage, again.Info, CancellationToken.None);

        Assert.Equal(first.Info.AnalysisRun!.Name, again.Info.AnalysisRun!.Name);
        Assert.Equal(TimeSpan.FromSeconds(10), immediately.RecheckAfter);
        Assert.Equal(VerificationPhase.Successful, done.Info.Phase);
        Assert.Equal(2, server.Requests.Count);
        Assert.Single(await world.RunsAsync());
    }

    [Fact]
    public async Task AbortAsync_Running_StopsMeasuring()
    {
        var (world, server) = await WorldAsync("    interval: 1s\n    successCondition: result == true", _ => Ready(true));
        await using var _ = world;
        await using var __ = server;
        var stage = Dev(["smoke"], ("token", "t"));
        var runner = world.Runner();
        var started = await runner.StartAsync(stage, Pending(), CancellationToken.None);

        await runner.AbortAsync(stage, started.Info with { Phase = VerificationPhase.Failed }, CancellationToken.None);
        world.Fixture.Time.Advance(TimeSpan.FromSeconds(5));
        var polled = await runner.PollAsync(stage, started.Info, CancellationToken.None);

        Assert.Empty(server.Requests);
        Assert.Equal(VerificationPhase.Aborted, polled.Info.Phase);
        Assert.Null(polled.RecheckAfter);
    }

    [Theory]
    [InlineData("missing template", new[] { "nope" }, "token", "AnalysisTemplate \"nope\" not found")]
    [InlineData("arg without value", new[] { "smoke" }, null, "argument(s) \"token\" have no value")]
    public async Task StartAsync_CannotStart_ErrorNamingStageAndTemplate(string scenario, string[] templates, string? token, string message)
    {
        var (world, server) = await WorldAsync("    successCondition: result == true", _ => Ready(true));
        await using var _ = world;
        await using var __ = server;
        var stage = token is null ? Dev(templates) : Dev(templates, ("token", token));

        var started = await world.Runner().StartAsync(stage, Pending(), CancellationToken.None);

        Assert.True(started.Info.Phase == VerificationPhase.Error, scenario);
        Assert.StartsWith("Stage \"dev\" in project \"grommet\": ", started.Info.Message, StringComparison.Ordinal);
        Assert.Contains(message, started.Info.Message, StringComparison.Ordinal);
        Assert.Null(started.RecheckAfter);
        Assert.Empty(await world.RunsAsync());
    }

    [Fact]
    public async Task StartAsync_UnknownArgReference_Error()
    {
        await using var world = await VerificationWorld.CreateAsync();
        await world.PutTemplatesAsync(Template("http://127.0.0.1:1/{{args.nope}}", "    successCondition: result == true"));

        var started = await world.Runner().StartAsync(Dev(["smoke"], ("token", "t")), Pending(), CancellationToken.None);

        Assert.Equal(VerificationPhase.Error, started.Info.Phase);
        Assert.Contains("{{args.nope}} names no argument of the template", started.Info.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_BadCondition_ErrorWithTheExpressionProblem()
    {
        await using var world = await VerificationWorld.CreateAsync();
        await world.PutTemplatesAsync(Template("http://127.0.0.1:1/x", "    successCondition: result ==="));

        var started = await world.Runner().StartAsync(Dev(["smoke"], ("token", "t")), Pending(), CancellationToken.None);

        Assert.Equal(VerificationPhase.Error, started.Info.Phase);
        Assert.Contains("metric \"ready\": successCondition:", started.Info.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteRunsAsync_StageDeleted_RemovesOnlyItsRuns()
    {
        var (world, server) = await WorldAsync("    successCondition: result == true", _ => Ready(true));
        await using var _ = world;
        await using var __ = server;
        var runner = world.Runner();
        await runner.StartAsync(Dev(["smoke"], ("token", "t")), Pending(), CancellationToken.None);
        var other = Dev(["smoke"], ("token", "t")) with { Metadata = Dev(["smoke"]).Metadata with { Name = "dev-2" } };
        await runner.StartAsync(other, Pending(), CancellationToken.None);

        var deleted = await runner.DeleteRunsAsync("grommet", "dev", CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.StartsWith("dev-2.", Assert.Single(await world.RunsAsync()).Key.Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollAsync_SlowServer_ErrorAfterTimeoutSeconds()
    {
        var (world, server) = await WorldAsync("    consecutiveErrorLimit: 0\n    successCondition: result == true", _ => Ready(true) with { Delay = TimeSpan.FromSeconds(5) });
        await using var _ = world;
        await using var __ = server;
        await world.PutTemplatesAsync(Template(server.At("slow"), "    consecutiveErrorLimit: 0\n    successCondition: result == true")
            .Replace("name: smoke", "name: slow", StringComparison.Ordinal)
            .Replace("    jsonPath:", "    timeoutSeconds: 1\n        jsonPath:", StringComparison.Ordinal));
        // The request deadline runs on the runner's clock: a real one here.
        using var runner = new Barge.Engine.Verification.HttpAnalysisRunner(world.Store, TimeProvider.System, System.Security.Cryptography.RandomNumberGenerator.Create());
        var stage = Dev(["slow"], ("token", "t"));

        var started = await runner.StartAsync(stage, Pending(), CancellationToken.None);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var polled = await runner.PollAsync(stage, started.Info, CancellationToken.None);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), clock.Elapsed.ToString());
        Assert.Equal(VerificationPhase.Error, polled.Info.Phase);
        var run = Assert.Single(await world.RunsAsync());
        Assert.Contains("no response within 1s", run.Status!.Value.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_ClusterAnalysisTemplate_IsFoundOutsideTheProject()
    {
        await using var world = await VerificationWorld.CreateAsync();
        await using var server = new LocalHttpServer(_ => Ready(true));
        await world.PutTemplatesAsync(Template(server.At("health"), "    successCondition: result == true")
            .Replace("kind: AnalysisTemplate", "kind: ClusterAnalysisTemplate", StringComparison.Ordinal));
        var stage = Dev([], ("token", "t"));
        stage = stage with
        {
            Spec = stage.Spec! with
            {
                Verification = stage.Spec.Verification! with
                {
                    AnalysisTemplates = [new AnalysisTemplateReference { Name = "smoke", Kind = AnalysisTemplateKind.ClusterAnalysisTemplate }],
                },
            },
        };
        var runner = world.Runner();

        var started = await runner.StartAsync(stage, Pending(), CancellationToken.None);
        var polled = await runner.PollAsync(stage, started.Info, CancellationToken.None);

        Assert.Equal(VerificationPhase.Successful, polled.Info.Phase);
        Assert.Equal("grommet", polled.Info.AnalysisRun!.Namespace);
    }
}
