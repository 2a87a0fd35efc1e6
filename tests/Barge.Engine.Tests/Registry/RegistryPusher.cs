using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Barge.Engine.Registry;

namespace Barge.Engine.Tests.Registry;

/// <summary>
/// Pushes test images into a registry over the Distribution HTTP API: blob uploads (POST then
/// monolithic PUT) and manifest PUTs, with tiny configs and layers built here; Docker v2 or OCI
/// manifests, and indexes over several platforms. Speaks Basic and Bearer (asking the token
/// server for pull and push) when the registry challenges.
/// </summary>
internal sealed class RegistryPusher : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly string _host;
    private readonly bool _withCredentials;
    private readonly HashSet<(string, string)> _pushedBlobs = [];
    private AuthenticationHeaderValue? _authorization;

    public RegistryPusher(string host, bool withCredentials = false)
    {
        _host = host;
        _withCredentials = withCredentials;
    }

    public async Task<PushedImage> PushImageAsync(
        string repository,
        string? tag,
        DateTimeOffset created,
        string os = "linux",
        string architecture = "amd64",
        string variant = "",
        IReadOnlyDictionary<string, string>? annotations = null,
        bool oci = true)
    {
        var config = new JsonObject
        {
            ["created"] = created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", System.Globalization.CultureInfo.InvariantCulture),
            ["architecture"] = architecture,
            ["os"] = os,
            ["config"] = new JsonObject { ["Labels"] = new JsonObject { ["barge.test/tag"] = tag ?? "untagged" } },
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray("sha256:" + new string('0', 64)) },
        };
        if (variant.Length > 0)
        {
            config["variant"] = variant;
        }
        var configBytes = Encoding.UTF8.GetBytes(config.ToJsonString());
        var layerBytes = Encoding.UTF8.GetBytes("barge test layer");
        var configDigest = await PushBlobAsync(repository, configBytes);
        var layerDigest = await PushBlobAsync(repository, layerBytes);
        var mediaType = oci ? ManifestMediaTypes.OciManifest : ManifestMediaTypes.DockerManifest;
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = mediaType,
            ["config"] = new JsonObject
            {
                ["mediaType"] = oci ? "application/vnd.oci.image.config.v1+json" : "application/vnd.docker.container.image.v1+json",
                ["digest"] = configDigest,
                ["size"] = configBytes.Length,
            },
            ["layers"] = new JsonArray(new JsonObject
            {
                ["mediaType"] = oci ? "application/vnd.oci.image.layer.v1.tar+gzip" : "application/vnd.docker.image.rootfs.diff.tar.gzip",
                ["digest"] = layerDigest,
                ["size"] = layerBytes.Length,
            }),
        };
        if (annotations is not null)
        {
            var map = new JsonObject();
            foreach (var (key, value) in annotations)
            {
                map[key] = value;
            }
            manifest["annotations"] = map;
        }
        var bytes = Encoding.UTF8.GetBytes(manifest.ToJsonString());
        var digest = ContentDigest.Sha256(bytes);
        await PushManifestAsync(repository, tag ?? digest, mediaType, bytes);
        return new PushedImage(digest, bytes.Length, mediaType, os, architecture, variant);
    }

    public async Task<string> PushIndexAsync(string repository, string tag, IEnumerable<PushedImage> images, bool oci = true, IReadOnlyDictionary<string, string>? annotations = null)
    {
        var entries = new JsonArray();
        foreach (var image in images)
        {
            var platform = new JsonObject { ["os"] = image.Os, ["architecture"] = image.Architecture };
            if (image.Variant.Length > 0)
            {
                platform["variant"] = image.Variant;
            }
            entries.Add(new JsonObject { ["mediaType"] = image.MediaType, ["digest"] = image.Digest, ["size"] = image.Size, ["platform"] = platform });
        }
        var mediaType = oci ? ManifestMediaTypes.OciIndex : ManifestMediaTypes.DockerManifestList;
        var index = new JsonObject { ["schemaVersion"] = 2, ["mediaType"] = mediaType, ["manifests"] = entries };
        if (annotations is not null)
        {
            var map = new JsonObject();
            foreach (var (key, value) in annotations)
            {
                map[key] = value;
            }
            index["annotations"] = map;
        }
        var bytes = Encoding.UTF8.GetBytes(index.ToJsonString());
        await PushManifestAsync(repository, tag, mediaType, bytes);
        return ContentDigest.Sha256(bytes);
    }

    /// <summary>A Helm chart as an OCI artifact: Helm's config media type and a chart layer.</summary>
    public async Task PushChartAsync(string repository, string tag)
    {
        var configBytes = Encoding.UTF8.GetBytes($$"""{"name":"{{repository.Split('/')[^1]}}","version":"{{tag.Replace('_', '+')}}","apiVersion":"v2"}""");
        var chartBytes = Encoding.UTF8.GetBytes("chart " + tag);
        var configDigest = await PushBlobAsync(repository, configBytes);
        var chartDigest = await PushBlobAsync(repository, chartBytes);
        var manifest = $$"""
            {"schemaVersion":2,"mediaType":"{{ManifestMediaTypes.OciManifest}}",
             "config":{"mediaType":"application/vnd.cncf.helm.config.v1+json","digest":"{{configDigest}}","size":{{configBytes.Length}}},
             "layers":[{"mediaType":"application/vnd.cncf.helm.chart.content.v1.tar+gzip","digest":"{{chartDigest}}","size":{{chartBytes.Length}}}]}
            """;
        await PushManifestAsync(repository, tag, ManifestMediaTypes.OciManifest, Encoding.UTF8.GetBytes(manifest));
    }

    public async Task<string> PushBlobAsync(string repository, byte[] content)
    {
        var digest = ContentDigest.Sha256(content);
        if (!_pushedBlobs.Add((repository, digest)))
        {
            return digest;
        }
        using var start = await SendAsync(repository, () => new HttpRequestMessage(HttpMethod.Post, $"http://{_host}/v2/{repository}/blobs/uploads/"));
        Expect(start, HttpStatusCode.Accepted, "blob upload start");
        var location = start.Headers.Location!;
        var upload = location.IsAbsoluteUri ? location : new Uri(new Uri($"http://{_host}"), location);
        var separator = upload.Query.Length > 0 ? "&" : "?";
        using var put = await SendAsync(repository, () => new HttpRequestMessage(HttpMethod.Put, upload + separator + "digest=" + Uri.EscapeDataString(digest))
        {
            Content = new ByteArrayContent(content) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } },
        });
        Expect(put, HttpStatusCode.Created, "blob upload");
        return digest;
    }

    public async Task PushManifestAsync(string repository, string reference, string mediaType, byte[] body)
    {
        using var response = await SendAsync(repository, () => new HttpRequestMessage(HttpMethod.Put, $"http://{_host}/v2/{repository}/manifests/{reference}")
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue(mediaType) } },
        });
        Expect(response, HttpStatusCode.Created, $"manifest {repository}:{reference}");
    }

    public async Task DeleteManifestAsync(string repository, string digest)
    {
        using var response = await SendAsync(repository, () => new HttpRequestMessage(HttpMethod.Delete, $"http://{_host}/v2/{repository}/manifests/{digest}"));
        Expect(response, HttpStatusCode.Accepted, $"delete {repository}@{digest}");
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(string repository, Func<HttpRequestMessage> create)
    {
        using (var first = create())
        {
            first.Headers.Authorization = _authorization;
            var response = await _http.SendAsync(first);
            if (response.StatusCode != HttpStatusCode.Unauthorized || !_withCredentials)
            {
                return response;
            }
            var challenge = response.Headers.WwwAuthenticate.FirstOrDefault();
            response.Dispose();
            _authorization = await AuthorizeAsync(challenge, repository);
        }
        using var second = create();
        second.Headers.Authorization = _authorization;
        return await _http.SendAsync(second);
    }

    private async Task<AuthenticationHeaderValue> AuthorizeAsync(AuthenticationHeaderValue? challenge, string repository)
    {
        var basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(RegistryServer.User + ":" + RegistryServer.Password)));
        if (challenge?.Scheme != "Bearer")
        {
            return basic;
        }
        var parsed = AuthChallenge.Parse("Bearer " + challenge.Parameter)!;
        var uri = $"{parsed.Parameter("realm")}?service={Uri.EscapeDataString(parsed.Parameter("service") ?? "")}&scope={Uri.EscapeDataString($"repository:{repository}:pull,push")}";
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = basic;
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new AuthenticationHeaderValue("Bearer", document.RootElement.GetProperty("token").GetString());
    }

    private static void Expect(HttpResponseMessage response, HttpStatusCode status, string what)
    {
        if (response.StatusCode != status)
        {
            throw new InvalidOperationException($"{what}: expected HTTP {(int)status}, got {(int)response.StatusCode}: {response.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");
        }
    }
}

internal sealed record PushedImage(string Digest, long Size, string MediaType, string Os, string Architecture, string Variant);
