using System.Text.Json;
using Barge.Storage;
using Microsoft.Playwright;

namespace Barge.Benchmarks.Ui;

/// <summary>
/// A Promotion's phase change, from the store write to the DOM mutation in an open page: the bench writes
/// the Promotion's status straight into the server's store (another process on the same SQLite file, as a
/// controller replica would), the page's MutationObserver stamps the moment the phase element changes
/// (<c>performance.timeOrigin + performance.now()</c>, the same wall clock as the bench's write stamp).
/// </summary>
internal static class UiPhaseLatency
{
    private const string Observer = """
        sel => {
          window.__phase = { last: null, at: 0 };
          const read = () => { const el = document.querySelector(sel); return el ? el.getAttribute('data-phase') : null; };
          window.__phase.last = read();
          new MutationObserver(() => {
            const v = read();
            if (v !== window.__phase.last) { window.__phase.last = v; window.__phase.at = performance.timeOrigin + performance.now(); }
          }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        }
        """;

    /// <summary>Creates a Running Promotion for <paramref name="stage"/> holding <paramref name="freight"/>; returns its key.</summary>
    public static async Task<ResourceKey> CreatePromotionAsync(IResourceStore store, string project, string stage, string freight)
    {
        var key = new ResourceKey("Promotion", project, $"{stage}.bench.{Guid.NewGuid():N}");
        var spec = JsonSerializer.SerializeToElement(new { stage, freight, steps = new[] { new { uses = "git-clone", @as = "clone" } } });
        await store.CreateAsync(new NewResource(key, "kargo.akuity.io/v1alpha1", spec) { Status = Status("Running") });
        return key;
    }

    /// <summary>
    /// Flips the Promotion between Running and Succeeded <paramref name="rounds"/> times with the page open
    /// at <paramref name="pageUrl"/>, and prints write → mutation per round (median and max).
    /// </summary>
    public static async Task MeasureAsync(IBrowserContext browser, IResourceStore store, ResourceKey promotion, string pageUrl, string selector, string label, int rounds = 10)
    {
        var page = await browser.NewPageAsync();
        await page.BringToFrontAsync();
        try
        {
            await page.GotoAsync(pageUrl, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 120_000 });
            await page.WaitForSelectorAsync(selector, new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
            await page.EvaluateAsync(Observer, selector);
            // The live stream opens after the load event; give it a moment to be connected before the first write.
            await Task.Delay(1500);
            var fromWrite = new List<double>();
            var fromCommit = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                var phase = round % 2 == 0 ? "Succeeded" : "Running";
                var current = await store.GetAsync(promotion) ?? throw new InvalidOperationException($"{promotion} vanished");
                var before = NowMs();
                await store.UpdateStatusAsync(promotion, current.ResourceVersion, Status(phase));
                var after = NowMs();
                await page.WaitForFunctionAsync("p => window.__phase.last === p", phase, new PageWaitForFunctionOptions { Timeout = 30_000 });
                var seen = await page.EvaluateAsync<double>("() => window.__phase.at");
                fromWrite.Add(seen - before);
                fromCommit.Add(seen - after);
                await Task.Delay(200);
            }
            fromWrite.Sort();
            fromCommit.Sort();
            Console.WriteLine($"phase change {label}: store write start -> DOM mutation, {rounds} writes: median {fromWrite[rounds / 2]:F0} ms, max {fromWrite[^1]:F0} ms " +
                $"(from the write's commit: median {fromCommit[rounds / 2]:F0} ms, max {fromCommit[^1]:F0} ms)");
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    private static JsonElement Status(string phase) =>
        JsonSerializer.SerializeToElement(new { phase, message = "bench " + phase });

    private static double NowMs() => (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).TotalMilliseconds;
}
