using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Barge.Cli.Demo;

/// <summary>
/// A local OCI registry the demo pushes its images to: one tiny image <c>grommet:&lt;tag&gt;</c> per
/// source tag (a config blob, one layer and a manifest over the Distribution API, anonymous, plain HTTP
/// on loopback).
/// </summary>
internal sealed class DemoRegistry : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _base;

    private DemoRegistry(RegistryEndpoint endpoint, HttpClient http)
    {
        Endpoint = endpoint;
        _http = http;
        _base = new Uri($"http://{endpoint}/");
    }

    public RegistryEndpoint Endpoint { get; }

    /// <summary>The image repository the pipeline subscribes to (no tag).</summary>
    public string ImageRepo => Endpoint + "/grommet";

    /// <summary>The registry when <c>/v2/</c> answers 200 within two seconds; otherwise null and why.</summary>
    public static async Task<(DemoRegistry? Registry, string? Problem)> TryConnectAsync(RegistryEndpoint endpoint, CancellationToken cancellationToken)
    {
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            using var probe = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            probe.CancelAfter(TimeSpan.FromSeconds(2));
            using var response = await http.GetAsync(new Uri($"http://{endpoint}/v2/"), probe.Token);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return (new DemoRegistry(endpoint, http), null);
            }
            http.Dispose();
            return (null, $"the registry at {endpoint} answered HTTP {(int)response.StatusCode} to /v2/ (the demo needs an anonymous registry)");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            http.Dispose();
            return (null, $"no registry answers at {endpoint}: {ex.Message}");
        }
    }

    /// <summary>Pushes <c>grommet:tag</c>, created at <paramref name="created"/> (Lexical and SemVer ignore it; NewestBuild would not).</summary>
    public async Task PushImageAsync(string tag, DateTimeOffset created, CancellationToken cancellationToken)
    {
        var config = Encoding.UTF8.GetBytes(
            $$$"""{"created":"{{{created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}}}","architecture":"amd64","os":"linux","config":{"Labels":{"org.opencontainers.image.version":"{{{tag}}}"}},"rootfs":{"type":"layers","diff_ids":["sha256:{{{new string('0', 64)}}}"]}}""");
        var layer = Encoding.UTF8.GetBytes("grommet " + tag);
        var configDigest = await PushBlobAsync(config, cancellationToken);
        var layerDigest = await PushBlobAsync(layer, cancellationToken);
        var manifest = Encoding.UTF8.GetBytes(
            $$$"""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"{{{configDigest}}}","size":{{{config.Length}}}},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"{{{layerDigest}}}","size":{{{layer.Length}}}}]}""");
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(_base, $"v2/grommet/manifests/{tag}"))
        {
            Content = new ByteArrayContent(manifest) { Headers = { ContentType = new MediaTypeHeaderValue("application/vnd.oci.image.manifest.v1+json") } },
        };
        using var response = await _http.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new DemoFailureException($"the registry at {Endpoint} refused the manifest of grommet:{tag}: HTTP {(int)response.StatusCode}");
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<string> PushBlobAsync(byte[] content, CancellationToken cancellationToken)
    {
        var digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));
        using var start = await _http.PostAsync(new Uri(_base, "v2/grommet/blobs/uploads/"), null, cancellationToken);
        if (start.StatusCode != HttpStatusCode.Accepted || start.Headers.Location is not { } location)
        {
            throw new DemoFailureException($"the registry at {Endpoint} refused a blob upload: HTTP {(int)start.StatusCode}");
        }
        var upload = location.IsAbsoluteUri ? location : new Uri(_base, location);
        var separator = upload.Query.Length > 0 ? "&" : "?";
        using var body = new ByteArrayContent(content) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } };
        using var put = await _http.PutAsync(new Uri(upload + separator + "digest=" + Uri.EscapeDataString(digest)), body, cancellationToken);
        if (put.StatusCode != HttpStatusCode.Created)
        {
            throw new DemoFailureException($"the registry at {Endpoint} refused blob {digest}: HTTP {(int)put.StatusCode}");
        }
        return digest;
    }
}
