using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Barge.Resources.Model;
using Barge.Resources.Serialization;
using Barge.Server.Ui.Graph;
using Barge.Storage;
using Barge.Storage.Sqlite;
using Microsoft.Playwright;

namespace Barge.Benchmarks.Ui;

/// <summary>
/// The browser-side figures of bench/ui-browser.sh against a running <c>barge serve</c> holding the
/// 1,000-Stage fixture: (1) server-side graph time from the REST lists (fetch + model + layout + SVG);
/// (2) Chromium, signed in through the UI's form, loading the project page (PAGE_PATH, default
/// <c>/ui/projects/PROJECT</c>): first contentful paint, first/last byte, load; (3) a Promotion's phase
/// change written into the store → the DOM mutation in an open Promotion page and project page;
/// (4) CONNECTIONS live UI streams: server memory, and a write → its fragment on all of them.
/// Usage: ui-browser URL TOKEN PROJECT CONNECTIONS [PAGE_PATH], with BARGE_HOME the server's home.
/// </summary>
internal static class UiBrowserMacro
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length is < 4 or > 5)
        {
            await Console.Error.WriteLineAsync("usage: ui-browser URL TOKEN PROJECT CONNECTIONS [PAGE_PATH]   (BARGE_HOME names the server's home: the bench writes its store)");
            return 2;
        }
        var (url, token, project) = (args[0].TrimEnd('/'), args[1], args[2]);
        var connections = int.Parse(args[3], CultureInfo.InvariantCulture);
        var pagePath = args.Length == 5 ? args[4] : $"/ui/projects/{project}";
        var home = Environment.GetEnvironmentVariable("BARGE_HOME") is { Length: > 0 } h ? h : throw new InvalidOperationException("BARGE_HOME is not set: the bench writes Promotions into the server's store");
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections + 8 };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(120) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await using var store = await SqliteResourceStore.OpenAsync(new SqliteStoreOptions(Path.Combine(home, "barge.db")), TimeProvider.System);

        await ServerGraphAsync(http, project);
        var stages = await ListAsync<Stage>(http, $"/v1beta1/projects/{project}/stages");
        var stage = stages[stages.Count / 2];
        var freight = UiResourcesCurrent(stage) ?? throw new InvalidOperationException($"Stage {stage.Name} has no current Freight");
        var promotion = await UiPhaseLatency.CreatePromotionAsync(store, project, stage.Name, freight);
        await BrowserAsync(url, token, pagePath, store, promotion, stage.Name);
        return await SseFanOutAsync(url, token, project, connections, store, promotion);
    }

    private static string? UiResourcesCurrent(Stage stage) => stage.Status?.FreightHistory?.FirstOrDefault()?.Items?.Values.FirstOrDefault()?.Name;

    private static async Task ServerGraphAsync(HttpClient http, string project)
    {
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var stages = await ListAsync<Stage>(http, $"/v1beta1/projects/{project}/stages");
            var warehouses = await ListAsync<Warehouse>(http, $"/v1beta1/projects/{project}/warehouses");
            var fetched = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var graph = PipelineGraphs.FromResources(warehouses, stages, Lines, w => "/warehouses/" + w, s => "/stages/" + s);
            var layout = GraphLayout.Compute(graph);
            var svg = SvgGraph.Render(layout) + SvgGraph.RenderMinimap(layout);
            var total = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            times.Add(total - fetched);
            Console.WriteLine($"graph {i + 1}: {stages.Count} Stages, {warehouses.Count} Warehouses; REST lists {fetched:F0} ms, model+layout+SVG {total - fetched:F1} ms, {svg.Length / 1024} KiB SVG");
        }
        times.Sort();
        Console.WriteLine($"graph model+layout+SVG, median of 5: {times[2]:F1} ms");
    }

    // Signs in through the UI's form (the UI authenticates by session cookie, not by bearer header), then
    // measures the project page's paint and a Promotion's phase change on the Promotion and project pages.
    private static async Task BrowserAsync(string url, string token, string pagePath, SqliteResourceStore store, ResourceKey promotion, string stage)
    {
        using var playwright = await Playwright.CreateAsync();
        var profile = Directory.CreateTempSubdirectory("barge-bench-chromium");
        try
        {
            await using var browser = await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = Environment.GetEnvironmentVariable("BARGE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
                ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            });
            var signIn = await browser.NewPageAsync();
            await signIn.GotoAsync(url + "/ui/signin");
            await signIn.GetByLabel("Server token").FillAsync(token);
            await signIn.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await signIn.WaitForURLAsync(u => !u.Contains("/signin", StringComparison.Ordinal));
            await signIn.CloseAsync();
            for (var i = 0; i < 5; i++)
            {
                var page = await browser.NewPageAsync();
                await page.BringToFrontAsync(); // a background tab is not painted, so it records no paint entries
                var wall = Stopwatch.GetTimestamp();
                var response = await page.GotoAsync(url + pagePath, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 120_000 });
                var wallMs = Stopwatch.GetElapsedTime(wall).TotalMilliseconds;
                if (response is null || !response.Ok || page.Url.Contains("/signin", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"{pagePath}: answered {response?.Status} at {page.Url}");
                }
                var fcp = await page.EvaluateAsync<double>("() => (performance.getEntriesByName('first-contentful-paint')[0] || {startTime: -1}).startTime");
                var nav = await page.EvaluateAsync<double[]>("() => { const n = performance.getEntriesByType('navigation')[0]; return n ? [n.responseStart, n.responseEnd, n.domContentLoadedEventEnd, n.loadEventEnd, n.transferSize] : [-1,-1,-1,-1,-1]; }");
                var frame = await page.EvaluateAsync<double>("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))))");
                var fcpText = fcp < 0 ? "not recorded" : $"{fcp:F0} ms";
                Console.WriteLine($"paint {i + 1} ({pagePath}): first contentful paint {fcpText}, first byte {nav[0]:F0} ms, last byte {nav[1]:F0} ms, " +
                    $"DOMContentLoaded {nav[2]:F0} ms, load {nav[3]:F0} ms, frame after load {frame:F0} ms, goto wall {wallMs:F0} ms, {nav[4] / 1024:F0} KiB");
                await page.CloseAsync();
            }
            var promotionPage = $"{url}/ui/projects/{Uri.EscapeDataString(promotion.Project)}/promotions/{Uri.EscapeDataString(promotion.Name)}";
            await UiPhaseLatency.MeasureAsync(browser, store, promotion, promotionPage, "#promotion-live dd.phase", "on the Promotion page");
            try
            {
                // The project page shows a page of Stage cards: the name filter brings the measured Stage's card onto it.
                var cardPath = pagePath + (pagePath.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "q=" + Uri.EscapeDataString(stage);
                await UiPhaseLatency.MeasureAsync(browser, store, promotion, url + cardPath, $"#stage-{stage} [data-phase]", "on the project page (Stage card)");
            }
            catch (TimeoutException ex)
            {
                Console.WriteLine($"phase change on the project page: not visible within 30 s ({ex.Message.Split('\n')[0]})");
            }
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    // CONNECTIONS live UI streams (the project page's when it has one, else the Promotion page's), signed in by
    // cookie; the server's memory with them open, and a Promotion write -> the event on every stream.
    private static async Task<int> SseFanOutAsync(string url, string token, string project, int connections, SqliteResourceStore store, ResourceKey promotion)
    {
        var cookies = new System.Net.CookieContainer();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections + 8, CookieContainer = cookies, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = Timeout.InfiniteTimeSpan };
        var form = await http.GetStringAsync("/ui/signin");
        var csrf = System.Text.RegularExpressions.Regex.Match(form, "name=\"_csrf\" value=\"([^\"]+)\"").Groups[1].Value;
        using (var signIn = await http.PostAsync("/ui/signin", new FormUrlEncodedContent([new("_csrf", csrf), new("token", token)])))
        {
            if ((int)signIn.StatusCode is not (302 or 303))
            {
                throw new InvalidOperationException($"sign-in answered {(int)signIn.StatusCode}");
            }
        }
        var livePath = Environment.GetEnvironmentVariable("LIVE_PATH") is { Length: > 0 } lp
            ? lp
            : $"/ui/projects/{Uri.EscapeDataString(project)}/promotions/{Uri.EscapeDataString(promotion.Name)}/live";
        var readers = new List<StreamReader>();
        var responses = new List<HttpResponseMessage>();
        var opened = Stopwatch.GetTimestamp();
        for (var i = 0; i < connections; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, livePath);
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            responses.Add(response);
            readers.Add(new StreamReader(await response.Content.ReadAsStreamAsync()));
        }
        Console.WriteLine($"SSE: {connections} live UI streams ({livePath}) open in {Stopwatch.GetElapsedTime(opened).TotalMilliseconds:F0} ms");
        await Task.Delay(2000);
        Console.WriteLine($"server memory with {connections} live UI streams open: {ServerMemory()}");
        var all = new List<double>();
        var first = new List<double>();
        for (var round = 0; round < 20; round++)
        {
            var phase = round % 2 == 0 ? "Succeeded" : "Running";
            var current = await store.GetAsync(promotion) ?? throw new InvalidOperationException($"{promotion} vanished");
            var marker = "data-phase=\"" + phase + "\"";
            var start = Stopwatch.GetTimestamp();
            var waits = readers.Select(async r =>
            {
                await NextContainingAsync(r, marker);
                return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }).ToList();
            await store.UpdateStatusAsync(promotion, current.ResourceVersion, JsonSerializer.SerializeToElement(new { phase, message = "fan-out " + round }));
            var got = await Task.WhenAll(waits);
            all.Add(got.Max());
            first.Add(got.Min());
        }
        all.Sort();
        first.Sort();
        Console.WriteLine($"SSE fan-out, Promotion write -> its fragment on all {connections} streams, 20 writes: median {all[10]:F0} ms, max {all[^1]:F0} ms (first stream median {first[10]:F0} ms)");
        Console.WriteLine($"server memory after the writes: {ServerMemory()}");
        foreach (var reader in readers)
        {
            reader.Dispose();
        }
        foreach (var response in responses)
        {
            response.Dispose();
        }
        return 0;
    }

    // VmRSS and VmHWM of the server process named by BARGE_SERVER_PID (bench/ui-browser.sh sets it).
    private static string ServerMemory()
    {
        var pid = Environment.GetEnvironmentVariable("BARGE_SERVER_PID");
        var status = $"/proc/{pid}/status";
        if (string.IsNullOrEmpty(pid) || !File.Exists(status))
        {
            return "unknown (BARGE_SERVER_PID not set)";
        }
        return string.Join(", ", File.ReadLines(status).Where(l => l.StartsWith("VmRSS", StringComparison.Ordinal) || l.StartsWith("VmHWM", StringComparison.Ordinal))
            .Select(l => string.Join(' ', l.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries))));
    }

    private static async Task<List<T>> ListAsync<T>(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        return doc.RootElement.GetProperty("items").EnumerateArray().Select(e => ResourceSerializer.FromJson<T>(e.GetRawText())!).ToList();
    }

    private static List<string> Lines(Stage stage) =>
        stage.Status?.FreightHistory?.FirstOrDefault()?.Items?.Values.Select(i => $"{i.Origin?.Name}: {i.Images?.FirstOrDefault()?.Tag}").ToList() ?? [];

    private static async Task NextContainingAsync(StreamReader reader, string marker)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal) && line.Contains(marker, StringComparison.Ordinal))
            {
                return;
            }
        }
        throw new EndOfStreamException("the stream ended");
    }
}
