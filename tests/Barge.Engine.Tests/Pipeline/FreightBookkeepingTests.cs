using Barge.Engine.Pipeline;
using Barge.Resources.Model;
using Xunit;
using static Barge.Engine.Tests.Pipeline.PipelineFixtures;

namespace Barge.Engine.Tests.Pipeline;

public sealed class FreightBookkeepingTests
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider clock = Clock();

    private FreightBookkeeping Bookkeeping => new(clock);

    [Fact]
    public void EnterStage_NotYetIn_RecordsSinceNow()
    {
        var status = Bookkeeping.EnterStage(null, "dev");

        Assert.Equal(Start, status.CurrentlyIn!["dev"].Since);
    }

    [Fact]
    public void EnterStage_AlreadyIn_KeepsSinceAndInstance()
    {
        var before = Freight("f1", "grommet-dev").CurrentlyIn("dev", Start.AddHours(-1)).Status!;
        clock.Advance(TimeSpan.FromHours(1));

        Assert.Same(before, Bookkeeping.EnterStage(before, "dev"));
    }

    [Fact]
    public void LeaveStage_VerifiedThere_RecordsSoakAsLongestSoak()
    {
        var before = Freight("f1", "grommet-dev").VerifiedIn("dev").CurrentlyIn("dev", Start).Status!;
        clock.Advance(TimeSpan.FromMinutes(90));

        var after = Bookkeeping.LeaveStage(before, "dev");

        Assert.Null(after.CurrentlyIn);
        Assert.Equal("1h30m0s", after.VerifiedIn!["dev"].LongestSoak);
        Assert.Null(before.VerifiedIn!["dev"].LongestSoak);
    }

    [Fact]
    public void LeaveStage_ShorterStayThanRecorded_KeepsTheLongestSoak()
    {
        var before = Freight("f1", "grommet-dev").VerifiedIn("dev", longestSoak: "2h0m0s").CurrentlyIn("dev", Start).Status!;
        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal("2h0m0s", Bookkeeping.LeaveStage(before, "dev").VerifiedIn!["dev"].LongestSoak);
    }

    [Fact]
    public void LeaveStage_NotVerifiedThere_NoSoakRecorded()
    {
        var before = Freight("f1", "grommet-dev").CurrentlyIn("dev", Start).CurrentlyIn("qa", Start).Status!;

        var after = Bookkeeping.LeaveStage(before, "dev");

        Assert.Equal(["qa"], after.CurrentlyIn!.Keys);
        Assert.Null(after.VerifiedIn);
    }

    [Fact]
    public void LeaveStage_NotIn_SameInstance()
    {
        var before = new FreightStatus();

        Assert.Same(before, Bookkeeping.LeaveStage(before, "dev"));
    }

    [Fact]
    public void MarkVerified_FirstVerificationIsKept()
    {
        var first = FreightBookkeeping.MarkVerified(null, "dev", Start);

        Assert.Same(first, FreightBookkeeping.MarkVerified(first, "dev", Start.AddHours(1)));
        Assert.Equal(Start, first.VerifiedIn!["dev"].VerifiedAt);
    }

    [Fact]
    public void Approve_RecordsApprovedAtNowOnce()
    {
        var approved = Bookkeeping.Approve(null, "prod");
        clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(Start, approved.ApprovedFor!["prod"].ApprovedAt);
        Assert.Same(approved, Bookkeeping.Approve(approved, "prod"));
    }

    [Fact]
    public void ForgetStage_RemovesVerifiedInAndApprovedForOnly()
    {
        var before = Freight("f1", "grommet-dev").VerifiedIn("dev").VerifiedIn("qa").ApprovedFor("dev").CurrentlyIn("dev").Status!;

        var after = FreightBookkeeping.ForgetStage(before, "dev");

        Assert.Equal(["qa"], after.VerifiedIn!.Keys);
        Assert.Null(after.ApprovedFor);
        Assert.Equal(["dev"], after.CurrentlyIn!.Keys);
    }
}
