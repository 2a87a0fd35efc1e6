using Barge.Engine.Pipeline;
using Barge.Resources.Model;
using Xunit;
using static Barge.Engine.Tests.Pipeline.PipelineFixtures;

namespace Barge.Engine.Tests.Pipeline;

public sealed class StageVerificationTests
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider clock = Clock();

    private StageVerification Verification => new(clock);

    private static Stage Promoted(string health = HealthStates.NotApplicable, params VerificationInfo[] history) =>
        Stage("dev", Direct("grommet-dev")).WithStatus(s => s with
        {
            FreightHistory = [Collection(Ref("f1", "grommet-dev")) with { VerificationHistory = history.Length == 0 ? null : [.. history] }],
            Health = new Health { Status = health },
        });

    private static Stage WithAnalysis(Stage stage) =>
        stage with { Spec = stage.Spec! with { Verification = new Barge.Resources.Model.Verification { AnalysisTemplates = [new AnalysisTemplateReference { Name = "smoke" }] } } };

    [Fact]
    public void Decide_NoCurrentFreight_VerifiedUnknownNoFreight()
    {
        var decision = Verification.Decide(Stage("dev", Direct("grommet-dev")), "id-1");

        Assert.Equal(VerificationAction.None, decision.Action);
        Assert.Equal("NoFreight", StageConditions.Get(decision.Status.Conditions, "Verified")!.Reason);
    }

    [Fact]
    public void Decide_PromotionRunning_Skipped()
    {
        var stage = Promoted().WithStatus(s => s with { CurrentPromotion = new PromotionReference { Name = "dev.02" } });

        Assert.Equal(VerificationAction.None, Verification.Decide(stage, "id-1").Action);
    }

    [Theory]
    [InlineData("healthy", HealthStates.Healthy)]
    [InlineData("no health checks", HealthStates.NotApplicable)]
    public void Decide_NoSpecVerification_ImmediateSuccess(string name, string health)
    {
        Assert.NotEmpty(name);

        var decision = Verification.Decide(Promoted(health), "id-1");

        Assert.Equal(VerificationAction.Recorded, decision.Action);
        var info = Assert.Single(FreightHistory.Current(decision.Status)!.VerificationHistory!);
        Assert.Equal(new VerificationInfo { Id = "id-1", StartTime = Start, FinishTime = Start, Phase = VerificationPhase.Successful }, info);
        Assert.Equal("True", StageConditions.Get(decision.Status.Conditions, "Verified")!.Status);
    }

    [Theory]
    [InlineData(HealthStates.Unhealthy)]
    [InlineData(HealthStates.Unknown)]
    [InlineData(HealthStates.Progressing)]
    public void Decide_StageNotPassingHealthChecks_NotVerified(string health)
    {
        var decision = Verification.Decide(Promoted(health), "id-1");

        Assert.Equal(VerificationAction.None, decision.Action);
        Assert.Null(FreightHistory.Current(decision.Status)!.VerificationHistory);
    }

    [Fact]
    public void Decide_WithSpecVerification_StartRecordedPending()
    {
        var decision = Verification.Decide(WithAnalysis(Promoted()), "id-1");

        Assert.Equal(VerificationAction.Start, decision.Action);
        Assert.Equal(VerificationPhase.Pending, decision.Info!.Phase);
        Assert.Equal("VerificationPending", StageConditions.Get(decision.Status.Conditions, "Verified")!.Reason);
    }

    [Fact]
    public void Decide_VerificationRunning_Polled()
    {
        var running = new VerificationInfo { Id = "v1", Phase = VerificationPhase.Running, StartTime = Start };

        var decision = Verification.Decide(WithAnalysis(Promoted(HealthStates.Healthy, running)), "id-1");

        Assert.Equal(VerificationAction.Poll, decision.Action);
        Assert.Same(running, decision.Info);
    }

    [Fact]
    public void Decide_AbortRequestedForRunningVerification_RecordedFailedByTheActor()
    {
        var stage = WithAnalysis(Promoted(HealthStates.Healthy, new VerificationInfo { Id = "v1", Phase = VerificationPhase.Running }))
            .WithAnnotation(PipelineAnnotations.Abort, """{"id":"v1","actor":"email:ann@example.com"}""");
        clock.Advance(TimeSpan.FromSeconds(30));

        var decision = Verification.Decide(stage, "id-1");

        Assert.Equal(VerificationAction.Abort, decision.Action);
        var info = FreightHistory.Current(decision.Status)!.VerificationHistory!.Single();
        Assert.Equal((VerificationPhase.Failed, "Verification aborted by user", "email:ann@example.com", Start.AddSeconds(30)),
            (info.Phase!.Value, info.Message, info.Actor, info.FinishTime!.Value));
        Assert.Equal("False", StageConditions.Get(decision.Status.Conditions, "Verified")!.Status);
    }

    [Fact]
    public void Decide_AbortForAnotherVerification_Ignored()
    {
        var stage = WithAnalysis(Promoted(HealthStates.Healthy, new VerificationInfo { Id = "v1", Phase = VerificationPhase.Running }))
            .WithAnnotation(PipelineAnnotations.Abort, "v0");

        Assert.Equal(VerificationAction.Poll, Verification.Decide(stage, "id-1").Action);
    }

    [Fact]
    public void Decide_AlreadyVerified_NothingToDo()
    {
        var stage = Promoted(HealthStates.Healthy, new VerificationInfo { Id = "v1", Phase = VerificationPhase.Successful });

        Assert.Equal(VerificationAction.None, Verification.Decide(stage, "id-1").Action);
    }

    [Fact]
    public void Decide_ReverifyRequestedForCurrentVerification_NewAttemptWithTheActor()
    {
        var stage = WithAnalysis(Promoted(HealthStates.Healthy, new VerificationInfo { Id = "v1", Phase = VerificationPhase.Failed }))
            .WithAnnotation(PipelineAnnotations.Reverify, """{"id":"v1","actor":"email:ann@example.com"}""");

        var decision = Verification.Decide(stage, "id-2");

        Assert.Equal(VerificationAction.Start, decision.Action);
        Assert.Equal(("id-2", "email:ann@example.com"), (decision.Info!.Id, decision.Info.Actor));
        Assert.Equal(["id-2", "v1"], FreightHistory.Current(decision.Status)!.VerificationHistory!.Select(v => v.Id));
    }

    [Fact]
    public void Decide_ReverifyForAnOlderVerification_Ignored()
    {
        var stage = Promoted(HealthStates.Healthy, new VerificationInfo { Id = "v2", Phase = VerificationPhase.Successful })
            .WithAnnotation(PipelineAnnotations.Reverify, "v1");

        Assert.Equal(VerificationAction.None, Verification.Decide(stage, "id-3").Action);
    }

    [Theory]
    [InlineData("an earlier success wins", VerificationPhase.Failed, true, "True", "Verified")]
    [InlineData("failed", VerificationPhase.Failed, false, "False", "VerificationFailed")]
    [InlineData("error", VerificationPhase.Error, false, "False", "VerificationError")]
    [InlineData("aborted", VerificationPhase.Aborted, false, "False", "VerificationAborted")]
    [InlineData("inconclusive", VerificationPhase.Inconclusive, false, "Unknown", "VerificationInconclusive")]
    [InlineData("running", VerificationPhase.Running, false, "Unknown", "VerificationRunning")]
    public void Record_VerifiedCondition_FollowsKargo(string name, VerificationPhase newest, bool earlierSuccess, string status, string reason)
    {
        Assert.NotEmpty(name);
        var stage = earlierSuccess ? Promoted(HealthStates.Healthy, new VerificationInfo { Id = "v0", Phase = VerificationPhase.Successful }) : Promoted();

        var recorded = Verification.Record(stage, stage.Status!, new VerificationInfo { Id = "v1", Phase = newest, Message = "m" });

        var condition = StageConditions.Get(recorded.Conditions, "Verified")!;
        Assert.Equal((status, reason), (condition.Status, condition.Reason));
    }

    [Fact]
    public void FreightToMarkVerified_LatestSuccessfulOnPassingStage_EveryFreightAtFinishTime()
    {
        var stage = Stage("dev", Direct("grommet-dev"), Direct("grommet-release")).WithStatus(s => s with
        {
            FreightHistory = [Collection(Ref("f1", "grommet-dev"), Ref("r1", "grommet-release")) with
            {
                VerificationHistory = [new VerificationInfo { Id = "v1", Phase = VerificationPhase.Successful, FinishTime = Start.AddMinutes(1) }],
            }],
            Health = new Health { Status = HealthStates.NotApplicable },
        });

        var (freight, at) = StageVerification.FreightToMarkVerified(stage);

        Assert.Equal(["f1", "r1"], freight);
        Assert.Equal(Start.AddMinutes(1), at);
    }

    [Theory]
    [InlineData("unhealthy", HealthStates.Unhealthy, VerificationPhase.Successful)]
    [InlineData("latest failed", HealthStates.Healthy, VerificationPhase.Failed)]
    [InlineData("still running", HealthStates.Healthy, VerificationPhase.Running)]
    public void FreightToMarkVerified_NotYet_None(string name, string health, VerificationPhase phase)
    {
        Assert.NotEmpty(name);

        Assert.Empty(StageVerification.FreightToMarkVerified(Promoted(health, new VerificationInfo { Id = "v1", Phase = phase })).Freight);
    }

    [Fact]
    public void VerifyControlFlow_EveryAvailableFreightNotYetVerified()
    {
        var stage = Stage("fan-out", Direct("grommet-dev")) with { Spec = new StageSpec { RequestedFreight = [Direct("grommet-dev")] } };

        var updates = Verification.VerifyControlFlow(stage, [Freight("a", "grommet-dev"), Freight("b", "grommet-dev").VerifiedIn("fan-out")]);

        var update = Assert.Single(updates);
        Assert.Equal("a", update.Freight);
        Assert.Equal(Start, update.Status.VerifiedIn!["fan-out"].VerifiedAt);
    }

    [Fact]
    public void ReverifyAfterRepromotion_SameFreightPromotedAgain_RequestForCurrentVerification()
    {
        var stage = Promoted(HealthStates.Healthy, new VerificationInfo { Id = "v1", Phase = VerificationPhase.Successful });

        Assert.Equal("""{"id":"v1","actor":"email:ann@example.com"}""", StageVerification.ReverifyAfterRepromotion(stage, "f1", "email:ann@example.com")!.ToString());
        Assert.Null(StageVerification.ReverifyAfterRepromotion(stage, "other", null));
    }

    [Theory]
    [InlineData("bare ID", "abc", "abc", null, false)]
    [InlineData("JSON request", """{"id":"abc","actor":"admin","controlPlane":true}""", "abc", "admin", true)]
    public void VerificationRequestParse_BothForms(string name, string value, string id, string? actor, bool controlPlane)
    {
        Assert.NotEmpty(name);

        Assert.Equal(new VerificationRequest(id, actor, controlPlane), VerificationRequest.Parse(value));
    }

    [Theory]
    [InlineData("JSON without ID", """{"actor":"admin"}""")]
    [InlineData("JSON that is not an object", "42")]
    [InlineData("empty", "")]
    public void VerificationRequestParse_NoId_Null(string name, string value)
    {
        Assert.NotEmpty(name);

        Assert.Null(VerificationRequest.Parse(value));
    }
}
