using System.Security.Cryptography;
using Barge.Engine.Audit;
using Barge.Engine.Controllers.Stages;
using Barge.Engine.Verification;
using Barge.Resources.Model;
using Barge.Storage;
using Xunit;

namespace Barge.Engine.Tests.Controllers.Pipeline;

/// <summary>The Stage reconciler's rules of kargo-spec.md §7.2–7.5, driven through the controller runtime.</summary>
public sealed class StageReconcilerTests
{
    [Fact]
    public async Task Reconcile_NewFreightWithAutoPromotionPolicy_PromotedAndCurrentAndVerified()
    {
        await using var f = await PipelineFixture.CreateAsync();
        await f.ApplyAsync(PipelineFixture.StageYaml("dev"), PipelineFixture.AutoPromote("dev"));
        await f.PutFreightAsync("f1");

        await f.RunUntilIdleAsync();

        var promotion = Assert.Single(await f.PromotionsAsync("dev"));
        Assert.Equal(PromotionPhase.Succeeded, promotion.Status!.Phase);
        var stage = await f.StageAsync("dev");
        Assert.Equal("f1", stage.Status!.FreightHistory![0].Items!["Warehouse/w"].Name);
        Assert.True(stage.Status.AutoPromotionEnabled);
        Assert.Null(stage.Status.CurrentPromotion);
        Assert.Equal(promotion.Name, stage.Status.LastPromotion!.Name);
        var freight = await f.FreightAsync("f1");
        Assert.True(freight.Status!.CurrentlyIn!.ContainsKey("dev"));
        Assert.True(freight.Status.VerifiedIn!.ContainsKey("dev"));
    }

    [Fact]
    public async Task Reconcile_NoPromotionPolicy_FreightNotAutoPromoted()
    {
        await using var f = await PipelineFixture.CreateAsync();
        await f.ApplyAsync(PipelineFixture.StageYaml("dev"));
        await f.PutFreightAsync("f1");

        await f.RunUntilIdleAsync();

        Assert.Empty(await f.PromotionsAsync("dev"));
        Assert.False((await f.StageAsync("dev")).Status!.AutoPromotionEnabled);
    }

    [Fact]
    public async Task Reconcile_NewerFreight_AutoPromotesTheNewestCandidateOnly()
    {
        await using var f = await PipelineFixture.CreateAsync();
        await f.ApplyAsync(PipelineFixture.StageYaml("dev"), PipelineFixture.AutoPromote("dev"));
        await f.PutFreightAsync("f1", 0);
        await f.PutFreightAsync("f2", 5);

        await f.RunUntilIdleAsync();

        var promotion = Assert.Single(await f.PromotionsAsync("dev"));
        Assert.Equal("f2", promotion.Spec!.Freight);
    }

    [Fact]
    public async Task Reconcile_DownstreamWithSoakTime_AvailableOnlyAfterSoakOnTheFakeClock()
    {
        await using var f = await PipelineFixture.CreateAsync();
        await f.ApplyAsync(PipelineFixture.StageYaml("dev"), PipelineFixture.StageYaml("prod", ["dev"], soak: "1h"), PipelineFixture.AutoPromote("dev", "prod"));
        await f.PutFreightAsync("f1");

        await f.RunUntilIdleAsync();
        Assert.Empty(await f.PromotionsAsync("prod"));

        f.Time.Advance(TimeSpan.FromMinutes(59));
        await f.RunUntilIdleAsync();
        Assert.Empty(await f.PromotionsAsync("prod"));

        f.Time.Advance(TimeSpan.FromMinutes(1));
        await f.RunUntilIdleAsync();
        var promotion = Assert.Single(await f.PromotionsAsync("prod"));
        Assert.Equal(PromotionPhase.Succeeded, promotion.Status!.Phase);
    }

    [Fact]
    public async Task Reconcile_DownstreamWithoutSoak_PromotedOnceVerifiedUpstream()
    {
        await using var f = await PipelineFixture.CreateAsync();
        await f.ApplyAsync(PipelineFixture.StageYaml("dev"), PipelineFixture.StageYaml("prod", ["dev"]), PipelineFixture.AutoPromote("dev", "prod"));
        await f.PutFreightAsync("f1");

        await f.RunUntilIdleAsync();

        Assert.Equal(PromotionPhase.Succeeded, Assert.Single(await f.PromotionsAsync("prod")).Status!.Phase);
        Assert.True((await f.FreightAsync("f1")).Status!.VerifiedIn!.ContainsKey("prod"));
    }

    [Fact]
    public async Task Reconcile_VerificationWithoutRunner_EndsInErrorAndFreightIsNotVerified()
    {
        await using var f = await PipelineFixture.CreateAsync();
        await f.ApplyAsync(PipelineFixture.StageYaml("dev", verification: true), PipelineFixture.StageYaml("prod", ["dev"]), PipelineFixture.AutoPromote("dev", "prod"));
        await f.PutFreightAsync("f1");

        await f.RunUntilIdleAsync();

        var stage = await f.StageAsync("dev");
        var verification = stage.Status!.FreightHistory![0].VerificationHistory![0];
        Assert.Equal(VerificationPhase.Error, verification.Phase);
        Assert.Equal(VerificationDriver.NotConfigured, verification.Message);
        Assert.Equal("False", stage.Status.Conditions!.Single(c => c.Type == "Verified").Status);
        Assert.False((await f.FreightAsync("f1")).Status!.VerifiedIn?.ContainsKey("dev") ?? false);
        Assert.Empty(await f.PromotionsAsync("prod"));
        var audit = await f.AuditAsync();
        Assert.Single(audit, a => a.Type == AuditTypes.VerificationStarted && a.Stage == "dev");
        Assert.Single(audit, a => a.Type == AuditTypes.VerificationFinished && a.Stage == "dev" && a.Phase == "Error");
    }

    [Theory]
    [InlineData("the check passes: verified, then promoted downstream", true)]
    [InlineData("the check fails: not verified, nothing downstream", false)]
    public async Task Reconcile_VerificationWithHttpAnalysis_VerifiesOnlyWhenTheCheckPasses(string scenario, bool ready)
    {
        Assert.NotNull(scenario);
        await using var server = new Promotion.Steps.LocalHttpServer(_ => new Promotion.Steps.HttpReply(200, "{\"ready\":" + (ready ? "true" : "false") + "}", "application/json"));
        using var random = RandomNumberGenerator.Create();
        HttpAnalysisRunner? runner = null;
        await using var f = await PipelineFixture.CreateAsync((store, time) => runner = new HttpAnalysisRunner(store, time, random));
        using var ownedRunner = runner;
        await f.ApplyAsync(
            $$"""
            apiVersion: argoproj.io/v1alpha1
            kind: AnalysisTemplate
            metadata:
              name: smoke
              namespace: p
            spec:
              metrics:
              - name: ready
                successCondition: result == true
                provider:
                  web:
                    url: {{server.At("health")}}
                    jsonPath: "{$.ready}"
            """,
            PipelineFixture.StageYaml("dev", verification: true),
            PipelineFixture.StageYaml("prod", ["dev"]),
            PipelineFixture.AutoPromote("dev", "prod"));
        await f.PutFreightAsync("f1");

        await f.RunUntilIdleAsync();

        var verification = (await f.StageAsync("dev")).Status!.FreightHistory![0].VerificationHistory![0];
        Assert.Equal(ready ? VerificationPhase.Successful : VerificationPhase.Failed, verification.Phase);
        Assert.NotEmpty(server.Requests);
        Assert.Equal(ready, (await f.FreightAsync("f1")).Status!.VerifiedIn?.ContainsKey("dev") ?? false);
        Assert.Equal(ready ? 1 : 0, (await f.PromotionsAsync("prod")).Count);
        var audit = await f.AuditAsync();
        Assert.Single(audit, a => a.Type == AuditTypes.VerificationFinished && a.Stage == "dev" && a.Phase == verification.Phase.ToString());
    }

    [Fact]
    public async Task Reconcile_ControlFlowStage_VerifiesAvailableFreightAtOnceAndFansOut()
    {
        await using var f = await PipelineFixture.CreateAsync();
        await f.ApplyAsync(
            PipelineFixture.StageYaml("dev"),
            PipelineFixture.StageYaml("gate", ["dev"], steps: false),
            PipelineFixture.StageYaml("prod", ["gate"]),
            PipelineFixture.AutoPromote("dev", "prod"));
        await f.PutFreightAsync("f1");

        await f.RunUntilIdleAsync();

        var freight = await f.FreightAsync("f1");
        Assert.True(freight.Status!.VerifiedIn!.ContainsKey("gate"));
        Assert.False(freight.Status.CurrentlyIn!.ContainsKey("gate"));
        Assert.Empty(await f.PromotionsAsync("gate"));
        Assert.Equal(PromotionPhase.Succeeded, Assert.Single(await f.PromotionsAsync("prod")).Status!.Phase);
    }

    [Fact]
    public async Task Reconcile_StageDeleted_FreightForgetsVerificationInIt()
    {
        await using var f = await PipelineFixture.CreateAsync();
        await f.ApplyAsync(PipelineFixture.StageYaml("dev"), PipelineFixture.AutoPromote("dev"));
        await f.PutFreightAsync("f1");
        await f.RunUntilIdleAsync();
        Assert.True((await f.FreightAsync("f1")).Status!.VerifiedIn!.ContainsKey("dev"));

        await f.Store.DeleteAsync(new ResourceKey("Stage", "p", "dev"));
        await f.RunUntilIdleAsync();

        Assert.False((await f.FreightAsync("f1")).Status!.VerifiedIn?.ContainsKey("dev") ?? false);
    }

    [Fact]
    public async Task Reconcile_PersonPromotesOlderFreight_AutoPromotionHeldForThatOrigin()
    {
        await using var f = await PipelineFixture.CreateAsync();
        await f.ApplyAsync(PipelineFixture.StageYaml("dev"), PipelineFixture.AutoPromote("dev"));
        await f.PutFreightAsync("f1", 0);
        await f.PutFreightAsync("f2", 5);
        await f.RunUntilIdleAsync();
        // Promotion names order by the ULID's time: the person's comes after the auto-promotion.
        f.Time.Advance(TimeSpan.FromSeconds(1));

        var manual = await f.PromoteAsync("dev", "f1");
        Assert.True(manual.Succeeded, string.Join("; ", manual.Errors));
        await f.RunUntilIdleAsync();

        var stage = await f.StageAsync("dev");
        Assert.Equal("f1", stage.Status!.FreightHistory![0].Items!["Warehouse/w"].Name);
        Assert.True(stage.Status.AutoPromotionHolds!.ContainsKey("Warehouse/w"));
        Assert.Equal(2, (await f.PromotionsAsync("dev")).Count);
    }

    [Fact]
    public async Task Reconcile_IdleStage_WritesNothing()
    {
        await using var f = await PipelineFixture.CreateAsync();
        await f.ApplyAsync(PipelineFixture.StageYaml("dev"), PipelineFixture.AutoPromote("dev"));
        await f.PutFreightAsync("f1");
        await f.RunUntilIdleAsync();
        var before = await f.Store.GetResourceVersionAsync();

        var result = await f.Stages.ReconcileAsync(new ResourceKey("Stage", "p", "dev"), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(before, await f.Store.GetResourceVersionAsync());
    }
}
