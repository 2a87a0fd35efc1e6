using Barge.Engine.Pipeline;
using Xunit;
using static Barge.Engine.Tests.Pipeline.PipelineFixtures;

namespace Barge.Engine.Tests.Pipeline;

public sealed class StageDeletionTests
{
    [Fact]
    public void Cleanup_DeletedStage_VerificationsAndApprovalsForgotten()
    {
        var freight = new[]
        {
            Freight("a", "grommet-dev").VerifiedIn("dev").VerifiedIn("qa"),
            Freight("b", "grommet-dev").ApprovedFor("dev"),
            Freight("c", "grommet-dev").VerifiedIn("qa"),
            Freight("d", "grommet-dev"),
        };

        var updates = StageDeletion.Cleanup("dev", freight);

        Assert.Equal(["a", "b"], updates.Select(u => u.Freight));
        Assert.Equal(["qa"], updates[0].Status.VerifiedIn!.Keys);
        Assert.Null(updates[1].Status.ApprovedFor);
    }
}
