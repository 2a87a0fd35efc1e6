using System.Net;
using Barge.Engine.Discovery;
using Barge.Engine.Telemetry;
using Barge.Resources.Model;
using Barge.Server.Tests.Webhooks;
using Xunit;

namespace Barge.Server.Tests.Metrics;

public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Scrape_AfterPromotionDiscoveryAndWebhook_HasSeriesWithOriginAndRouteLabels()
    {
        await using var host = await WebhookHost.StartAsync();
        await WebhookScenario.SeedAsync(host);
        var origin = new FreightOrigin { Kind = "Warehouse", Name = "metrics-wh" };
        var started = DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        BargeMetrics.PromotionFinished("metrics-p", "prod", origin, new PromotionSpec { Steps = [new PromotionStep { Uses = "git-clone" }] }, new PromotionStatus
        {
            Phase = PromotionPhase.Succeeded,
            StartedAt = started,
            FinishedAt = started.AddSeconds(3),
            StepExecutionMetadata = [new StepExecutionMetadata { StartedAt = started, FinishedAt = started.AddSeconds(2), Status = StepStatus.Succeeded }],
        });
        var spec = new WarehouseSpec { Subscriptions = [new RepoSubscription { Git = new GitSubscription { RepoURL = "https://github.com/example/broken.git" } }] };
        BargeMetrics.DiscoveryFinished("metrics-p", "metrics-wh", spec, new WarehouseDiscoveryOutcome(new DiscoveredArtifacts(), ["git: repository not found"]), TimeSpan.FromMilliseconds(250));
        BargeMetrics.FreightStored("metrics-p", origin);
        using (await host.Client.SendAsync(WebhookScenario.GitHubPush(WebhookScenario.GitHubPushBody("example/app", "refs/heads/main")))) { }

        using var response = await host.Client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Lines(text), l => l.StartsWith("barge_promotions_total{", StringComparison.Ordinal) && l.Contains("origin=\"Warehouse/metrics-wh\"", StringComparison.Ordinal) && l.Contains("phase=\"Succeeded\"", StringComparison.Ordinal) && l.Contains("stage=\"prod\"", StringComparison.Ordinal));
        Assert.Contains(Lines(text), l => l.StartsWith("barge_promotion_duration_seconds_bucket{", StringComparison.Ordinal) && l.Contains("origin=\"Warehouse/metrics-wh\"", StringComparison.Ordinal));
        Assert.Contains(Lines(text), l => l.StartsWith("barge_promotion_step_duration_seconds_count{", StringComparison.Ordinal) && l.Contains("step=\"git-clone\"", StringComparison.Ordinal));
        Assert.Contains(Lines(text), l => l.StartsWith("barge_discovery_duration_seconds_count{", StringComparison.Ordinal) && l.Contains("warehouse=\"metrics-wh\"", StringComparison.Ordinal) && l.Contains("result=\"error\"", StringComparison.Ordinal));
        Assert.Contains(Lines(text), l => l.StartsWith("barge_discovery_errors_total{", StringComparison.Ordinal) && l.Contains("subscription=\"git:https://github.com/example/broken\"", StringComparison.Ordinal));
        Assert.Contains(Lines(text), l => l.StartsWith("barge_freight_created_total{", StringComparison.Ordinal) && l.Contains("origin=\"Warehouse/metrics-wh\"", StringComparison.Ordinal));
        Assert.Contains(Lines(text), l => l.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal) && l.Contains("http_route=\"/webhooks/{receiverType}/{token}\"", StringComparison.Ordinal) && l.Contains("http_response_status_code=\"200\"", StringComparison.Ordinal));
        Assert.DoesNotContain(WebhookScenario.GitHubSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(WebhookScenario.PathOf("github", "gh", WebhookScenario.GitHubSecret), text, StringComparison.Ordinal);
    }

    private static string[] Lines(string text) => text.Split('\n');
}
