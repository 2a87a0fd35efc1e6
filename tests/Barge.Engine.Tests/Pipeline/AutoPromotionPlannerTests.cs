using Barge.Engine.Pipeline;
using Barge.Resources.Model;
using Xunit;
using static Barge.Engine.Tests.Pipeline.PipelineFixtures;

namespace Barge.Engine.Tests.Pipeline;

using Promotion = Barge.Resources.Model.Promotion;

public sealed class AutoPromotionPlannerTests
{
    private static readonly Stage Dev = Stage("dev", Direct("grommet-dev"));
    private static readonly Freight Old = Freight("old", "grommet-dev", Start);
    private static readonly Freight New = Freight("new", "grommet-dev", Start.AddMinutes(5));

    private readonly AutoPromotionPlanner planner = new(new FreightAvailability(Clock()));

    private AutoPromotionDecision Decide(Stage stage, params Promotion[] promotions)
    {
        var plan = planner.Plan(stage, PromotionPolicies.Find(Policies(AutoFor("dev")), stage), [Old, New], promotions);
        return Assert.Single(plan.Decisions);
    }

    [Fact]
    public void Plan_NewestAvailableFreight_PromotionCreatedByTheStageController()
    {
        var plan = planner.Plan(Dev, PromotionPolicies.Find(Policies(AutoFor("dev")), Dev), [Old, New], []);

        var create = Assert.Single(plan.Create);
        Assert.Equal(new PromotionToCreate("grommet", "dev", "new", Warehouse("grommet-dev"), "controller:stage-controller"), create);
        Assert.Equal("new", create.ToPromotion().Spec!.Freight);
        Assert.Null(create.ToPromotion().Metadata.Annotations);
    }

    [Fact]
    public void Plan_AutoPromotionDisabled_NothingCreated()
    {
        var plan = planner.Plan(Dev, PromotionPolicies.Find(null, Dev), [New], []);

        Assert.False(plan.Enabled);
        Assert.Empty(plan.Create);
    }

    [Fact]
    public void Plan_CandidateAlreadyCurrent_NotCreated()
    {
        var stage = Dev.WithStatus(s => s with { FreightHistory = [Collection(Ref("new", "grommet-dev"))] });

        Assert.Equal(AutoPromotionOutcome.AlreadyCurrent, Decide(stage).Outcome);
    }

    [Fact]
    public void Plan_CurrentPromotionAlreadyMovesCandidate_NotCreated()
    {
        var stage = Dev.WithStatus(s => s with { CurrentPromotion = new PromotionReference { Name = "dev.01", Freight = Ref("new", "grommet-dev") } });

        Assert.Equal(AutoPromotionOutcome.AlreadyPromoting, Decide(stage).Outcome);
    }

    [Theory]
    [InlineData("pending, no phase yet", null)]
    [InlineData("pending", PromotionPhase.Pending)]
    [InlineData("running", PromotionPhase.Running)]
    public void Plan_NonTerminalPromotionOfCandidate_NotCreated(string name, PromotionPhase? phase)
    {
        Assert.NotEmpty(name);

        Assert.Equal(AutoPromotionOutcome.PromotionPending, Decide(Dev, Promo("dev.01", "dev", "new", phase)).Outcome);
    }

    [Fact]
    public void Plan_SucceededPromotionNewerThanLastPromotion_NotCreated()
    {
        var stage = Dev.WithStatus(s => s with { LastPromotion = new PromotionReference { Name = "dev.01" } });

        var decision = Decide(stage, Promo("dev.02", "dev", "new", PromotionPhase.Succeeded));

        Assert.Equal(AutoPromotionOutcome.SucceededNotYetRecorded, decision.Outcome);
    }

    [Theory]
    [InlineData(PromotionPhase.Failed)]
    [InlineData(PromotionPhase.Errored)]
    [InlineData(PromotionPhase.Aborted)]
    public void Plan_NewestTerminalPromotionDidNotSucceed_NoRetryLoop(PromotionPhase phase)
    {
        var stage = Dev.WithStatus(s => s with { LastPromotion = new PromotionReference { Name = "dev.02" } });

        var decision = Decide(stage, Promo("dev.01", "dev", "new", PromotionPhase.Succeeded), Promo("dev.02", "dev", "new", phase));

        Assert.Equal(AutoPromotionOutcome.LastAttemptNotSucceeded, decision.Outcome);
        Assert.Contains($"ended {phase}", decision.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_OldSucceededPromotionAlreadyRecorded_CandidatePromotedAgainAfterItLeft()
    {
        var stage = Dev.WithStatus(s => s with
        {
            LastPromotion = new PromotionReference { Name = "dev.03" },
            FreightHistory = [Collection(Ref("old", "grommet-dev"))],
        });

        var decision = Decide(stage, Promo("dev.01", "dev", "new", PromotionPhase.Succeeded), Promo("dev.03", "dev", "old", PromotionPhase.Succeeded));

        Assert.Equal(AutoPromotionOutcome.Promote, decision.Outcome);
    }

    [Fact]
    public void Plan_OriginHeld_NotCreated()
    {
        var stage = Dev.WithStatus(s => s with
        {
            EffectiveAutoPromotionHolds = new() { ["Warehouse/grommet-dev"] = new AutoPromotionHold { PromotionName = "dev.01", FreightName = "old", Actor = "email:ann@example.com" } },
        });

        var decision = Decide(stage);

        Assert.Equal(AutoPromotionOutcome.Held, decision.Outcome);
        Assert.Equal("Stage \"dev\": auto-promotion of Warehouse/grommet-dev is held since Promotion \"dev.01\" promoted Freight \"old\" for email:ann@example.com", decision.Message);
    }

    [Fact]
    public void Plan_NothingAvailable_NoCandidate()
    {
        var prod = Stage("prod", From("grommet-dev", "dev"));

        var plan = planner.Plan(prod, PromotionPolicies.Find(Policies(AutoFor("prod")), prod), [New], []);

        Assert.Equal(AutoPromotionOutcome.NoCandidate, Assert.Single(plan.Decisions).Outcome);
    }

    [Fact]
    public void Plan_GrommetPolicy_DevBuildsAutoPromotedReleasesLeftToPeople()
    {
        var dev = Stage("dev", Direct("grommet-dev"), Direct("grommet-release"));
        var policy = PromotionPolicies.Find(Policies(AutoFor("dev", "grommet-dev")), dev);

        var plan = planner.Plan(dev, policy, [New, Freight("v1", "grommet-release", Start.AddMinutes(9))], []);

        Assert.Equal(["new"], plan.Create.Select(c => c.Freight));
        Assert.Equal([AutoPromotionOutcome.Promote, AutoPromotionOutcome.OriginNotAutoPromoted], plan.Decisions.Select(d => d.Outcome));
        Assert.Equal("Stage \"dev\": the promotion policy auto-promotes only Freight from Warehouse/grommet-dev, not Warehouse/grommet-release", plan.Decisions[1].Message);
    }
}
