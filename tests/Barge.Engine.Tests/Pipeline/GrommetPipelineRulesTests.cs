using Barge.Engine.Pipeline;
using Barge.Resources.Manifests;
using Barge.Resources.Model;
using Barge.Testing;
using Barge.Testing.Grommet;
using Xunit;
using static Barge.Engine.Tests.Pipeline.PipelineFixtures;

namespace Barge.Engine.Tests.Pipeline;

/// <summary>The grommet scenario of issue 6, through the pipeline rules alone (no store, no engine), with a fake clock.</summary>
public sealed class GrommetPipelineRulesTests
{
    private static async Task<PipelineWorld> LoadAsync()
    {
        var text = GrommetExample.Offline();
        var read = new ManifestReader().ReadText(text, GrommetExample.Path);
        Assert.True(read.Succeeded, string.Join('\n', read.Errors));
        var resources = read.Documents.Select(d => d.Resource).ToList();
        return new PipelineWorld(Clock(), resources.OfType<ProjectConfig>().Single(), resources.OfType<Stage>());
    }

    [Fact]
    public async Task Grommet_DevBuildAutoPromoted_ReleaseByHand_ProdOnlyAfterVerificationAndSoak()
    {
        var world = await LoadAsync();

        // A dev-* tag: Freight from grommet-dev reaches dev by itself.
        world.Add(Freight("dev-1", "grommet-dev", Start));
        world.RunUntilIdle();
        Assert.Equal("dev-1", FreightHistory.Current(world.Stages["dev"].Status)!.Items!["Warehouse/grommet-dev"].Name);
        Assert.Equal(("dev-1", "Warehouse/grommet-dev", "controller:stage-controller"), world.Created.Select(c => (c.Freight, c.Origin, c.Actor)).Single());
        Assert.True(world.Freight["dev-1"].Status!.VerifiedIn!.ContainsKey("dev"));
        Assert.True(world.Stages["dev"].Status!.AutoPromotionEnabled);

        // A v* tag: the release is available to dev but nobody promotes it automatically.
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        world.Add(Freight("v1", "grommet-release", world.Clock.GetUtcNow()));
        world.RunUntilIdle();
        Assert.True(world.Availability.IsAvailable(world.Stages["dev"], world.Freight["v1"]));
        Assert.Single(world.Created);
        Assert.False(world.Availability.IsAvailable(world.Stages["prod"], world.Freight["v1"]));

        // A person promotes it (barge promote --warehouse grommet-release --stage dev).
        var candidate = AutoPromotionCandidates.Select(world.Stages["dev"],
            world.Availability.ListAvailable(world.Stages["dev"], world.Freight.Values, "grommet-release"))["Warehouse/grommet-release"];
        var byHand = world.Promote("dev", candidate.Name, "email:ann@example.com");
        world.RunUntilIdle();
        Assert.Equal("2/2 Fulfilled", world.Stages["dev"].Status!.FreightSummary);
        Assert.Equal(byHand, world.Stages["dev"].Status!.LastPromotion!.Name);
        Assert.Null(world.Stages["dev"].Status!.AutoPromotionHolds);
        var verifiedAt = world.Clock.GetUtcNow();

        // Verified in dev, but prod requires 5s of soak there.
        var waiting = world.Availability.Evaluate(world.Stages["prod"], world.Freight["v1"]);
        Assert.Equal(UnavailableReasonKind.SoakTimeRemaining, waiting.Reasons[0].Kind);
        Assert.Equal(verifiedAt.AddSeconds(5), waiting.AvailableAt);
        Assert.Throws<InvalidOperationException>(() => world.Promote("prod", "v1", "email:ann@example.com"));

        world.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.True(world.Availability.IsAvailable(world.Stages["prod"], world.Freight["v1"]));
        Assert.False(world.Stages["prod"].Status!.AutoPromotionEnabled);
        world.Promote("prod", "v1", "email:ann@example.com");
        world.RunUntilIdle();
        Assert.Equal("v1", world.Stages["prod"].Status!.FreightSummary);

        // The next dev build replaces dev-1 in dev and keeps the release next to it.
        world.Add(Freight("dev-2", "grommet-dev", world.Clock.GetUtcNow()));
        world.RunUntilIdle();
        var dev = FreightHistory.Current(world.Stages["dev"].Status)!;
        Assert.Equal(["dev-2", "v1"], dev.Items!.Values.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Null(world.Freight["dev-1"].Status!.CurrentlyIn);
        Assert.Equal("1m5s", world.Freight["dev-1"].Status!.VerifiedIn!["dev"].LongestSoak);
        Assert.Equal(["dev-1", "v1", "v1", "dev-2"], world.Created.Select(c => c.Freight));
        Assert.Equal(3, world.Stages["dev"].Status!.FreightHistory!.Count);
    }

    [Fact]
    public async Task Grommet_PersonPromotesOlderDevBuild_AutoPromotionHeldUntilCandidatePromoted()
    {
        var world = await LoadAsync();
        world.Add(Freight("dev-1", "grommet-dev", Start));
        world.RunUntilIdle();
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        world.Add(Freight("dev-2", "grommet-dev", world.Clock.GetUtcNow()));
        world.RunUntilIdle();

        // Rolling dev back to dev-1 holds auto-promotion of grommet-dev...
        world.Promote("dev", "dev-1", "email:ann@example.com");
        world.RunUntilIdle();
        Assert.Equal("dev-1", world.Stages["dev"].Status!.AutoPromotionHolds!["Warehouse/grommet-dev"].FreightName);
        world.Add(Freight("dev-3", "grommet-dev", world.Clock.GetUtcNow().AddSeconds(1)));
        world.RunUntilIdle();
        Assert.DoesNotContain(world.Created, c => c.Freight == "dev-3");

        // ...until someone promotes the candidate again.
        world.Promote("dev", "dev-3", "email:ann@example.com");
        world.RunUntilIdle();
        Assert.Null(world.Stages["dev"].Status!.AutoPromotionHolds);
        world.Add(Freight("dev-4", "grommet-dev", world.Clock.GetUtcNow().AddSeconds(2)));
        world.RunUntilIdle();
        Assert.Equal(("dev-4", "controller:stage-controller"), world.Created.Select(c => (c.Freight, c.Actor)).Last());
    }
}
