using Barge.Engine.Audit;
using Barge.Engine.Controllers.Promotions;
using Barge.Resources.Model;
using Barge.Storage;
using Xunit;

namespace Barge.Engine.Tests.Controllers.Pipeline;

/// <summary>The Promotion reconciler's rules (kargo-spec.md §7.4): queue, availability, abort, lease, audit.</summary>
public sealed class PromotionReconcilerTests
{
    [Fact]
    public async Task Reconcile_TwoPromotionsOfOneStage_RunOneAfterTheOtherInNameOrder()
    {
        await using var f = await PipelineFixture.CreateAsync();
        await f.ApplyAsync(PipelineFixture.StageYaml("dev"));
        await f.PutFreightAsync("f1", 0);
        await f.PutFreightAsync("f2", 5);
        var first = (await f.PromoteAsync("dev", "f1")).Promotion!;
        var second = (await f.PromoteAsync("dev", "f2")).Promotion!;

        await f.RunUntilIdleAsync();

        Assert.All(await f.PromotionsAsync("dev"), p => Assert.Equal(PromotionPhase.Succeeded, p.Status!.Phase));
        var audit = await f.AuditAsync();
        var order = audit.Where(a => a.Type is AuditTypes.PromotionStarted or AuditTypes.PromotionFinished).Select(a => (a.Type, a.Promotion)).ToList();
        var (low, high) = string.CompareOrdinal(first.Name, second.Name) < 0 ? (first.Name, second.Name) : (second.Name, first.Name);
        Assert.Equal([(AuditTypes.PromotionStarted, low), (AuditTypes.PromotionFinished, low), (AuditTypes.PromotionStarted, high), (AuditTypes.PromotionFinished, high)], order);
        Assert.Equal(high == second.Name ? "f2" : "f1", (await f.StageAsync("dev")).Status!.FreightHistory![0].Items!["Warehouse/w"].Name);
    }

    [Fact]
    public async Task Reconcile_ManualPromotion_AuditEntriesOnceEachWithActorAndOrigin()
    {
        await using var f = await PipelineFixture.CreateAsync();
        await f.ApplyAsync(PipelineFixture.StageYaml("dev"));
        await f.PutFreightAsync("f1", alias: "brave-fox");
        var promotion = (await f.PromoteAsync("dev", "f1", "subject:alice")).Promotion!;

        await f.RunUntilIdleAsync();
        await f.RunUntilIdleAsync();

        var audit = (await f.AuditAsync()).Where(a => a.Promotion == promotion.Name).ToList();
        Assert.Equal([AuditTypes.PromotionCreated, AuditTypes.PromotionStarted, AuditTypes.PromotionFinished], audit.Select(a => a.Type));
        Assert.All(audit, a =>
        {
            Assert.Equal("subject:alice", a.Actor);
            Assert.Equal("w", a.Origin);
            Assert.Equal("f1", a.Freight);
            Assert.Equal("brave-fox", a.FreightAlias);
            Assert.Equal("dev", a.Stage);
        });
        Assert.Equal("Succeeded", audit[2].Phase);
        Assert.NotNull(audit[2].DurationMilliseconds);
    }

    [Fact]
    public async Task Reconcile_AutoPromotion_AuditActorIsTheStageController()
    {
        await using var f = await PipelineFixture.CreateAsync();
        await f.ApplyAsync(PipelineFixture.StageYaml("dev"), PipelineFixture.AutoPromote("dev"));
        await f.PutFreightAsync("f1");

        await f.RunUntilIdleAsync();

        var audit = (await f.AuditAsync()).Where(a => a.Type.StartsWith("Promotion", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, audit.Count);
        Assert.All(audit, a => Assert.Equal("controller:stage-controller", a.Actor));
    }

    [Fact]
    public async Task Reconcile_FreightGoneBeforeStart_PromotionErrored()
    {
        await using var f = await PipelineFixture.CreateAsync();
        await f.ApplyAsync(PipelineFixture.StageYaml("dev"));
        await f.PutFreightAsync("f1");
        var promotion = (await f.PromoteAsync("dev", "f1")).Promotion!;
        await f.Store.DeleteAsync(new ResourceKey("Freight", "p", "f1"));

        await f.RunUntilIdleAsync();

        var stored = Assert.Single(await f.PromotionsAsync("dev"));
        Assert.Equal(PromotionPhase.Errored, stored.Status!.Phase);
        Assert.Contains("Freight \"f1\" not found", stored.Status.Message, StringComparison.Ordinal);
        Assert.Contains(f.Promotions.Unsuccessful, k => k.Contains(promotion.Name, StringComparison.Ordinal));
        Assert.Single(await f.AuditAsync(), a => a.Type == AuditTypes.PromotionFinished && a.Phase == "Errored");
    }

    [Fact]
    public async Task Reconcile_AbortRequestedWhileQueued_PromotionAbortedWithoutRunning()
    {
        await using var f = await PipelineFixture.CreateAsync();
        await f.ApplyAsync(PipelineFixture.StageYaml("dev"));
        await f.PutFreightAsync("f1");
        var promotion = (await f.PromoteAsync("dev", "f1")).Promotion!;
        var engine = new Barge.Engine.Promotion.PromotionEngine(f.Store, new Barge.Engine.Promotion.PromotionEngineOptions(Path.GetTempPath()), f.Time);
        Assert.True(await engine.RequestAbortAsync("p", promotion.Name, "subject:bob"));

        await f.RunUntilIdleAsync();

        var stored = Assert.Single(await f.PromotionsAsync("dev"));
        Assert.Equal(PromotionPhase.Aborted, stored.Status!.Phase);
        Assert.Equal("Promotion terminated by subject:bob", stored.Status.Message);
        Assert.Null(stored.Status.StartedAt);
    }

    [Fact]
    public async Task Reconcile_LeaseHeldByAnotherProcess_PromotionDoesNotRun()
    {
        await using var f = await PipelineFixture.CreateAsync(options: new PromotionReconcilerOptions { LeaseRetry = TimeSpan.FromMinutes(1) });
        await f.ApplyAsync(PipelineFixture.StageYaml("dev"));
        await f.PutFreightAsync("f1");
        var promotion = (await f.PromoteAsync("dev", "f1")).Promotion!;
        Assert.NotNull(await f.Store.TryAcquireLeaseAsync($"promotion/p/{promotion.Name}", "other-process", TimeSpan.FromMinutes(5)));

        await f.RunUntilIdleAsync();
        Assert.Equal(PromotionPhase.Pending, Assert.Single(await f.PromotionsAsync("dev")).Status!.Phase);

        Assert.True(await f.Store.ReleaseLeaseAsync($"promotion/p/{promotion.Name}", "other-process"));
        f.Time.Advance(TimeSpan.FromMinutes(1));
        await f.RunUntilIdleAsync();
        Assert.Equal(PromotionPhase.Succeeded, Assert.Single(await f.PromotionsAsync("dev")).Status!.Phase);
    }

    [Fact]
    public async Task Reconcile_NotTheStagesCurrentPromotion_DoesNotRun()
    {
        await using var f = await PipelineFixture.CreateAsync();
        await f.ApplyAsync(PipelineFixture.StageYaml("dev"));
        await f.PutFreightAsync("f1");
        var promotion = (await f.PromoteAsync("dev", "f1")).Promotion!;

        var result = await f.Promotions.ReconcileAsync(new ResourceKey("Promotion", "p", promotion.Name), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(PromotionPhase.Pending, Assert.Single(await f.PromotionsAsync("dev")).Status!.Phase);
    }
}
