using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Barge.Engine.Controllers;
using Barge.Storage;
using Xunit;
using Xunit.Abstractions;

namespace Barge.Server.Tests.Webhooks;

/// <summary>
/// The issue's webhook load: 1,000 GitHub calls per minute for 2 minutes (BARGE_WEBHOOK_LOAD=1 to run;
/// BARGE_WEBHOOK_LOAD_SECONDS to shorten). A quarter of the calls repeat an earlier delivery; a stand-in
/// controller marks pending refreshes handled twice a second.
/// </summary>
public sealed class WebhookLoadTests(ITestOutputHelper output)
{
    private const int Repositories = 40;

    [LoadFact]
    public async Task GitHubPushes_AtThousandPerMinute_RefreshEveryMatchingWarehouseNoneTwicePerPush()
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("BARGE_WEBHOOK_LOAD_SECONDS"), out var s) ? s : 120;
        await using var host = await WebhookHost.StartAsync();
        await WebhookScenario.SeedAsync(host);
        for (var i = 0; i < Repositories; i++)
        {
            await WebhookScenario.WarehouseAsync(host, $"load-{i}", $$$"""{"git":{"repoURL":"https://github.com/load/repo-{{{i}}}.git","branch":"main"}}""");
        }
        using var stop = new CancellationTokenSource();
        var handled = new Dictionary<string, int>(StringComparer.Ordinal);
        var controller = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await HandlePendingAsync(host.Store, handled);
                await Task.Delay(500, CancellationToken.None);
            }
        });
        var calls = seconds * 1000 / 60;
        var random = new Random(7);
        var sent = new List<(string Delivery, int Repo)>();
        var pushesPerRepo = new int[Repositories];
        var statuses = new Dictionary<string, int>(StringComparer.Ordinal);
        var latencies = new List<double>();
        var clock = Stopwatch.StartNew();
        for (var n = 0; n < calls; n++)
        {
            var due = TimeSpan.FromMilliseconds(n * 60.0);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }
            var duplicate = sent.Count > 0 && random.Next(4) == 0;
            var (delivery, repo) = duplicate ? sent[random.Next(sent.Count)] : (Guid.NewGuid().ToString(), random.Next(Repositories));
            var body = WebhookScenario.GitHubPushBody($"load/repo-{repo}", "refs/heads/main");
            var started = clock.Elapsed;
            using var response = await host.Client.SendAsync(WebhookScenario.GitHubPush(body, delivery: delivery));
            latencies.Add((clock.Elapsed - started).TotalMilliseconds);
            var text = await response.Content.ReadAsStringAsync();
            var outcome = $"{(int)response.StatusCode} {(duplicate ? "dup" : "new")}";
            statuses[outcome] = statuses.GetValueOrDefault(outcome) + 1;
            if (!duplicate)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Contains("refreshed 1 warehouse(s)", text, StringComparison.Ordinal);
                sent.Add((delivery, repo));
                pushesPerRepo[repo]++;
            }
            else
            {
                Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            }
        }
        var elapsed = clock.Elapsed;
        await stop.CancelAsync();
        await controller;
        await HandlePendingAsync(host.Store, handled);

        latencies.Sort();
        output.WriteLine($"{calls} calls in {elapsed.TotalSeconds:F1} s; outcomes: {string.Join(", ", statuses.Select(p => $"{p.Key}={p.Value}"))}");
        output.WriteLine($"latency ms: p50 {latencies[latencies.Count / 2]:F1}, p99 {latencies[(int)(latencies.Count * 0.99)]:F1}, max {latencies[^1]:F1}");
        output.WriteLine($"refresh writes handled: {handled.Values.Sum()} for {sent.Count} distinct pushes");
        for (var i = 0; i < Repositories; i++)
        {
            var writes = handled.GetValueOrDefault($"load-{i}");
            Assert.True(pushesPerRepo[i] == 0 || writes >= 1, $"load-{i}: {pushesPerRepo[i]} pushes but never refreshed");
            Assert.True(writes <= pushesPerRepo[i], $"load-{i}: {writes} refreshes for {pushesPerRepo[i]} pushes");
        }
        Assert.DoesNotContain(await WebhookScenario.RefreshedAsync(host), w => !w.StartsWith("demo/load-", StringComparison.Ordinal));
    }

    /// <summary>The stand-in controller: every Warehouse whose refresh annotation is unhandled gets it handled (counted).</summary>
    private static async Task HandlePendingAsync(Barge.Storage.Sqlite.SqliteResourceStore store, Dictionary<string, int> handled)
    {
        foreach (var warehouse in (await store.ListAsync(ResourceQuery.OfKind("Warehouse", WebhookScenario.Project))).Items)
        {
            var token = warehouse.Annotations.GetValueOrDefault(WarehouseReconciler.RefreshAnnotation);
            var done = warehouse.Status is { ValueKind: JsonValueKind.Object } st && st.TryGetProperty("lastHandledRefresh", out var h) ? h.GetString() : null;
            if (token is null || token == done)
            {
                continue;
            }
            var status = JsonSerializer.SerializeToElement(new JsonObject { ["lastHandledRefresh"] = token });
            try
            {
                await store.UpdateStatusAsync(warehouse.Key, warehouse.ResourceVersion, status);
                handled[warehouse.Key.Name] = handled.GetValueOrDefault(warehouse.Key.Name) + 1;
            }
            catch (ResourceConflictException)
            {
                // A webhook wrote meanwhile; handled on the next pass.
            }
        }
    }
}
