using Barge.Engine.Pipeline;
using Xunit;
using static Barge.Engine.Tests.Pipeline.PipelineFixtures;

namespace Barge.Engine.Tests.Pipeline;

public sealed class FreightPresenceTests
{
    [Fact]
    public void Sync_CurrentCollection_EntersItsFreightAndRemovesTheRest()
    {
        var clock = Clock();
        var presence = new FreightPresence(new FreightBookkeeping(clock));
        var leaving = Freight("old", "grommet-dev").VerifiedIn("dev").CurrentlyIn("dev", Start.AddMinutes(-10));
        var entering = Freight("new", "grommet-dev");
        var staying = Freight("rel", "grommet-release").CurrentlyIn("dev", Start.AddMinutes(-1));

        var result = presence.Sync("dev", Collection(Ref("new", "grommet-dev"), Ref("rel", "grommet-release")), [leaving, entering, staying]);

        Assert.Equal(["new", "old"], result.Updates.Select(u => u.Freight));
        Assert.Equal(Start, result.Updates[0].Status.CurrentlyIn!["dev"].Since);
        Assert.Null(result.Updates[1].Status.CurrentlyIn);
        Assert.Equal("10m0s", result.Updates[1].Status.VerifiedIn!["dev"].LongestSoak);
        Assert.Empty(result.Missing);
    }

    [Fact]
    public void Sync_CollectionNamesFreightThatDoesNotExist_ReportedMissing()
    {
        var presence = new FreightPresence(new FreightBookkeeping(Clock()));

        var result = presence.Sync("dev", Collection(Ref("gone", "grommet-dev")), []);

        Assert.Equal(["gone"], result.Missing);
        Assert.Empty(result.Updates);
    }
}
