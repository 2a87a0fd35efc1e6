using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace Barge.Benchmarks.Server;

/// <summary>
/// The load client of bench/serve-load.sh (not a BenchmarkDotNet suite): CLIENTS concurrent clients
/// list the Stages of a project for SECONDS and report requests, errors and latency percentiles; then
/// one SSE watcher measures the latency from a Stage write (a refresh request) to its event.
/// With a sixth argument <c>gzip</c> the clients send <c>Accept-Encoding: gzip</c> and decompress each
/// body (as browsers and Go's HTTP client do); without it they ask for identity bodies.
/// A seventh argument is the token the SSE part writes with (a refresh needs promoter rights; the
/// listing token may be a viewer's); without it the listing token writes.
/// Usage: serve-load URL TOKEN PROJECT CLIENTS SECONDS [gzip|identity] [WRITE_TOKEN]
/// </summary>
internal static class ServeLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var (url, token, project) = (args[0], args[1], args[2]);
        var clients = int.Parse(args[3], CultureInfo.InvariantCulture);
        var seconds = int.Parse(args[4], CultureInfo.InvariantCulture);
        var gzip = args.Length > 5 && args[5] == "gzip";
        var writeToken = args.Length > 6 ? args[6] : token;
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = clients,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            AutomaticDecompression = gzip ? System.Net.DecompressionMethods.GZip : System.Net.DecompressionMethods.None,
        };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var path = $"/v1beta1/projects/{project}/stages";
        using (var warm = await http.GetAsync(path))
        {
            var bytes = (await warm.Content.ReadAsByteArrayAsync()).Length;
            Console.WriteLine($"one list: {(int)warm.StatusCode}, {bytes / 1024} KiB of JSON, gzip {(gzip ? "accepted" : "not asked")}");
        }
        var latencies = new List<double>[clients];
        var errors = 0L;
        var until = Stopwatch.GetTimestamp() + (long)(seconds * (double)Stopwatch.Frequency);
        var workers = Enumerable.Range(0, clients).Select(i => Task.Run(async () =>
        {
            var mine = latencies[i] = [];
            while (Stopwatch.GetTimestamp() < until)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
                catch (TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double P(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)(p * all.Length))];
        Console.WriteLine($"list load: {clients} clients x {seconds} s: {all.Length} requests ({all.Length / (double)seconds:F0}/s), {errors} errors, " +
            $"p50 {P(0.50):F0} ms, p99 {P(0.99):F0} ms, max {all[^1]:F0} ms");
        Console.WriteLine($"load generator CPU during the list load: {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F1} s");

        // SSE: write (refresh a Stage) then wait for its MODIFIED event, 50 times.
        var stage = "stage-0000";
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1beta1/projects/{project}/stages/{stage}?watch=true");
        using var stream = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        await NextDataAsync(reader); // the initial ADDED
        var sse = new List<double>();
        for (var i = 0; i < 50; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using var write = new HttpRequestMessage(HttpMethod.Post, $"/v1beta1/projects/{project}/stages/{stage}/refresh");
            write.Headers.Authorization = new AuthenticationHeaderValue("Bearer", writeToken);
            var refresh = http.SendAsync(write);
            await NextDataAsync(reader);
            sse.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            (await refresh).Dispose();
        }
        sse.Sort();
        Console.WriteLine($"SSE write-to-event (refresh request sent -> event read), 50 writes: p50 {sse[25]:F1} ms, p99 {sse[49]:F1} ms");
        return errors == 0 ? 0 : 1;
    }

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
