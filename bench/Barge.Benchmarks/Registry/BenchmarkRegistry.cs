using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Barge.Engine.Registry;

namespace Barge.Benchmarks.Registry;

/// <summary>
/// A docker-registry process on a free loopback port with images pushed over the Distribution
/// API: one tiny OCI image per tag, each with its own config (and creation time).
/// </summary>
internal sealed class BenchmarkRegistry : IDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private BenchmarkRegistry(Process process, string folder, string host)
    {
        _process = process;
        _folder = folder;
        Host = host;
    }

    public string Host { get; }

    public static BenchmarkRegistry Start()
    {
        var binary = Environment.GetEnvironmentVariable("BARGE_REGISTRY_BINARY") ?? "/usr/bin/docker-registry";
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException($"{binary} is missing: run scripts/services/registry.sh install");
        }
        var folder = Directory.CreateTempSubdirectory("barge-bench-registry").FullName;
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        var config = Path.Combine(folder, "config.yml");
        File.WriteAllText(config, $"version: 0.1\nlog:\n  level: error\n  accesslog:\n    disabled: true\nstorage:\n  filesystem:\n    rootdirectory: {folder}/data\nhttp:\n  addr: 127.0.0.1:{port}\n  secret: bench\n");
        var start = new ProcessStartInfo(binary) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(config);
        var process = Process.Start(start)!;
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var registry = new BenchmarkRegistry(process, folder, $"127.0.0.1:{port}");
        using var http = new HttpClient();
        for (var i = 0; i < 200; i++)
        {
            try
            {
                using var response = http.GetAsync($"http://{registry.Host}/v2/").GetAwaiter().GetResult();
                if (response.IsSuccessStatusCode)
                {
                    return registry;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            Thread.Sleep(50);
        }
        registry.Dispose();
        throw new InvalidOperationException("docker-registry did not start");
    }

    public async Task PushImagesAsync(string repository, int count, DateTimeOffset firstCreated)
    {
        using var http = new HttpClient();
        var layer = Encoding.UTF8.GetBytes("bench layer");
        var layerDigest = await PushBlobAsync(http, repository, layer);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) =>
        {
            var created = firstCreated.AddMinutes((i * 7919) % count).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
            var config = Encoding.UTF8.GetBytes($$"""{"created":"{{created}}","architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]""" + "}}");
            var configDigest = await PushBlobAsync(http, repository, config);
            var manifest = Encoding.UTF8.GetBytes(
                $$"""{"schemaVersion":2,"mediaType":"{{ManifestMediaTypes.OciManifest}}","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"{{configDigest}}","size":{{config.Length}}},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"{{layerDigest}}","size":{{layer.Length}} """
                + "}]}");
            using var put = new HttpRequestMessage(HttpMethod.Put, $"http://{Host}/v2/{repository}/manifests/build-{i:D4}")
            {
                Content = new ByteArrayContent(manifest) { Headers = { ContentType = new MediaTypeHeaderValue(ManifestMediaTypes.OciManifest) } },
            };
            using var response = await http.SendAsync(put, token);
            response.EnsureSuccessStatusCode();
        });
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<string> PushBlobAsync(HttpClient http, string repository, byte[] content)
    {
        var digest = ContentDigest.Sha256(content);
        using var post = await http.PostAsync(new Uri($"http://{Host}/v2/{repository}/blobs/uploads/"), null);
        post.EnsureSuccessStatusCode();
        var location = post.Headers.Location!;
        var upload = location.IsAbsoluteUri ? location : new Uri(new Uri($"http://{Host}"), location);
        using var put = await http.PutAsync(new Uri(upload + (upload.Query.Length > 0 ? "&" : "?") + "digest=" + Uri.EscapeDataString(digest)), new ByteArrayContent(content));
        put.EnsureSuccessStatusCode();
        return digest;
    }
}
