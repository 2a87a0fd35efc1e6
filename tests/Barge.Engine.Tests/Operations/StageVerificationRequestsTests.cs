using Xunit;
using Barge.Engine.Operations;
using Barge.Engine.Pipeline;
using Barge.Resources.Model;
using static Barge.Engine.Tests.Pipeline.PipelineFixtures;

namespace Barge.Engine.Tests.Operations;

public sealed class StageVerificationRequestsTests
{
    private static Stage DevWith(VerificationPhase? phase)
    {
        var collection = Collection(Ref("f1", "grommet-dev"));
        if (phase is not null)
        {
            collection = FreightCollections.RecordVerification(collection, new VerificationInfo { Id = "v-1", Phase = phase });
        }
        return Stage("dev", Direct("grommet-dev")).WithStatus(s => s with { FreightHistory = [collection] });
    }

    private static async Task<(OperationsWorld World, StageVerificationRequests Requests)> WorldAsync(Stage dev)
    {
        var world = await OperationsWorld.CreateAsync();
        await world.PutStageAsync(dev);
        return (world, new StageVerificationRequests(world.Store, world.Fixture.Time));
    }

    [Fact]
    public async Task ReverifyAsync_FinishedVerification_WritesReverifyAnnotationForItsId()
    {
        var (world, requests) = await WorldAsync(DevWith(VerificationPhase.Failed));
        await using var _ = world;

        var result = await requests.ReverifyAsync(OperationsWorld.Project, "dev", "admin", CancellationToken.None);

        Assert.True(result.Succeeded, result.Message);
        var request = VerificationRequest.Parse((await world.StoredStageAsync("dev")).Annotations[PipelineAnnotations.Reverify]);
        Assert.Equal(new VerificationRequest("v-1", "admin", false), request);
    }

    [Fact]
    public async Task AbortVerificationAsync_Running_WritesAbortAnnotation()
    {
        var (world, requests) = await WorldAsync(DevWith(VerificationPhase.Running));
        await using var _ = world;

        var result = await requests.AbortVerificationAsync(OperationsWorld.Project, "dev", "admin", CancellationToken.None);

        Assert.True(result.Changed, result.Message);
        var request = VerificationRequest.Parse((await world.StoredStageAsync("dev")).Annotations[PipelineAnnotations.Abort]);
        Assert.True(request!.IsFor("v-1"));
    }

    [Fact]
    public async Task AbortVerificationAsync_AlreadyFinished_WritesNothing()
    {
        var (world, requests) = await WorldAsync(DevWith(VerificationPhase.Successful));
        await using var _ = world;
        var before = (await world.StoredStageAsync("dev")).ResourceVersion;

        var result = await requests.AbortVerificationAsync(OperationsWorld.Project, "dev", "admin", CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.False(result.Changed);
        Assert.Equal(before, (await world.StoredStageAsync("dev")).ResourceVersion);
    }

    [Fact]
    public async Task ReverifyAsync_NoCurrentFreight_Conflict()
    {
        var (world, requests) = await WorldAsync(Stage("dev", Direct("grommet-dev")));
        await using var _ = world;

        var result = await requests.ReverifyAsync(OperationsWorld.Project, "dev", "admin", CancellationToken.None);

        Assert.Equal(OperationFailure.Conflict, result.Failure);
        Assert.Contains("has no current Freight", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReverifyAsync_NoVerificationYet_Conflict()
    {
        var (world, requests) = await WorldAsync(DevWith(null));
        await using var _ = world;

        var result = await requests.ReverifyAsync(OperationsWorld.Project, "dev", "admin", CancellationToken.None);

        Assert.Equal(OperationFailure.Conflict, result.Failure);
    }

    [Fact]
    public async Task ReverifyAsync_UnknownStage_NotFound()
    {
        var (world, requests) = await WorldAsync(DevWith(VerificationPhase.Failed));
        await using var _ = world;

        var result = await requests.ReverifyAsync(OperationsWorld.Project, "qa", "admin", CancellationToken.None);

        Assert.Equal(OperationFailure.NotFound, result.Failure);
        Assert.Equal("Stage \"qa\" not found in project \"grommet\"", result.Message);
    }
}
