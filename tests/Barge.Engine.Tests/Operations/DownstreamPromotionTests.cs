using Xunit;
using System.Security.Cryptography;
using Barge.Engine.Audit;
using Barge.Engine.Operations;
using Barge.Resources.Model;
using static Barge.Engine.Tests.Pipeline.PipelineFixtures;

namespace Barge.Engine.Tests.Operations;

public sealed class DownstreamPromotionTests
{
    private static async Task<OperationsWorld> WorldAsync(params Stage[] extra)
    {
        var world = await OperationsWorld.CreateAsync();
        await world.PutStageAsync(Stage("dev", Direct("grommet-release")));
        await world.PutStageAsync(Stage("prod", From("grommet-release", "dev")));
        foreach (var stage in extra)
        {
            await world.PutStageAsync(stage);
        }
        return world;
    }

    private static DownstreamPromotion Downstream(OperationsWorld world) => new(world.Store, world.Fixture.Time, RandomNumberGenerator.Create());

    [Fact]
    public async Task CreateAsync_VerifiedUpstream_CreatesPromotionPerDownstreamStageWithAuditEntry()
    {
        await using var world = await WorldAsync(Stage("staging", From("grommet-release", "dev")));
        await world.PutFreightAsync(Freight("f1", "grommet-release").VerifiedIn("dev") with { Alias = "brave-otter" });

        var result = await Downstream(world).CreateAsync(OperationsWorld.Project, "brave-otter", "dev", "admin", CancellationToken.None);

        Assert.True(result.Succeeded, result.Message);
        Assert.Empty(result.Errors);
        Assert.Equal(["prod", "staging"], result.Promotions.Select(p => p.Spec!.Stage).Order(StringComparer.Ordinal));
        Assert.All(result.Promotions, p => Assert.Equal("f1", p.Spec!.Freight));
        var audit = await world.AuditAsync();
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.Equal((AuditTypes.PromotionCreated, "admin", "grommet-release"), (a.Type, a.Actor, a.Origin)));
    }

    [Fact]
    public async Task CreateAsync_NotVerifiedUpstream_NotVerifiedAndNothingCreated()
    {
        await using var world = await WorldAsync();
        await world.PutFreightAsync(Freight("f1", "grommet-release"));

        var result = await Downstream(world).CreateAsync(OperationsWorld.Project, "f1", "dev", "admin", CancellationToken.None);

        Assert.Equal(OperationFailure.NotVerified, result.Failure);
        Assert.Equal("Freight \"f1\" is not verified in Stage \"dev\" in project \"grommet\"", result.Message);
        Assert.Empty(await world.AuditAsync());
    }

    [Fact]
    public async Task CreateAsync_SoakNotReachedInOneDownstream_NothingCreated()
    {
        await using var world = await WorldAsync(Stage("staging", From("grommet-release", "dev").With(soak: "1h")));
        await world.PutFreightAsync(Freight("f1", "grommet-release").VerifiedIn("dev").CurrentlyIn("dev", world.Fixture.Time.GetUtcNow()));

        var result = await Downstream(world).CreateAsync(OperationsWorld.Project, "f1", "dev", "admin", CancellationToken.None);

        Assert.Equal(OperationFailure.NotVerified, result.Failure);
        Assert.Contains("not available to downstream Stage \"staging\"", result.Message, StringComparison.Ordinal);
        Assert.Empty(await world.AuditAsync());
    }

    [Fact]
    public async Task CreateAsync_ControlFlowDownstream_IsSkipped()
    {
        var gate = Stage("gate", From("grommet-release", "dev")) with { Spec = Stage("gate", From("grommet-release", "dev")).Spec! with { PromotionTemplate = null } };
        await using var world = await WorldAsync(gate);
        await world.PutFreightAsync(Freight("f1", "grommet-release").VerifiedIn("dev"));

        var result = await Downstream(world).CreateAsync(OperationsWorld.Project, "f1", "dev", "admin", CancellationToken.None);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("prod", Assert.Single(result.Promotions).Spec!.Stage);
    }

    [Theory]
    [InlineData("no downstream", "f1", "prod", OperationFailure.NotFound, "has no downstream stages")]
    [InlineData("unknown upstream", "f1", "qa", OperationFailure.NotFound, "Stage \"qa\" not found")]
    [InlineData("unknown freight", "nope", "dev", OperationFailure.NotFound, "Freight with name or alias \"nope\" not found")]
    [InlineData("empty freight", "", "dev", OperationFailure.BadInput, "freight must not be empty")]
    public async Task CreateAsync_BadRequest_Fails(string scenario, string freight, string from, OperationFailure failure, string message)
    {
        await using var world = await WorldAsync();
        await world.PutFreightAsync(Freight("f1", "grommet-release").VerifiedIn("dev").VerifiedIn("prod"));

        var result = await Downstream(world).CreateAsync(OperationsWorld.Project, freight, from, "admin", CancellationToken.None);

        Assert.True(failure == result.Failure, $"{scenario}: {result.Failure} {result.Message}");
        Assert.Contains(message, result.Message, StringComparison.Ordinal);
        Assert.Empty(result.Promotions);
    }
}
