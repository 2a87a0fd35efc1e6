using Barge.Engine.Pipeline;
using Barge.Resources.Model;
using Xunit;
using static Barge.Engine.Tests.Pipeline.PipelineFixtures;

namespace Barge.Engine.Tests.Pipeline;

public sealed class PromotionQueueTests
{
    private static readonly Stage Dev = Stage("dev", Direct("grommet-dev"));
    private readonly PromotionQueue queue = new(Clock());

    private static Stage Verified(Stage stage, VerificationPhase phase, string? health = HealthStates.NotApplicable) => stage.WithStatus(s => s with
    {
        FreightHistory = [Collection(Ref("cur", "grommet-dev")) with { VerificationHistory = [new VerificationInfo { Id = "v1", Phase = phase }] }],
        Health = health is null ? null : new Health { Status = health },
    });

    [Fact]
    public void Sync_NoPromotions_IdleAndNoCurrentPromotion()
    {
        var result = queue.Sync(Dev.WithStatus(s => s with { CurrentPromotion = new PromotionReference { Name = "gone" } }), [], false);

        Assert.Equal(QueueState.Idle, result.State);
        Assert.Null(result.Status.CurrentPromotion);
        Assert.Equal("0/1 Fulfilled", result.Status.FreightSummary);
    }

    [Fact]
    public void Sync_SeveralPending_OldestNameSelectedFirst()
    {
        var result = queue.Sync(Dev, [Promo("dev.02", "dev", "b", null), Promo("dev.01", "dev", "a", PromotionPhase.Pending)], false);

        Assert.Equal(QueueState.Promoting, result.State);
        Assert.Equal("dev.01", result.Current);
        Assert.Equal("True", StageConditions.Get(result.Status.Conditions, "Promoting")!.Status);
        Assert.Equal("Promotion \"dev.01\" is currently Pending", StageConditions.Get(result.Status.Conditions, "Promoting")!.Message);
    }

    [Fact]
    public void Sync_OneRunning_StaysCurrentWhileOlderOnesWait()
    {
        var stage = Dev.WithStatus(s => s with { CurrentPromotion = new PromotionReference { Name = "dev.02" } });

        var result = queue.Sync(stage, [Promo("dev.01", "dev", "a", PromotionPhase.Pending), Promo("dev.02", "dev", "b", PromotionPhase.Running)], false);

        Assert.Equal("dev.02", result.Current);
        Assert.True(result.HasNonTerminalPromotions);
    }

    [Fact]
    public void Sync_CurrentFreightVerificationRunning_NextPromotionWaits()
    {
        var result = queue.Sync(Verified(Dev, VerificationPhase.Running, HealthStates.Unhealthy), [Promo("dev.01", "dev", "a", null)], false);

        Assert.Equal(QueueState.WaitingForVerification, result.State);
        Assert.Null(result.Current);
    }

    [Theory]
    [InlineData("healthy", HealthStates.Healthy)]
    [InlineData("no health checks", HealthStates.NotApplicable)]
    [InlineData("health not assessed yet", null)]
    public void Sync_HealthyStageWithUnverifiedFreight_NextPromotionWaits(string name, string? health)
    {
        Assert.NotEmpty(name);
        var stage = Dev.WithStatus(s => s with
        {
            FreightHistory = [Collection(Ref("cur", "grommet-dev"))],
            Health = health is null ? null : new Health { Status = health },
        });

        Assert.Equal(QueueState.WaitingForFirstVerification, queue.Sync(stage, [Promo("dev.01", "dev", "a", null)], false).State);
    }

    [Theory]
    [InlineData("unhealthy Stage, Freight unverified", VerificationPhase.Pending, HealthStates.Unhealthy, true)]
    [InlineData("failed verification", VerificationPhase.Failed, HealthStates.Healthy, false)]
    [InlineData("successful verification", VerificationPhase.Successful, HealthStates.Healthy, false)]
    public void Sync_UnhealthyOrVerified_NextPromotionStarts(string name, VerificationPhase phase, string health, bool unverified)
    {
        Assert.NotEmpty(name);
        var stage = unverified
            ? Dev.WithStatus(s => s with { FreightHistory = [Collection(Ref("cur", "grommet-dev"))], Health = new Health { Status = health } })
            : Verified(Dev, phase, health);

        Assert.Equal("dev.01", queue.Sync(stage, [Promo("dev.01", "dev", "a", null)], false).Current);
    }

    [Fact]
    public void Sync_CurrentPromotionSucceeded_RecordsLastPromotionHistorySummaryAndResetsHealth()
    {
        var collection = Collection(Ref("a", "grommet-dev"));
        var stage = Dev.WithStatus(s => s with
        {
            CurrentPromotion = new PromotionReference { Name = "dev.01" },
            Health = new Health { Status = HealthStates.Healthy },
        });
        var done = Promo("dev.01", "dev", "a", PromotionPhase.Succeeded).Finished(collection);

        var result = queue.Sync(stage, [done], false);

        Assert.Equal(QueueState.Completed, result.State);
        Assert.Null(result.Status.CurrentPromotion);
        Assert.Equal("dev.01", result.Status.LastPromotion!.Name);
        Assert.Equal(Start.AddSeconds(1), result.Status.LastPromotion.FinishedAt);
        Assert.Equal(PromotionPhase.Succeeded, result.Status.LastPromotion.Status!.Phase);
        Assert.Same(collection, FreightHistory.Current(result.Status));
        Assert.Equal("a", result.Status.FreightSummary);
        Assert.Null(result.Status.Health);
        Assert.Equal("WaitingForHealthCheck", StageConditions.Get(result.Status.Conditions, "Healthy")!.Reason);
        Assert.Equal("WaitingForVerification", StageConditions.Get(result.Status.Conditions, "Verified")!.Reason);
        Assert.Equal(["dev.01"], result.Completed.Select(p => p.Name));
    }

    [Fact]
    public void Sync_CurrentPromotionFailed_LastPromotionRecordedWithoutHistory()
    {
        var stage = Dev.WithStatus(s => s with { CurrentPromotion = new PromotionReference { Name = "dev.01" } });

        var result = queue.Sync(stage, [Promo("dev.01", "dev", "a", PromotionPhase.Failed).Finished(Collection(Ref("a", "grommet-dev")))], false);

        Assert.Equal(PromotionPhase.Failed, result.Status.LastPromotion!.Status!.Phase);
        Assert.Null(result.Status.FreightHistory);
    }

    [Fact]
    public void Sync_SeveralFinished_ReplayedOldestFirstNewerThanLastPromotion()
    {
        var stage = Dev.WithStatus(s => s with
        {
            CurrentPromotion = new PromotionReference { Name = "dev.03" },
            LastPromotion = new PromotionReference { Name = "dev.01" },
        });
        var promotions = new[]
        {
            Promo("dev.01", "dev", "a", PromotionPhase.Succeeded).Finished(Collection(Ref("a", "grommet-dev"))),
            Promo("dev.02", "dev", "b", PromotionPhase.Succeeded).Finished(Collection(Ref("b", "grommet-dev"))),
            Promo("dev.03", "dev", "c", PromotionPhase.Succeeded).Finished(Collection(Ref("c", "grommet-dev"))),
            Promo("dev.04", "dev", "d", PromotionPhase.Pending),
        };

        var result = queue.Sync(stage, promotions, false);

        Assert.Equal(["dev.02", "dev.03"], result.Completed.Select(p => p.Name));
        Assert.Equal(["c", "b"], result.Status.FreightHistory!.Select(c => c.Items!.Values.Single().Name));
        Assert.Equal("dev.03", result.Status.LastPromotion!.Name);
        Assert.True(result.HasNonTerminalPromotions);
        Assert.Null(result.Status.CurrentPromotion);
    }

    [Fact]
    public void Sync_AbortedBeforeItStarted_KeepsThePreviousCollection()
    {
        var previous = Collection(Ref("a", "grommet-dev"), Ref("r", "grommet-release"));
        var stage = Dev.WithStatus(s => s with
        {
            CurrentPromotion = new PromotionReference { Name = "dev.02" },
            LastPromotion = new PromotionReference { Name = "dev.01", Status = new PromotionStatus { Phase = PromotionPhase.Succeeded, FreightCollection = previous } },
        });

        var result = queue.Sync(stage, [Promo("dev.02", "dev", "b", PromotionPhase.Aborted)], false);

        Assert.Same(previous, result.Status.LastPromotion!.Status!.FreightCollection);
    }

    [Fact]
    public void Sync_FinishedHoldIntent_ReplayedIntoHoldsWhileEnabled()
    {
        var stage = Dev.WithStatus(s => s with { CurrentPromotion = new PromotionReference { Name = "dev.01" } });
        var held = Promo("dev.01", "dev", "old", PromotionPhase.Succeeded)
            .Finished(Collection(Ref("old", "grommet-dev")))
            .Annotated(PipelineAnnotations.AutoPromotionHold, "Warehouse/grommet-dev");

        Assert.Equal("old", queue.Sync(stage, [held], true).Status.AutoPromotionHolds!["Warehouse/grommet-dev"].FreightName);
        Assert.Null(queue.Sync(stage, [held], false).Status.AutoPromotionHolds);
    }

    [Fact]
    public void Sync_HeadTerminalAndNothingCurrent_Idle()
    {
        var result = queue.Sync(Dev, [Promo("dev.01", "dev", "a", PromotionPhase.Succeeded)], false);

        Assert.Equal(QueueState.Idle, result.State);
        Assert.False(result.HasNonTerminalPromotions);
    }
}
