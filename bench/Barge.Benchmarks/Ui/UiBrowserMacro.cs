using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Barge.Resources.Model;
using Barge.Resources.Serialization;
using Barge.Server.Ui.Graph;
using Microsoft.Playwright;

namespace Barge.Benchmarks.Ui;

/// <summary>
/// The browser-side figures of bench/ui-browser.sh against a running <c>barge serve</c> holding the
/// 1,000-Stage fixture: (1) server-side graph time from the REST lists (fetch + model + layout + SVG);
/// (2) Chromium's first contentful paint and load of a page carrying that SVG (or of PAGE_PATH on the
/// server when given); (3) CONNECTIONS open SSE watches on one Stage, and the time from a Stage write
/// to the moment every one of them has the event. Usage: ui-browser URL TOKEN PROJECT CONNECTIONS [PAGE_PATH]
/// </summary>
internal static class UiBrowserMacro
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length is < 4 or > 5)
        {
            await Console.Error.WriteLineAsync("usage: ui-browser URL TOKEN PROJECT CONNECTIONS [PAGE_PATH]");
            return 2;
        }
        var (url, token, project) = (args[0].TrimEnd('/'), args[1], args[2]);
        var connections = int.Parse(args[3], CultureInfo.InvariantCulture);
        var pagePath = args.Length == 5 ? args[4] : null;
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections + 8 };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(120) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var html = await ServerGraphAsync(http, project);
        await PaintAsync(url, token, html, pagePath);
        return await SseFanOutAsync(http, project, connections);
    }

    private static async Task<string> ServerGraphAsync(HttpClient http, string project)
    {
        var times = new List<double>();
        string svg = "";
        for (var i = 0; i < 5; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var stages = await ListAsync<Stage>(http, $"/v1beta1/projects/{project}/stages");
            var warehouses = await ListAsync<Warehouse>(http, $"/v1beta1/projects/{project}/warehouses");
            var fetched = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var graph = PipelineGraphs.FromResources(warehouses, stages, Lines, w => "/warehouses/" + w, s => "/stages/" + s);
            var layout = GraphLayout.Compute(graph);
            svg = SvgGraph.Render(layout) + SvgGraph.RenderMinimap(layout);
            var total = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            times.Add(total - fetched);
            Console.WriteLine($"graph {i + 1}: {stages.Count} Stages, {warehouses.Count} Warehouses; REST lists {fetched:F0} ms, model+layout+SVG {total - fetched:F1} ms, {svg.Length / 1024} KiB SVG");
        }
        times.Sort();
        Console.WriteLine($"graph model+layout+SVG, median of 5: {times[2]:F1} ms");
        return "<!doctype html><html lang=en><meta charset=utf-8><title>large</title><body style='margin:0'><h1 style='font:16px sans-serif'>Project large</h1>"
            + svg + "</body></html>";
    }

    private static async Task PaintAsync(string url, string token, string html, string? pagePath)
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
            var target = pagePath is null ? "http://graph.barge.invalid/" : url + pagePath;
            if (pagePath is null)
            {
                await browser.RouteAsync("http://graph.barge.invalid/**", route => route.FulfillAsync(new RouteFulfillOptions { Body = html, ContentType = "text/html; charset=utf-8" }));
            }
            else
            {
                await browser.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["Authorization"] = "Bearer " + token });
            }
            for (var i = 0; i < 5; i++)
            {
                var page = await browser.NewPageAsync();
                await page.BringToFrontAsync(); // a background tab is not painted, so it records no paint entries
                var wall = Stopwatch.GetTimestamp();
                await page.GotoAsync(target, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
                var wallMs = Stopwatch.GetElapsedTime(wall).TotalMilliseconds;
                var fcp = await page.EvaluateAsync<double>("() => (performance.getEntriesByName('first-contentful-paint')[0] || {startTime: -1}).startTime");
                var load = await page.EvaluateAsync<double>("() => { const n = performance.getEntriesByType('navigation')[0]; return n ? n.loadEventEnd : -1; }");
                // Headless Chromium does not always record a paint entry for a reused profile's new tab; the
                // second animation frame after load is an upper bound of the first meaningful paint.
                var frame = await page.EvaluateAsync<double>("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))))");
                var fcpText = fcp < 0 ? "not recorded" : $"{fcp:F0} ms";
                Console.WriteLine($"paint {i + 1} ({(pagePath ?? "graph page")}): first contentful paint {fcpText}, load {load:F0} ms, frame after load {frame:F0} ms, goto wall {wallMs:F0} ms");
                await page.CloseAsync();
            }
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    private static async Task<int> SseFanOutAsync(HttpClient http, string project, int connections)
    {
        // The last Stage written: a single-Stage watch replays the kind's later changes on open, so the
        // first Stage (1,000 later writes) costs ~300 ms per watch to open, the last almost nothing.
        var stage = (await ListAsync<Stage>(http, $"/v1beta1/projects/{project}/stages"))[^1].Name;
        var readers = new List<StreamReader>();
        var responses = new List<HttpResponseMessage>();
        var opened = Stopwatch.GetTimestamp();
        for (var i = 0; i < connections; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1beta1/projects/{project}/stages/{stage}?watch=true");
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            responses.Add(response);
            var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            readers.Add(reader);
            await NextDataAsync(reader); // the initial ADDED
        }
        Console.WriteLine($"SSE: {connections} watches of Stage \"{stage}\" open in {Stopwatch.GetElapsedTime(opened).TotalMilliseconds:F0} ms");
        Console.WriteLine($"server memory with {connections} SSE watches open: {ServerMemory()}");
        var all = new List<double>();
        var first = new List<double>();
        for (var round = 0; round < 20; round++)
        {
            var start = Stopwatch.GetTimestamp();
            var waits = readers.Select(async r =>
            {
                await NextDataAsync(r);
                return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }).ToList();
            using var refresh = await http.PostAsync($"/v1beta1/projects/{project}/stages/{stage}/refresh", null);
            var got = await Task.WhenAll(waits);
            all.Add(got.Max());
            first.Add(got.Min());
        }
        all.Sort();
        first.Sort();
        Console.WriteLine($"SSE fan-out, write -> event on all {connections} watches, 20 writes: median {all[10]:F0} ms, max {all[^1]:F0} ms (first watcher median {first[10]:F0} ms)");
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

    private static async Task NextDataAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return;
            }
        }
        throw new EndOfStreamException("the watch ended");
    }
}
