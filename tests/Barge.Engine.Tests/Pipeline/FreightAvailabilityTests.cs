using Barge.Engine.Pipeline;
using Barge.Resources.Model;
using Xunit;
using static Barge.Engine.Tests.Pipeline.PipelineFixtures;

namespace Barge.Engine.Tests.Pipeline;

public sealed class FreightAvailabilityTests
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider clock = Clock();

    private FreightAvailability Availability => new(clock);

    [Fact]
    public void Evaluate_DirectSource_AvailableStraightFromTheWarehouse()
    {
        var verdict = Availability.Evaluate(Stage("dev", Direct("grommet-dev")), Freight("f1", "grommet-dev"));

        Assert.True(verdict.IsAvailable);
        Assert.Equal(AvailabilityRoute.Direct, verdict.Route);
    }

    [Fact]
    public void Evaluate_OriginNotRequested_UnavailableWithReason()
    {
        var verdict = Availability.Evaluate(Stage("dev", Direct("grommet-dev")), Freight("f1", "grommet-release"));

        var reason = Assert.Single(verdict.Reasons);
        Assert.Equal(UnavailableReasonKind.OriginNotRequested, reason.Kind);
        Assert.Contains("Warehouse/grommet-release", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_FreightOfAnotherProject_NotAvailable()
    {
        var freight = Freight("f1", "grommet-dev") with { Metadata = new ObjectMeta { Name = "f1", Namespace = "other" } };

        Assert.False(Availability.IsAvailable(Stage("dev", Direct("grommet-dev")), freight));
    }

    [Fact]
    public void Evaluate_ApprovedFor_BypassesVerificationAndSoak()
    {
        var stage = Stage("prod", From("grommet-release", "dev").With(soak: "1h"));

        var verdict = Availability.Evaluate(stage, Freight("f1", "grommet-release").ApprovedFor("prod"));

        Assert.Equal(AvailabilityRoute.Approved, verdict.Route);
    }

    [Fact]
    public void Evaluate_NotVerifiedUpstream_ReasonsNameTheUpstreamAndApproval()
    {
        var verdict = Availability.Evaluate(Stage("prod", From("grommet-release", "dev")), Freight("f1", "grommet-release"));

        Assert.False(verdict.IsAvailable);
        Assert.Equal([UnavailableReasonKind.NotVerifiedUpstream, UnavailableReasonKind.NotApproved], verdict.Reasons.Select(r => r.Kind));
        Assert.Equal("dev", verdict.Reasons[0].UpstreamStage);
        Assert.Equal("Freight \"f1\" has not been verified in Stage \"dev\"", verdict.Reasons[0].Message);
        Assert.Null(verdict.AvailableAt);
    }

    [Fact]
    public void Evaluate_OneOf_VerifiedInAnyUpstreamSuffices()
    {
        var stage = Stage("prod", From("grommet-release", "dev", "qa"));

        var verdict = Availability.Evaluate(stage, Freight("f1", "grommet-release").VerifiedIn("qa"));

        Assert.Equal(AvailabilityRoute.VerifiedUpstream, verdict.Route);
    }

    [Theory]
    [InlineData("verified in both", true, true, true)]
    [InlineData("verified in one only", true, false, false)]
    [InlineData("verified in neither", false, false, false)]
    public void Evaluate_AllStrategy_NeedsEveryUpstream(string name, bool inDev, bool inQa, bool available)
    {
        Assert.NotEmpty(name);
        var stage = Stage("prod", From("grommet-release", "dev", "qa").With(strategy: "All"));
        var freight = Freight("f1", "grommet-release");
        freight = inDev ? freight.VerifiedIn("dev") : freight;
        freight = inQa ? freight.VerifiedIn("qa") : freight;

        Assert.Equal(available, Availability.IsAvailable(stage, freight));
    }

    [Fact]
    public void Evaluate_SoakTimeNotElapsed_ReasonWithRemainingTimeAndDeadline()
    {
        var stage = Stage("prod", From("grommet-release", "dev").With(soak: "5s"));
        var freight = Freight("f1", "grommet-release").VerifiedIn("dev").CurrentlyIn("dev", Start);
        clock.Advance(TimeSpan.FromSeconds(2));

        var verdict = Availability.Evaluate(stage, freight);

        Assert.False(verdict.IsAvailable);
        Assert.Equal(UnavailableReasonKind.SoakTimeRemaining, verdict.Reasons[0].Kind);
        Assert.Equal(TimeSpan.FromSeconds(3), verdict.Reasons[0].SoakRemaining);
        Assert.Equal("Freight \"f1\" must soak in Stage \"dev\" for 3s more (requiredSoakTime 5s)", verdict.Reasons[0].Message);
        Assert.Equal(Start.AddSeconds(5), verdict.AvailableAt);
    }

    [Fact]
    public void Evaluate_SoakTimeElapsedWhileCurrentlyUpstream_Available()
    {
        var stage = Stage("prod", From("grommet-release", "dev").With(soak: "5s"));
        var freight = Freight("f1", "grommet-release").VerifiedIn("dev").CurrentlyIn("dev", Start);
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.True(Availability.IsAvailable(stage, freight));
    }

    [Fact]
    public void Evaluate_LeftUpstreamAfterLongEnoughSoak_RecordedLongestSoakCounts()
    {
        var stage = Stage("prod", From("grommet-release", "dev").With(soak: "1h"));
        var freight = Freight("f1", "grommet-release").VerifiedIn("dev", longestSoak: "2h0m0s");

        Assert.True(Availability.IsAvailable(stage, freight));
    }

    [Fact]
    public void Evaluate_LeftUpstreamTooSoon_NoDeadlineBecauseSoakCannotGrow()
    {
        var stage = Stage("prod", From("grommet-release", "dev").With(soak: "1h"));
        var freight = Freight("f1", "grommet-release").VerifiedIn("dev", longestSoak: "10m0s");

        var verdict = Availability.Evaluate(stage, freight);

        Assert.Equal(TimeSpan.FromMinutes(50), verdict.Reasons[0].SoakRemaining);
        Assert.Null(verdict.AvailableAt);
    }

    [Fact]
    public void Evaluate_LongestSoakOfTwoStays_TheLongerOneCounts()
    {
        var freight = Freight("f1", "grommet-release").VerifiedIn("dev", longestSoak: "1m0s").CurrentlyIn("dev", Start);
        clock.Advance(TimeSpan.FromMinutes(3));

        Assert.Equal(TimeSpan.FromMinutes(3), Availability.LongestSoak(freight, "dev"));
        Assert.Equal(TimeSpan.Zero, Availability.LongestSoak(Freight("f2", "grommet-release").CurrentlyIn("dev", Start), "dev"));
    }

    [Fact]
    public void Evaluate_AllStrategyWithSoak_DeadlineIsTheLastUpstreamToFinish()
    {
        var stage = Stage("prod", From("grommet-release", "dev", "qa").With(soak: "10s", strategy: "All"));
        var freight = Freight("f1", "grommet-release")
            .VerifiedIn("dev").CurrentlyIn("dev", Start)
            .VerifiedIn("qa").CurrentlyIn("qa", Start.AddSeconds(4));
        clock.Advance(TimeSpan.FromSeconds(4));

        Assert.Equal(Start.AddSeconds(14), Availability.Evaluate(stage, freight).AvailableAt);
    }

    [Theory]
    [InlineData("unknown strategy", "Some", null)]
    [InlineData("soak time that is not a duration", null, "five seconds")]
    public void Evaluate_InvalidRequest_UnavailableWithClearReason(string name, string? strategy, string? soak)
    {
        Assert.NotEmpty(name);
        var stage = Stage("prod", From("grommet-release", "dev").With(soak: soak, strategy: strategy));

        var verdict = Availability.Evaluate(stage, Freight("f1", "grommet-release").VerifiedIn("dev"));

        var reason = Assert.Single(verdict.Reasons);
        Assert.Equal(UnavailableReasonKind.InvalidRequest, reason.Kind);
        Assert.StartsWith("Stage \"prod\" in project \"grommet\": ", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ListAvailable_MatchUpstream_OnlyWhatTheUpstreamHoldsNow()
    {
        var stage = Stage("prod", From("grommet-release", "dev").With(selection: AutoPromotionSelectionPolicy.MatchUpstream));
        var old = Freight("f1", "grommet-release").VerifiedIn("dev");
        var current = Freight("f2", "grommet-release").VerifiedIn("dev").CurrentlyIn("dev");

        var listed = Availability.ListAvailable(stage, [old, current]);

        Assert.Equal(["f2"], listed.Select(f => f.Name));
        Assert.True(Availability.IsAvailable(stage, old));
        Assert.Equal(UnavailableReasonKind.NotCurrentlyUpstream, Availability.EvaluateForList(stage, old).Reasons[0].Kind);
    }

    [Fact]
    public void ListAvailable_SeveralOrigins_DeduplicatedSortedAndFilteredByOrigin()
    {
        var stage = Stage("dev", Direct("grommet-dev"), Direct("grommet-release"));
        var freight = new[] { Freight("f3", "grommet-release"), Freight("f1", "grommet-dev"), Freight("f1", "grommet-dev"), Freight("x", "other") };

        Assert.Equal(["f1", "f3"], Availability.ListAvailable(stage, freight).Select(f => f.Name));
        Assert.Equal(["f3"], Availability.ListAvailable(stage, freight, "grommet-release").Select(f => f.Name));
    }
}
