using Xunit;
using Barge.Engine.Audit;
using Barge.Engine.Operations;
using Barge.Resources.Model;
using static Barge.Engine.Tests.Pipeline.PipelineFixtures;

namespace Barge.Engine.Tests.Operations;

public sealed class FreightApprovalTests
{
    private static async Task<OperationsWorld> WorldAsync()
    {
        var world = await OperationsWorld.CreateAsync();
        await world.PutStageAsync(Stage("dev", Direct("grommet-dev"), Direct("grommet-release")));
        await world.PutStageAsync(Stage("prod", From("grommet-release", "dev")));
        await world.PutFreightAsync(Freight("f1", "grommet-release") with { Alias = "brave-otter" });
        return world;
    }

    private static FreightApproval Approval(OperationsWorld world) => new(world.Store, world.Fixture.Time);

    [Fact]
    public async Task ApproveAsync_ByName_WritesApprovedForAndOneAuditEntry()
    {
        await using var world = await WorldAsync();

        var result = await Approval(world).ApproveAsync(OperationsWorld.Project, "f1", "prod", "admin", CancellationToken.None);

        Assert.True(result.Succeeded, result.Message);
        Assert.True(result.Changed);
        var freight = await world.FreightAsync("f1");
        Assert.Equal(world.Fixture.Time.GetUtcNow(), freight.Status!.ApprovedFor!["prod"].ApprovedAt);
        var audit = Assert.Single(await world.AuditAsync());
        Assert.Equal((AuditTypes.FreightApproved, "admin", "prod", "f1", "brave-otter", "grommet-release"),
            (audit.Type, audit.Actor, audit.Stage, audit.Freight, audit.FreightAlias, audit.Origin));
    }

    [Fact]
    public async Task ApproveAsync_ByAlias_ApprovesThatFreight()
    {
        await using var world = await WorldAsync();

        var result = await Approval(world).ApproveAsync(OperationsWorld.Project, "brave-otter", "prod", "admin", CancellationToken.None);

        Assert.True(result.Succeeded, result.Message);
        Assert.True((await world.FreightAsync("f1")).Status!.ApprovedFor!.ContainsKey("prod"));
    }

    [Fact]
    public async Task ApproveAsync_Twice_SecondWritesNothing()
    {
        await using var world = await WorldAsync();
        await Approval(world).ApproveAsync(OperationsWorld.Project, "f1", "prod", "admin", CancellationToken.None);
        var first = (await world.FreightAsync("f1")).Status!.ApprovedFor!["prod"].ApprovedAt;
        world.Fixture.Time.Advance(TimeSpan.FromMinutes(5));

        var again = await Approval(world).ApproveAsync(OperationsWorld.Project, "brave-otter", "prod", "someone-else", CancellationToken.None);

        Assert.True(again.Succeeded);
        Assert.False(again.Changed);
        Assert.Equal(first, (await world.FreightAsync("f1")).Status!.ApprovedFor!["prod"].ApprovedAt);
        Assert.Single(await world.AuditAsync());
    }

    [Theory]
    [InlineData("unknown freight", "nope", "prod", "admin", OperationFailure.NotFound, "Freight with name or alias \"nope\" not found")]
    [InlineData("unknown stage", "f1", "qa", "admin", OperationFailure.NotFound, "Stage \"qa\" not found")]
    [InlineData("origin not requested", "dev-1", "prod", "admin", OperationFailure.BadInput, "does not request Freight from origin \"Warehouse/grommet-dev\"")]
    [InlineData("empty stage", "f1", "", "admin", OperationFailure.BadInput, "stage must not be empty")]
    [InlineData("empty actor", "f1", "prod", " ", OperationFailure.BadInput, "actor must not be empty")]
    public async Task ApproveAsync_BadRequest_FailsWithoutWriting(string scenario, string freight, string stage, string actor, OperationFailure failure, string message)
    {
        await using var world = await WorldAsync();
        await world.PutFreightAsync(Freight("dev-1", "grommet-dev"));

        var result = await Approval(world).ApproveAsync(OperationsWorld.Project, freight, stage, actor, CancellationToken.None);

        Assert.False(result.Succeeded, scenario);
        Assert.Equal(failure, result.Failure);
        Assert.Contains(message, result.Message, StringComparison.Ordinal);
        Assert.Empty(await world.AuditAsync());
    }

    [Fact]
    public async Task ApproveAsync_AliasCarriedTwice_IsAmbiguous()
    {
        await using var world = await WorldAsync();
        await world.PutFreightAsync(Freight("f2", "grommet-release") with { Alias = "brave-otter" });

        var result = await Approval(world).ApproveAsync(OperationsWorld.Project, "brave-otter", "prod", "admin", CancellationToken.None);

        Assert.Equal(OperationFailure.BadInput, result.Failure);
        Assert.Contains("ambiguous", result.Message, StringComparison.Ordinal);
        Assert.Null((await world.FreightAsync("f1")).Status?.ApprovedFor);
    }
}
