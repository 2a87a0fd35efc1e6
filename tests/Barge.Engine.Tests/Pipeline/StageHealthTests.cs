using System.Text.Json.Nodes;
using Barge.Engine.Pipeline;
using Barge.Resources.Model;
using Xunit;
using static Barge.Engine.Tests.Pipeline.PipelineFixtures;

namespace Barge.Engine.Tests.Pipeline;

public sealed class StageHealthTests
{
    private sealed class FixedCheck(string kind, string status, params string[] issues) : IHealthCheck
    {
        public string Kind => kind;

        public List<JsonNode?> Configs { get; } = [];

        public Task<HealthCheckResult> CheckAsync(string project, string stage, JsonNode? config, CancellationToken cancellationToken)
        {
            Configs.Add(config);
            return Task.FromResult(new HealthCheckResult(status, issues, new JsonObject { ["kind"] = kind }));
        }
    }

    private static Stage AfterPromotion(PromotionPhase phase, params HealthCheckStep[] checks) =>
        Stage("dev", Direct("grommet-dev")).WithStatus(s => s with
        {
            LastPromotion = new PromotionReference { Name = "dev.01", Status = new PromotionStatus { Phase = phase, HealthChecks = checks.Length == 0 ? null : [.. checks] } },
        });

    [Fact]
    public async Task AssessAsync_PromotionInProgress_Unknown()
    {
        var stage = AfterPromotion(PromotionPhase.Succeeded).WithStatus(s => s with { CurrentPromotion = new PromotionReference { Name = "dev.02" } });

        var status = await new StageHealth(Clock(), []).AssessAsync(stage, CancellationToken.None);

        Assert.Equal(HealthStates.Unknown, status.Health!.Status);
        Assert.Equal("ActivePromotion", StageConditions.Get(status.Conditions, "Healthy")!.Reason);
    }

    [Fact]
    public async Task AssessAsync_NoPromotionYet_NoHealth()
    {
        var status = await new StageHealth(Clock(), []).AssessAsync(Stage("dev", Direct("grommet-dev")), CancellationToken.None);

        Assert.Null(status.Health);
        Assert.Equal("NoFreight", StageConditions.Get(status.Conditions, "Healthy")!.Reason);
    }

    [Fact]
    public async Task AssessAsync_LastPromotionFailed_Unknown()
    {
        var status = await new StageHealth(Clock(), []).AssessAsync(AfterPromotion(PromotionPhase.Failed), CancellationToken.None);

        Assert.Equal(HealthStates.Unknown, status.Health!.Status);
        Assert.Equal("LastPromotionFailed", StageConditions.Get(status.Conditions, "Healthy")!.Reason);
    }

    [Fact]
    public async Task AssessAsync_NoHealthChecks_NotApplicable()
    {
        var status = await new StageHealth(Clock(), []).AssessAsync(AfterPromotion(PromotionPhase.Succeeded), CancellationToken.None);

        Assert.Equal(HealthStates.NotApplicable, status.Health!.Status);
        Assert.True(HealthStates.PassesChecks(status.Health.Status));
    }

    [Fact]
    public async Task AssessAsync_SeveralChecks_MostSevereWinsIssuesAndOutputMerged()
    {
        var healthy = new FixedCheck("argocd", HealthStates.Healthy);
        var progressing = new FixedCheck("http", HealthStates.Progressing, "rollout at 50%");
        var stage = AfterPromotion(PromotionPhase.Succeeded,
            new HealthCheckStep { Uses = "argocd", Config = new JsonObject { ["app"] = "grommet" } },
            new HealthCheckStep { Uses = "http" });

        var status = await new StageHealth(Clock(), [healthy, progressing]).AssessAsync(stage, CancellationToken.None);

        Assert.Equal(HealthStates.Progressing, status.Health!.Status);
        Assert.Equal(["rollout at 50%"], status.Health.Issues);
        Assert.Equal(2, status.Health.Output!.AsArray().Count);
        Assert.Equal("grommet", healthy.Configs.Single()!["app"]!.GetValue<string>());
    }

    [Fact]
    public async Task AssessAsync_UnknownCheckKind_UnknownWithIssueNamingIt()
    {
        var stage = AfterPromotion(PromotionPhase.Succeeded, new HealthCheckStep { Uses = "argocd" });

        var status = await new StageHealth(Clock(), []).AssessAsync(stage, CancellationToken.None);

        Assert.Equal(HealthStates.Unknown, status.Health!.Status);
        Assert.Equal(["no health checker registered for health check kind \"argocd\""], status.Health.Issues);
    }

    [Fact]
    public async Task AssessAsync_Unhealthy_ConditionFalse()
    {
        var stage = AfterPromotion(PromotionPhase.Succeeded, new HealthCheckStep { Uses = "http" });

        var status = await new StageHealth(Clock(), [new FixedCheck("http", HealthStates.Unhealthy, "503")]).AssessAsync(stage, CancellationToken.None);

        Assert.Equal("False", StageConditions.Get(status.Conditions, "Healthy")!.Status);
    }

    [Theory]
    [InlineData(HealthStates.Healthy, HealthStates.NotApplicable, HealthStates.NotApplicable)]
    [InlineData(HealthStates.Progressing, HealthStates.Unknown, HealthStates.Unknown)]
    [InlineData(HealthStates.Unhealthy, HealthStates.Unknown, HealthStates.Unhealthy)]
    public void Merge_MoreSevereWins(string a, string b, string expected)
    {
        Assert.Equal(expected, HealthStates.Merge(a, b));
        Assert.Equal(expected, HealthStates.Merge(b, a));
    }
}
