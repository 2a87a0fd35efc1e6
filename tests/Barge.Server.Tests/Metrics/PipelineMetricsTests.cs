using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Barge.Engine.Controllers;
using Barge.Engine.Manifests;
using Barge.Engine.Promotion;
using Barge.Resources.Model;
using Barge.Resources.Serialization;
using Barge.Server.Tests.Webhooks;
using Barge.Storage;
using Barge.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Barge.Server.Tests.Metrics;

/// <summary>
/// The whole path with real parts: a signed GitHub push for a real local git repository refreshes its
/// Warehouse, the real Warehouse reconciler discovers it and stores Freight, the real engine promotes
/// that Freight, and /metrics then shows the discovery, the Freight and the promotion with their origin.
/// </summary>
public sealed class PipelineMetricsTests
{
    [Fact]
    public async Task WebhookDiscoveryAndPromotion_AreScrapedWithTheirOrigin()
    {
        using var work = new TempDirectory("barge-hooks-pipeline");
        var repo = work.Combine("repo");
        Directory.CreateDirectory(repo);
        await GitAsync(repo, "init", "-q", "-b", "main");
        await File.WriteAllTextAsync(Path.Combine(repo, "app.txt"), "v1\n");
        await GitAsync(repo, "add", "app.txt");
        await GitAsync(repo, "commit", "-q", "-m", "first");
        var repoUrl = "file://" + repo;
        await using var host = await WebhookHost.StartAsync();
        await WebhookScenario.SeedAsync(host);
        await WebhookScenario.WarehouseAsync(host, "local", $$$"""{"git":{"repoURL":"{{{repoUrl}}}","branch":"main"}}""");
        await PutAsync(host, new Stage
        {
            Metadata = new ObjectMeta { Name = "prod", Namespace = WebhookScenario.Project },
            Spec = new StageSpec
            {
                RequestedFreight = [new FreightRequest { Origin = new FreightOrigin { Kind = "Warehouse", Name = "local" }, Sources = new FreightSources { Direct = true } }],
                PromotionTemplate = new PromotionTemplate { Spec = new PromotionTemplateSpec { Steps = [new PromotionStep { Uses = "compose-output", Config = new JsonObject { ["released"] = true } }] } },
            },
        });

        var push = $$$"""{"ref":"refs/heads/main","repository":{"clone_url":"{{{repoUrl}}}","ssh_url":""},"commits":[]}""";
        using (var response = await host.Client.SendAsync(WebhookScenario.GitHubPush(push)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var key = new ResourceKey("Warehouse", WebhookScenario.Project, "local");
        var token = await WebhookScenario.RefreshOfAsync(host, "local");
        Assert.NotNull(token);
        using (var controller = new WarehouseController(host.Store, work.Combine("home"), host.Cipher, TimeProvider.System, NullLoggerFactory.Instance))
        {
            await controller.Reconciler.ReconcileAsync(key, CancellationToken.None);
            var whileRunning = await host.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
            Assert.Contains(whileRunning.Split('\n'), l => l.StartsWith("barge_controller_queue_depth{", StringComparison.Ordinal) && l.Contains("controller=\"warehouse\"", StringComparison.Ordinal));
        }
        var status = ResourceSerializer.FromJson<WarehouseStatus>((await host.Store.GetAsync(key))!.Status!.Value.GetRawText())!;
        Assert.Equal(token, status.LastHandledRefresh);
        Assert.NotNull(status.LastFreightID);

        var created = await new PromotionFactory(host.Store, TimeProvider.System, RandomNumberGenerator.Create())
            .CreateAsync(new PromotionRequest(WebhookScenario.Project, "prod") { Freight = status.LastFreightID });
        Assert.True(created.Succeeded, string.Join("\n", created.Errors));
        var outcome = await new PromotionEngine(host.Store, new PromotionEngineOptions(work.Combine("promotions")), TimeProvider.System)
            .RunToCompletionAsync(WebhookScenario.Project, created.Promotion!.Name);
        Assert.Equal(PromotionPhase.Succeeded, outcome.Phase);

        var text = await host.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var lines = text.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("barge_promotions_total{", StringComparison.Ordinal) && l.Contains("origin=\"Warehouse/local\"", StringComparison.Ordinal) && l.Contains("stage=\"prod\"", StringComparison.Ordinal) && l.Contains("phase=\"Succeeded\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("barge_promotion_step_duration_seconds_count{", StringComparison.Ordinal) && l.Contains("step=\"compose-output\"", StringComparison.Ordinal) && l.Contains("stage=\"prod\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("barge_discovery_duration_seconds_count{", StringComparison.Ordinal) && l.Contains("warehouse=\"local\"", StringComparison.Ordinal) && l.Contains("result=\"success\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("barge_freight_created_total{", StringComparison.Ordinal) && l.Contains("origin=\"Warehouse/local\"", StringComparison.Ordinal) && l.Contains("project=\"demo\"", StringComparison.Ordinal));
    }

    private static async Task PutAsync(WebhookHost host, Resource resource)
    {
        var manifest = ResourceSerializer.ToJsonNode(resource);
        manifest.Remove("status");
        await host.Store.CreateAsync(new NewResource(new ResourceKey(resource.Kind, resource.Project, resource.Name), resource.ApiVersion, ManifestEnvelope.SpecOf(resource.Kind, manifest)));
    }

    private static async Task GitAsync(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["GIT_AUTHOR_NAME"] = "Test";
        start.Environment["GIT_AUTHOR_EMAIL"] = "test@example.com";
        start.Environment["GIT_COMMITTER_NAME"] = "Test";
        start.Environment["GIT_COMMITTER_EMAIL"] = "test@example.com";
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)}: {error}");
    }
}
