using Barge.Engine.Pipeline;
using Barge.Resources.Model;
using Xunit;
using static Barge.Engine.Tests.Pipeline.PipelineFixtures;

namespace Barge.Engine.Tests.Pipeline;

public sealed class AutoPromotionHoldsTests
{
    private static readonly Stage Dev = Stage("dev", Direct("grommet-dev"), Direct("grommet-release"));
    private static readonly PolicyLookup DevBuildsOnly = PromotionPolicies.Find(Policies(AutoFor("dev", "grommet-dev")), Dev);
    private static readonly Dictionary<string, Freight> Candidates = new() { ["Warehouse/grommet-dev"] = Freight("new", "grommet-dev") };

    [Fact]
    public void Infer_PersonPromotesNonCandidate_Hold()
    {
        var promotion = Promo("dev.01", "dev", "old", null);

        Assert.Equal(HoldIntent.Hold, AutoPromotionHolds.Infer(promotion, Freight("old", "grommet-dev"), DevBuildsOnly, Candidates, fromControlPlane: false));
    }

    [Fact]
    public void Infer_PersonPromotesCandidate_Resume()
    {
        var promotion = Promo("dev.01", "dev", "new", null);

        Assert.Equal(HoldIntent.Resume, AutoPromotionHolds.Infer(promotion, Freight("new", "grommet-dev"), DevBuildsOnly, Candidates, fromControlPlane: false));
    }

    [Fact]
    public void Infer_NoCandidateYet_Hold()
    {
        Assert.Equal(HoldIntent.Hold, AutoPromotionHolds.Infer(Promo("dev.01", "dev", "old", null), Freight("old", "grommet-dev"), DevBuildsOnly,
            new Dictionary<string, Freight>(), fromControlPlane: false));
    }

    [Theory]
    [InlineData("auto-promotion sets no actor", "")]
    [InlineData("another controller", "controller:rollback")]
    public void Infer_ControlPlaneWithoutAPerson_None(string name, string actor)
    {
        Assert.NotEmpty(name);
        var promotion = Promo("dev.01", "dev", "old", null);
        promotion = actor.Length == 0 ? promotion : promotion.Annotated(PipelineAnnotations.CreateActor, actor);

        Assert.Equal(HoldIntent.None, AutoPromotionHolds.Infer(promotion, Freight("old", "grommet-dev"), DevBuildsOnly, Candidates, fromControlPlane: true));
    }

    [Fact]
    public void Infer_ControlPlaneOnBehalfOfAPerson_Inferred()
    {
        var promotion = Promo("dev.01", "dev", "old", null).Annotated(PipelineAnnotations.CreateActor, "email:ann@example.com");

        Assert.Equal(HoldIntent.Hold, AutoPromotionHolds.Infer(promotion, Freight("old", "grommet-dev"), DevBuildsOnly, Candidates, fromControlPlane: true));
    }

    [Fact]
    public void Infer_OriginNotAutoPromoted_NoneForReleasesPromotedByHand()
    {
        var promotion = Promo("dev.01", "dev", "v1", null);

        Assert.Equal(HoldIntent.None, AutoPromotionHolds.Infer(promotion, Freight("v1", "grommet-release"), DevBuildsOnly, Candidates, fromControlPlane: false));
    }

    [Fact]
    public void Annotate_CallerSuppliedIntent_ReplacedByInferredOne()
    {
        var forged = new Dictionary<string, string> { [PipelineAnnotations.AutoPromotionResume] = "Warehouse/grommet-dev", ["keep"] = "me" };

        var annotations = AutoPromotionHolds.Annotate(forged, HoldIntent.Hold, Warehouse("grommet-dev"));

        Assert.Equal("Warehouse/grommet-dev", annotations[PipelineAnnotations.AutoPromotionHold]);
        Assert.False(annotations.ContainsKey(PipelineAnnotations.AutoPromotionResume));
        Assert.Equal("me", annotations["keep"]);
    }

    [Fact]
    public void Replay_HoldThenResume_HoldLifted()
    {
        var hold = Promo("dev.01", "dev", "old", PromotionPhase.Succeeded)
            .Annotated(PipelineAnnotations.AutoPromotionHold, "Warehouse/grommet-dev")
            .Annotated(PipelineAnnotations.CreateActor, "email:ann@example.com");
        var resume = Promo("dev.02", "dev", "new", PromotionPhase.Succeeded).Annotated(PipelineAnnotations.AutoPromotionResume, "Warehouse/grommet-dev");

        var held = AutoPromotionHolds.Replay(Dev, null, hold, enabled: true);

        Assert.Equal("dev.01", held!["Warehouse/grommet-dev"].PromotionName);
        Assert.Equal("email:ann@example.com", held["Warehouse/grommet-dev"].Actor);
        Assert.Equal("old", held["Warehouse/grommet-dev"].FreightName);
        Assert.Empty(AutoPromotionHolds.Replay(Dev, held, resume, enabled: true)!);
    }

    [Theory]
    [InlineData("an aborted Promotion withdraws its intent", PromotionPhase.Aborted, true, "Warehouse/grommet-dev")]
    [InlineData("auto-promotion off", PromotionPhase.Succeeded, false, "Warehouse/grommet-dev")]
    [InlineData("origin no longer requested", PromotionPhase.Succeeded, true, "Warehouse/gone")]
    public void Replay_IntentIgnored_NoHold(string name, PromotionPhase phase, bool enabled, string origin)
    {
        Assert.NotEmpty(name);
        var promotion = Promo("dev.01", "dev", "old", phase).Annotated(PipelineAnnotations.AutoPromotionHold, origin);

        Assert.Null(AutoPromotionHolds.Replay(Dev, null, promotion, enabled));
    }

    [Fact]
    public void Replay_FailedPromotion_StillAppliesItsIntent()
    {
        var promotion = Promo("dev.01", "dev", "old", PromotionPhase.Failed).Annotated(PipelineAnnotations.AutoPromotionHold, "Warehouse/grommet-dev");

        Assert.NotNull(AutoPromotionHolds.Replay(Dev, null, promotion, enabled: true));
    }

    [Fact]
    public void Prune_DisabledOrUnrequested_HoldsCleared()
    {
        var holds = new Dictionary<string, AutoPromotionHold>
        {
            ["Warehouse/grommet-dev"] = new() { PromotionName = "p1" },
            ["Warehouse/gone"] = new() { PromotionName = "p2" },
        };

        Assert.Null(AutoPromotionHolds.Prune(Dev, holds, enabled: false));
        Assert.Equal(["Warehouse/grommet-dev"], AutoPromotionHolds.Prune(Dev, holds, enabled: true)!.Keys);
    }

    [Fact]
    public void Effective_NewestUnrecordedIntentOverlaysDurableHolds()
    {
        var stage = Dev.WithStatus(s => s with
        {
            LastPromotion = new PromotionReference { Name = "dev.02" },
            AutoPromotionHolds = new() { ["Warehouse/grommet-release"] = new() { PromotionName = "dev.01" } },
        });
        var promotions = new[]
        {
            Promo("dev.01", "dev", "r1", PromotionPhase.Succeeded).Annotated(PipelineAnnotations.AutoPromotionResume, "Warehouse/grommet-release"),
            Promo("dev.03", "dev", "old", null).Annotated(PipelineAnnotations.AutoPromotionResume, "Warehouse/grommet-dev"),
            Promo("dev.04", "dev", "older", null).Annotated(PipelineAnnotations.AutoPromotionHold, "Warehouse/grommet-dev"),
            Promo("dev.05", "dev", "x", PromotionPhase.Aborted).Annotated(PipelineAnnotations.AutoPromotionResume, "Warehouse/grommet-dev"),
        };

        var effective = AutoPromotionHolds.Effective(stage, promotions, enabled: true)!;

        Assert.Equal(["Warehouse/grommet-dev", "Warehouse/grommet-release"], effective.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("dev.04", effective["Warehouse/grommet-dev"].PromotionName);
        Assert.Null(AutoPromotionHolds.Effective(stage, promotions, enabled: false));
    }
}
