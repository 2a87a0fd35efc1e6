using Barge.Engine.Pipeline;
using Barge.Resources.Model;
using Xunit;
using static Barge.Engine.Tests.Pipeline.PipelineFixtures;

namespace Barge.Engine.Tests.Pipeline;

public sealed class AutoPromotionCandidatesTests
{
    [Fact]
    public void Select_NewestFreight_MostRecentlyDiscovered()
    {
        var stage = Stage("dev", Direct("grommet-dev"));

        var candidates = AutoPromotionCandidates.Select(stage, [
            Freight("b", "grommet-dev", Start.AddMinutes(2)),
            Freight("c", "grommet-dev", Start.AddMinutes(1)),
        ]);

        Assert.Equal("b", candidates["Warehouse/grommet-dev"].Name);
    }

    [Fact]
    public void Select_NoDiscoveredAt_FallsBackToCreationTime()
    {
        var stage = Stage("dev", Direct("grommet-dev"));
        var older = Freight("z", "grommet-dev");
        var newer = Freight("a", "grommet-dev") with { Metadata = new ObjectMeta { Name = "a", Namespace = ProjectName, CreationTimestamp = Start.AddHours(1) } };

        Assert.Equal("a", AutoPromotionCandidates.Select(stage, [older, newer])["Warehouse/grommet-dev"].Name);
    }

    [Fact]
    public void Select_SameDiscoveryTime_GreaterNameWins()
    {
        var stage = Stage("dev", Direct("grommet-dev"));

        Assert.Equal("b", AutoPromotionCandidates.Select(stage, [Freight("a", "grommet-dev", Start), Freight("b", "grommet-dev", Start)])["Warehouse/grommet-dev"].Name);
    }

    [Fact]
    public void Select_MatchUpstreamWithTwoFreightUpstream_NoCandidateThisPass()
    {
        var stage = Stage("prod", From("grommet-release", "dev").With(selection: AutoPromotionSelectionPolicy.MatchUpstream));

        Assert.Empty(AutoPromotionCandidates.Select(stage, [Freight("a", "grommet-release"), Freight("b", "grommet-release")]));
    }

    [Fact]
    public void Select_PerRequestedOrigin_UnrequestedOriginsIgnored()
    {
        var stage = Stage("dev", Direct("grommet-dev"), Direct("grommet-release"));

        var candidates = AutoPromotionCandidates.Select(stage, [Freight("a", "grommet-dev"), Freight("r", "grommet-release"), Freight("x", "other")]);

        Assert.Equal(["Warehouse/grommet-dev", "Warehouse/grommet-release"], candidates.Keys.Order(StringComparer.Ordinal));
    }
}
