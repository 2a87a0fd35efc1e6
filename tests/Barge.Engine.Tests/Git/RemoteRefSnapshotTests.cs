using Barge.Engine.Git;
using Xunit;

namespace Barge.Engine.Tests.Git;

public sealed class RemoteRefSnapshotTests
{
    private const string Output =
        "ref: refs/heads/main\tHEAD\n" +
        "1111111111111111111111111111111111111111\tHEAD\n" +
        "1111111111111111111111111111111111111111\trefs/heads/main\n" +
        "2222222222222222222222222222222222222222\trefs/tags/v1.0.0\n" +
        "3333333333333333333333333333333333333333\trefs/tags/v1.0.0^{}\n" +
        "4444444444444444444444444444444444444444\trefs/pull/1/head\n" +
        "5555555555555555555555555555555555555555\trefs/heads/dev\n";

    [Fact]
    public void Parse_LsRemoteOutput_KeepsBranchesAndTagsAndDefaultBranch()
    {
        var snapshot = RemoteRefSnapshot.Parse(Output);

        Assert.Equal("main", snapshot.DefaultBranch);
        Assert.Equal(["refs/heads/dev", "refs/heads/main", "refs/tags/v1.0.0"], snapshot.Refs.Select(r => r.Name));
        Assert.Equal("2222222222222222222222222222222222222222", Assert.Single(snapshot.Tags).Id);
        Assert.Equal("5555555555555555555555555555555555555555", snapshot.BranchHead("dev"));
        Assert.Null(snapshot.BranchHead("nope"));
    }

    [Fact]
    public void Serialize_ThenParse_RoundTrips()
    {
        var snapshot = RemoteRefSnapshot.Parse(Output);

        Assert.True(snapshot.SameAs(RemoteRefSnapshot.Parse(snapshot.Serialize())));
    }

    [Fact]
    public void SameAs_MovedTag_IsFalse()
    {
        var snapshot = RemoteRefSnapshot.Parse(Output);
        var moved = RemoteRefSnapshot.Parse(Output.Replace("2222", "9999", StringComparison.Ordinal));

        Assert.False(snapshot.SameAs(moved));
    }
}
